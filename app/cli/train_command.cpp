// SPDX-License-Identifier: MIT
// `train CONFIG`: one run from a run configuration, with a progress bar (or JSON lines), Ctrl-C
// cancelling cleanly through TrainControl, and --resume.
#include "args.h"
#include "commands.h"
#include "progress.h"
#include "run_options.h"

#include "core/error.h"
#include "train/run.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace peft::cli {
namespace {

// The signal handler may only touch a lock-free atomic; TrainControl's flags are std::atomic<bool>.
std::atomic<bool>* g_cancel = nullptr;

void on_interrupt(int) {
    if (g_cancel) g_cancel->store(true);
    // A second Ctrl-C ends the process the default way, for a run stuck outside the loop.
    std::signal(SIGINT, SIG_DFL);
}

/// Installs the handler for the lifetime of a run.
class InterruptGuard {
public:
    explicit InterruptGuard(TrainControl& control) {
        g_cancel = &control.cancel;
        previous_int_ = std::signal(SIGINT, on_interrupt);
        previous_term_ = std::signal(SIGTERM, on_interrupt);
    }
    ~InterruptGuard() {
        std::signal(SIGINT, previous_int_);
        std::signal(SIGTERM, previous_term_);
        g_cancel = nullptr;
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*previous_int_)(int) = SIG_DFL;
    void (*previous_term_)(int) = SIG_DFL;
};

std::string resume_command(const std::string& config_path, const Args& args, const std::string& checkpoint) {
    std::string command = "peft-studio-cli train " + shell_quote(config_path);
    for (const auto& s : args.values("--set")) command += " --set " + shell_quote(s);
    if (auto output = args.value("--output")) command += " --output " + shell_quote(*output);
    return command + " --resume " + shell_quote(checkpoint);
}

} // namespace

int run_train(const std::vector<std::string>& argv) {
    const bool json = has_json_flag(argv);
    RunConfig run;
    std::optional<Args> parsed;
    try {
        parsed.emplace(argv, std::vector<std::string>{"--json", "--plain"});
        run = load_run_config(*parsed, "train CONFIG [--json] [--resume CHECKPOINT_DIR] [--set KEY=VALUE]...");
    } catch (const Error& e) {
        return report_config_error(e.what(), json);
    }
    const Args& args = *parsed;
    const std::string config_path = args.positional_at(0, "CONFIG");

    ProgressStyle style = ProgressStyle::Lines;
    if (args.flag("--json")) style = ProgressStyle::Json;
    else if (!args.flag("--plain") && isatty(fileno(stdout))) style = ProgressStyle::Bar;
    ProgressPrinter printer(std::cout, style, args.integer_or("--log-every", 0));

    TrainControl control;
    RunResult result;
    {
        InterruptGuard guard(control);
        result = run_training(run, printer, control, args.value_or("--resume", ""));
    }
    const std::string hint =
        result.cancelled && !result.last_checkpoint.empty() ? resume_command(config_path, args, result.last_checkpoint) : "";
    printer.finish(result, hint);
    if (result.failed) {
        std::cerr << "error: " << result.error << "\n";
        return result.config_error ? 2 : 1;
    }
    if (result.cancelled) {
        if (style == ProgressStyle::Json && !hint.empty()) std::cerr << "cancelled; resume with: " << hint << "\n";
        return 130; // the shell's code for "ended by Ctrl-C"
    }
    return 0;
}

} // namespace peft::cli
