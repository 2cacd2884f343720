// SPDX-License-Identifier: MIT
// Known methods as recipes (METHODS.md). Plain types only (Qt includes this header).
#pragma once

#include "io/model_config.h"
#include "peft/recipe.h"

#include <string>
#include <vector>

namespace peft {

/// Names accepted by preset(): lora, lora_all, houlsby, pfeiffer, parallel_adapter, scaled_parallel_adapter,
/// multihead_parallel_adapter, prefix_tuning, prompt_tuning, ia3, bitfit, layernorm, top_k, full,
/// mam, unipelt.
std::vector<std::string> preset_names();

/// The recipe of a preset for a model. Sizes given by the papers for 768/1024-wide models scale
/// with the width (see docs/recipe.md). Every preset ends with a task_head module, which makes a
/// classification head trainable (and does nothing for causal LM heads).
/// Throws peft::Error for an unknown name (listing the known ones).
Recipe preset(const std::string& name, const ModelConfig& config);

} // namespace peft
