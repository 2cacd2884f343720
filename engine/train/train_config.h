// SPDX-License-Identifier: MIT
// Settings of one training run, and their JSON form (the "training" section of a project).
#pragma once

#include "train/schedule.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace peft {

struct TrainConfig {
    double lr = 1e-3;
    ScheduleKind schedule = ScheduleKind::Linear;
    double warmup_ratio = 0.0;   ///< fraction of the total steps; used when warmup_steps is 0
    int64_t warmup_steps = 0;
    int64_t max_steps = 0;       ///< optimizer steps; 0 = run `epochs` epochs
    int64_t epochs = 1;
    /// Wall-clock budget in seconds; 0 = none. The run ends normally (final evaluation and
    /// checkpoint) after the first optimizer step that reaches it; the schedule still spans
    /// max_steps, so pick max_steps to fit the budget when the decay should finish.
    double max_seconds = 0;
    int64_t batch_size = 8;      ///< examples per micro-batch
    int64_t grad_accum = 1;      ///< micro-batches per optimizer step
    double max_grad_norm = 1.0;  ///< 0 = no clipping (the norm is still computed and checked)
    double weight_decay = 0.0;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    int64_t eval_every = 0;      ///< optimizer steps between evaluations; 0 = only at the end
    int64_t save_every = 0;      ///< optimizer steps between checkpoints; 0 = only at the end
    uint64_t seed = 42;
    int threads = 0;             ///< torch intra-op threads; 0 = leave as is
    bool bf16 = false;           ///< autocast to bfloat16 where this LibTorch supports it
    /// Recompute each decoder block's activations in backward instead of keeping them: less
    /// memory for about one more forward per step. Same losses and gradients.
    bool gradient_checkpointing = false;
    bool shuffle = true;
    std::string output_dir;      ///< checkpoints go to output_dir/checkpoint-<step> and output_dir/best

    /// Throws peft::Error naming the field when a value is out of range.
    void validate() const;
    /// Missing keys keep their defaults; unknown keys and wrong types are refused, naming the key.
    static TrainConfig from_json(const nlohmann::json& json);
    nlohmann::json to_json() const;
};

} // namespace peft
