// SPDX-License-Identifier: MIT
// The training loop: micro-batches, gradient accumulation, clipping, AdamW, evaluation,
// checkpoints, cancel/pause and the NaN guard. Reports through TrainObserver (no UI types).
#pragma once

#include "data/collate.h"
#include "data/example.h"
#include "models/model.h"
#include "train/observer.h"
#include "train/train_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

struct TrainData {
    const std::vector<data::Example>* train = nullptr;
    const std::vector<data::Example>* eval = nullptr; ///< optional
    data::CollateOptions collate;
    int64_t num_classes = 0; ///< classification heads: for F1 / Matthews
    int64_t eval_batch_size = 0; ///< 0 = the training batch size
};

struct TrainResult {
    int64_t steps_done = 0;
    bool cancelled = false;
    bool failed = false;
    std::string error;
    std::string best_checkpoint;  ///< empty when no evaluation ran
    std::string last_checkpoint;  ///< the last checkpoint written
};

/// Optimizer steps the run makes for `examples` training examples.
int64_t total_train_steps(const TrainConfig& config, std::size_t examples);

/// Trains `model` (PEFT modules already injected; its head decides the loss) and returns how it
/// ended. Failures (NaN/inf loss or gradient, I/O) go to on_failed and into the result; nothing
/// is thrown for them. When `resume_dir` is set, the run continues from that checkpoint.
TrainResult train(TransformerImpl& model, const TrainConfig& config, const TrainData& data, TrainObserver& observer,
                  TrainControl& control, const std::string& resume_dir = {});

/// Loss and metrics of `model` on `examples` (eval mode, no gradients).
EvalMetrics evaluate(TransformerImpl& model, const std::vector<data::Example>& examples,
                     const data::CollateOptions& collate, int64_t batch_size, int64_t num_classes);

} // namespace peft
