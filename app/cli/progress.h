// SPDX-License-Identifier: MIT
// How `train` reports a run on the terminal: a progress bar that rewrites one line on a TTY, plain
// lines in a pipe or log, or one JSON object per line per event (--json).
#pragma once

#include "train/run.h"

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace peft::cli {

enum class ProgressStyle { Bar, Lines, Json };

class ProgressPrinter : public RunObserver {
public:
    /// `log_every`: Lines style prints every Nth step (0 = about 20 lines per run).
    ProgressPrinter(std::ostream& out, ProgressStyle style, int64_t log_every = 0);

    void on_status(const std::string& message) override;
    void on_prepared(const RunInfo& info) override;
    void on_started(int64_t first_step, int64_t total_steps) override;
    void on_step(const StepMetrics& m) override;
    void on_eval(const EvalMetrics& m) override;
    void on_checkpoint(const std::string& path, int64_t step) override;
    void on_finished(int64_t steps_done, bool cancelled) override;
    void on_failed(const std::string& message) override;

    /// The final event: the run's outcome, written once by the command after run_training returns.
    void finish(const RunResult& result, const std::string& resume_hint);

private:
    void end_bar_line(); ///< moves off the bar line before printing anything else
    void emit(const std::string& json_line);

    std::ostream& out_;
    ProgressStyle style_;
    int64_t log_every_;
    RunInfo info_;
    int64_t first_step_ = 0;
    int64_t total_ = 0;
    bool bar_open_ = false;
    std::chrono::steady_clock::time_point last_draw_{};
};

/// "1h02m", "3m07s", "12s".
std::string format_duration(double seconds);

} // namespace peft::cli
