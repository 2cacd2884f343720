// SPDX-License-Identifier: MIT
// Hugging Face name prefixes of each architecture and head (internal to engine/models).
#pragma once

#include "io/model_config.h"
#include "models/model.h"

#include <string>

namespace peft {

struct HfNames {
    std::string base;        ///< "model.", "transformer.", "bert.", "roberta." ("" without a head)
    std::string head_module; ///< "lm_head", "score", "classifier" ("" without a head)
};

HfNames hf_names(const ModelConfig& config, TaskHead head);
/// Whether the causal-LM head shares the token embedding matrix.
bool tied_lm_head(const ModelConfig& config);

} // namespace peft
