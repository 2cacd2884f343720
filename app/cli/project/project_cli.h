// SPDX-License-Identifier: MIT
// Project support of the CLI (Qt builds only: PEFT_CLI_WITH_PROJECTS). `train --project` records
// the run into a project file; `project runs|check|resume|run` read and continue them. No Qt
// types here: train_command.cpp includes it.
#pragma once

#include "train/run.h"

#include <memory>
#include <string>
#include <vector>

namespace peft::cli {

/// A RunObserver that records the run into a project (run row, setup, every step point with
/// cumulative tokens, evaluations, checkpoints, heartbeat) and forwards every event to `inner`
/// (the progress printer). Step points are committed in batches every 500 ms; evaluations and
/// checkpoints commit the pending points first, so a checkpoint's steps are always on disk.
/// A write that fails is reported once on stderr; training goes on.
class ProjectRecorder final : public RunObserver {
public:
    /// Creates a new run in `project` (created when missing) for `run`; `run_name` empty = the
    /// configuration's name, made unique. Throws peft::Error naming the file.
    static std::unique_ptr<ProjectRecorder> create(const std::string& project, const RunConfig& run,
                                                   const std::string& run_name, RunObserver& inner);
    /// Continues the existing run `run_id` of an open project (project resume / project run).
    struct Impl;
    explicit ProjectRecorder(std::unique_ptr<Impl> impl);
    ~ProjectRecorder() override;
    ProjectRecorder(const ProjectRecorder&) = delete;
    ProjectRecorder& operator=(const ProjectRecorder&) = delete;

    void on_status(const std::string& message) override;
    void on_prepared(const RunInfo& info) override;
    void on_started(int64_t first_step, int64_t total_steps) override;
    void on_step(const StepMetrics& m) override;
    void on_eval(const EvalMetrics& m) override;
    void on_checkpoint(const std::string& path, int64_t step) override;
    void on_finished(int64_t steps_done, bool cancelled) override;
    void on_failed(const std::string& message) override;

    /// Commits what is pending and records the outcome (finished, cancelled, failed + message).
    void finish(const RunResult& result);
    /// The command that continues this run: "peft-studio-cli project resume FILE NAME".
    std::string resume_command() const;
    std::string run_name() const;

private:
    std::unique_ptr<Impl> d_;
};

/// `project runs|check|resume|run ...`.
int run_project(const std::vector<std::string>& argv);

} // namespace peft::cli
