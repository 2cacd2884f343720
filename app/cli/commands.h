// SPDX-License-Identifier: MIT
// Subcommands of peft-studio-cli. Each takes the arguments after its name and returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace peft {
struct RunConfig;
struct RunResult;
class RunObserver;
struct TrainControl;
} // namespace peft

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
#ifdef PEFT_CLI_WITH_PROJECTS
int run_project(const std::vector<std::string>& args);
#endif

/// run_training with Ctrl-C (SIGINT/SIGTERM) cancelling cleanly through `control` (a second
/// Ctrl-C ends the process).
RunResult run_training_interruptible(const RunConfig& run, RunObserver& observer, TrainControl& control,
                                     const std::string& resume_dir);

/// Sets LibTorch's intra-op threads from --threads, PEFT_THREADS or the core count
/// (LibTorch's default here is 1).
void configure_threads(long long requested);

} // namespace peft::cli
