// SPDX-License-Identifier: MIT
// What `train` and `eval` share: reading the run configuration with the command line's
// overrides, threads, and reporting configuration errors (exit code 2).
#pragma once

#include "args.h"

#include "train/run_config.h"

#include <string>
#include <vector>

namespace peft::cli {

/// True when --json is among the arguments (known before they are parsed, for error output).
bool has_json_flag(const std::vector<std::string>& argv);

/// Reads positional CONFIG with --set KEY=VALUE overrides, --output DIR (relative to the current
/// folder) and --threads N; sets LibTorch's threads. `usage` is shown when CONFIG is missing.
RunConfig load_run_config(const Args& args, const std::string& usage);

/// Prints a configuration error (stderr; with --json also a "failed" event on stdout) and
/// returns exit code 2.
int report_config_error(const std::string& message, bool json);

/// Quotes a word for a POSIX shell when it needs it.
std::string shell_quote(const std::string& word);

} // namespace peft::cli
