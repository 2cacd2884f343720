// SPDX-License-Identifier: MIT
// Subcommands of peft-studio-cli. Each takes the arguments after its name and returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace peft::cli {

int run_inspect(const std::vector<std::string>& args);
int run_tokenize(const std::vector<std::string>& args);
int run_generate(const std::vector<std::string>& args);
int run_params(const std::vector<std::string>& args);
int run_train(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_demo(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);

/// Sets LibTorch's intra-op threads from --threads, PEFT_THREADS or the core count
/// (LibTorch's default here is 1).
void configure_threads(long long requested);

} // namespace peft::cli
