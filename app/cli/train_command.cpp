// SPDX-License-Identifier: MIT
// `train CONFIG`: one run from a run configuration, with a progress bar (or JSON lines), Ctrl-C
// cancelling cleanly through TrainControl, and --resume.
#include "args.h"
#include "commands.h"
#include "progress.h"
#include "run_options.h"

#include "core/error.h"
#include "train/run.h"

#ifdef PEFT_CLI_WITH_PROJECTS
#include "project/project_cli.h"
#endif

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
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

RunResult run_training_interruptible(const RunConfig& run, RunObserver& observer, TrainControl& control,
                                     const std::string& resume_dir) {
    InterruptGuard guard(control);
    return run_training(run, observer, control, resume_dir);
}

int run_train(const std::vector<std::string>& argv) {
    const bool json = has_json_flag(argv);
    RunConfig run;
    std::optional<Args> parsed;
    try {
        parsed.emplace(argv, std::vector<std::string>{"--json", "--plain"});
        run = load_run_config(*parsed, "train CONFIG [--json] [--resume CHECKPOINT_DIR] [--set KEY=VALUE]... "
                                       "[--project FILE [--run-name NAME]]");
    } catch (const Error& e) {
        return report_config_error(e.what(), json);
    }
    const Args& args = *parsed;
    const std::string config_path = args.positional_at(0, "CONFIG");

    ProgressStyle style = ProgressStyle::Lines;
    if (args.flag("--json")) style = ProgressStyle::Json;
    else if (!args.flag("--plain") && isatty(fileno(stdout))) style = ProgressStyle::Bar;
    ProgressPrinter printer(std::cout, style, args.integer_or("--log-every", 0));

    RunObserver* observer = &printer;
#ifdef PEFT_CLI_WITH_PROJECTS
    // --project FILE: the run is recorded into the project (docs/projects.md).
    std::unique_ptr<ProjectRecorder> recorder;
    if (auto project = args.value("--project")) {
        if (args.value("--resume"))
            return report_config_error("--resume and --project do not go together; continue a project's run with: "
                                       "peft-studio-cli project resume FILE RUN", style == ProgressStyle::Json);
        try {
            recorder = ProjectRecorder::create(*project, run, args.value_or("--run-name", ""), printer);
        } catch (const Error& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 1;
        }
        observer = recorder.get();
    }
#else
    if (args.value("--project") || args.value("--run-name"))
        return report_config_error("this peft-studio-cli was built without project support (--project needs a build "
                                   "with Qt)", style == ProgressStyle::Json);
#endif

    TrainControl control;
    const RunResult result = run_training_interruptible(run, *observer, control, args.value_or("--resume", ""));
    std::string hint =
        result.cancelled && !result.last_checkpoint.empty() ? resume_command(config_path, args, result.last_checkpoint) : "";
#ifdef PEFT_CLI_WITH_PROJECTS
    if (recorder) {
        recorder->finish(result);
        if (!hint.empty()) hint = recorder->resume_command();
    }
#endif
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
