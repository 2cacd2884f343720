// SPDX-License-Identifier: MIT
// Loading an exported adapter (a PEFT directory, an AdapterHub directory or a studio adapter) onto
// its base model.
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <cstdint>
#include <string>

namespace peft {

struct ImportedAdapter {
    Transformer model{nullptr}; ///< the base model with the adapter injected and loaded, eval mode
    Recipe recipe;              ///< the recipe the adapter was rebuilt with
    std::string format;         ///< "peft", "adapterhub" or "studio"
    /// PEFT directories: "LORA", "IA3", "PREFIX_TUNING", "PROMPT_TUNING"; AdapterHub: the config's
    /// architecture ("bottleneck", "lora", "prefix_tuning") or "union".
    std::string peft_type;
    int64_t tensors = 0;        ///< tensors copied from the adapter file
};

/// Whether `dir` holds a PEFT adapter (adapter_config.json) or a studio adapter (studio_adapter.json).
bool is_peft_adapter_dir(const std::string& dir);
bool is_studio_adapter_dir(const std::string& dir);
/// Whether `dir` holds an AdapterHub adapter (adapter_config.json with a "config" object).
bool is_adapterhub_adapter_dir(const std::string& dir);

/// Loads the base model of `base_model_dir` with the head the adapter needs, builds the recipe
/// from the adapter's configuration, injects it and copies every tensor. Throws peft::Error naming
/// the file and the tensor or field on any mismatch (wrong base model_type, missing or unexpected
/// keys, shapes).
ImportedAdapter import_adapter(const std::string& adapter_dir, const std::string& base_model_dir,
                               torch::ScalarType dtype = torch::kFloat);

} // namespace peft
