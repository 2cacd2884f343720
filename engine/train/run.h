// SPDX-License-Identifier: MIT
// One training run from a RunConfig, start to end: load the model (with a classification head on
// the last token when the task needs one), the tokenizer and the data; inject the recipe; train
// with an observer; write run.json and results.json. The CLI calls it on its main thread, the GUI
// from a worker thread. No LibTorch in this header.
#pragma once

#include "train/observer.h"
#include "train/run_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace peft {

/// What was set up, reported once before the first step.
struct RunInfo {
    std::string task;            ///< "classification" or "causal_lm"
    std::string device;          ///< "cpu", "cuda"
    std::string recipe_name;
    int64_t train_examples = 0;
    int64_t eval_examples = 0;
    int64_t rows_skipped = 0;    ///< row errors under row_errors = "skip"
    int64_t num_labels = 0;      ///< classification
    int64_t trainable_parameters = 0;
    int64_t total_parameters = 0;
    int64_t total_steps = 0;
    double setup_seconds = 0;    ///< loading and tokenizing
    /// Trainable parameters per recipe module (in recipe order), as the Compose page counts them.
    std::vector<std::pair<std::string, int64_t>> module_parameters;
};

/// A TrainObserver that also hears about setup.
class RunObserver : public TrainObserver {
public:
    /// Short progress messages before training ("loading the model", "tokenizing train.tsv").
    virtual void on_status(const std::string& /*message*/) {}
    virtual void on_prepared(const RunInfo& /*info*/) {}
};

struct RunResult {
    RunInfo info;
    int64_t steps_done = 0;
    bool cancelled = false;
    bool failed = false;
    bool config_error = false;   ///< the failure is the configuration's (bad recipe, missing file...)
    std::string error;
    std::string last_checkpoint;
    std::string best_checkpoint;
    std::optional<EvalMetrics> final_eval; ///< the last evaluation of the run
    double train_seconds = 0;    ///< wall time of the training loop (setup excluded)
};

/// Runs training as `run` says; `resume_dir` continues from a checkpoint of the same run. Never
/// throws for bad input: failures go to observer.on_failed and into the result. Writes
/// output_dir/run.json (the resolved configuration, recipe and label map) at the start and
/// output_dir/results.json at the end; each checkpoint gets a copy of run.json.
RunResult run_training(const RunConfig& run, RunObserver& observer, TrainControl& control,
                       const std::string& resume_dir = {});

struct EvaluationResult {
    EvalMetrics metrics;
    int64_t examples = 0;
    std::string task;
};

/// Loads the model, injects the run's recipe, loads the trained weights of `checkpoint_dir`
/// (weights.safetensors) and evaluates the run's eval file (the train file when there is none).
/// Throws peft::Error (RunConfigError for configuration problems).
EvaluationResult run_evaluation(const RunConfig& run, const std::string& checkpoint_dir);

} // namespace peft
