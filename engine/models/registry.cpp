// SPDX-License-Identifier: MIT
// build_model: the table from Hugging Face model_type to the family that builds it.
#include "models/model.h"

#include "core/error.h"
#include "models/bert.h"
#include "models/decoder.h"

#include <utility>

namespace peft {
namespace {

using Builder = Transformer (*)(const ModelConfig&, TaskHead);

// Keep in step with supported_model_types() in io/model_config.cpp.
const std::pair<const char*, Builder> kBuilders[] = {
    {"llama", make_llama}, {"mistral", make_llama}, {"qwen2", make_llama},
    {"gpt2", make_gpt2},
    {"bert", make_encoder}, {"roberta", make_encoder},
};

} // namespace

Transformer build_model(const ModelConfig& config, TaskHead head) {
    for (const auto& [type, builder] : kBuilders)
        if (config.model_type == type) return builder(config, head);
    std::string known;
    for (const auto& entry : kBuilders) known += (known.empty() ? "" : ", ") + std::string(entry.first);
    throw Error(config.source + ": no model is built for model_type '" + config.model_type + "' (supported: " + known + ")");
}

} // namespace peft
