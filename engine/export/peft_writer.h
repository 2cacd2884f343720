// SPDX-License-Identifier: MIT
// The PEFT directory of a live model (internal to engine/export): adapter_config.json with only
// the classic keys of its peft_type, and the tensors under PEFT's saved names (FORMATS.md).
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace peft::exporting {

struct PeftAdapterFiles {
    nlohmann::json config;                                      ///< adapter_config.json
    std::vector<std::pair<std::string, torch::Tensor>> tensors; ///< adapter_model.safetensors
};

/// Builds the PEFT form of `model`'s adapter. Refuses (peft::Error naming the module and why)
/// what PEFT cannot express: bottleneck adapters, gated compositions, sequential LoRA, mixed
/// methods, prefixes on some layers only, trained base weights other than the task head.
PeftAdapterFiles make_peft_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_name);

/// Shortest target_modules list that PEFT's suffix rule turns into exactly `chosen` among the
/// module paths `universe`: the last path components when they select nothing else, otherwise
/// the full paths (sorted).
std::vector<std::string> minimal_target_names(const std::vector<std::string>& chosen,
                                              const std::vector<std::string>& universe);

} // namespace peft::exporting
