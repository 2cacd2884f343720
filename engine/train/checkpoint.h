// SPDX-License-Identifier: MIT
// Training checkpoints: a folder with the trainable weights, the optimizer moments and the RNG
// state (state.safetensors, weights.safetensors) and the counters (trainer_state.json).
#pragma once

#include "train/optimizer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

/// Where the run stands: enough, with the tensors, to continue exactly.
struct TrainProgress {
    int64_t step = 0;        ///< optimizer steps done
    int64_t epoch = 0;       ///< epoch of the next micro-batch
    int64_t batch_index = 0; ///< index of the next micro-batch in that epoch's shuffled order
    double best_eval_loss = 0;
    bool has_best = false;
    int64_t best_step = 0;
};

/// State of torch's default CPU generator (what torch.get_rng_state() returns), and its restore.
torch::Tensor cpu_rng_state();
void set_cpu_rng_state(const torch::Tensor& state);

/// Writes a checkpoint to `dir` (replacing one that is there). It is written to `dir + ".tmp"`
/// first and renamed, so a failure keeps the previous checkpoint.
void save_checkpoint(const std::string& dir, const std::vector<NamedParameter>& params,
                     torch::optim::AdamW& optimizer, const TrainProgress& progress, const nlohmann::json& config);

/// Restores weights, optimizer moments and the default CPU generator from `dir`, returns the
/// progress. Throws peft::Error naming the file and parameter when something is missing.
TrainProgress load_checkpoint(const std::string& dir, const std::vector<NamedParameter>& params,
                              torch::optim::AdamW& optimizer);

} // namespace peft
