// SPDX-License-Identifier: MIT
// A trained checkpoint rebuilt from what `train` wrote beside it (run.json): the base model, the
// run's recipe injected, the checkpoint's trained weights loaded. What export starts from, in the
// CLI and in the studio's Export page alike.
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <filesystem>
#include <string>

namespace peft {

/// `source` itself when it is a checkpoint folder (weights.safetensors), else the run folder's best
/// checkpoint (results.json), else its last one, else the checkpoint-<step> with the most steps.
/// Throws peft::Error saying what `source` is missing.
std::filesystem::path find_checkpoint(const std::filesystem::path& source);

struct CheckpointModel {
    std::filesystem::path checkpoint;  ///< the checkpoint folder find_checkpoint chose
    std::string model_dir;             ///< the run's base model
    Recipe recipe;                     ///< as the run resolved it
    Transformer model{nullptr};        ///< eval mode
};

/// Rebuilds the checkpoint chosen by find_checkpoint(source). Throws RunConfigError for a bad
/// run.json and peft::Error otherwise (no label map for a classification head, missing weights).
CheckpointModel load_checkpoint_model(const std::filesystem::path& source);

} // namespace peft
