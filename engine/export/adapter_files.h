// SPDX-License-Identifier: MIT
// Writers and readers of each adapter format (internal to engine/export).
#pragma once

#include "export/import.h"
#include "export/staging.h"
#include "models/model.h"
#include "peft/recipe.h"

#include <string>
#include <utility>
#include <vector>

namespace peft::exporting {

inline constexpr const char* kPeftConfigFile = "adapter_config.json";
inline constexpr const char* kPeftWeightsFile = "adapter_model.safetensors";
inline constexpr const char* kStudioManifestFile = "studio_adapter.json";
inline constexpr const char* kStudioRecipeFile = "recipe.json";
inline constexpr const char* kStudioWeightsFile = "adapter.safetensors";

/// The tensors a studio adapter carries, under their engine parameter paths (the names training
/// checkpoints use): every trainable parameter, plus the classification head, which a fresh base
/// model would initialise at random.
std::vector<std::pair<std::string, torch::Tensor>> adapter_tensors(TransformerImpl& model);
/// Copies `tensors` (by engine path) into a model built with the same recipe; every tensor
/// adapter_tensors() names must be there with its shape. `source` names the file in errors.
int64_t load_adapter_tensors(TransformerImpl& model, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                             const std::string& source);

int64_t write_peft_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                           const StagingDir& out);
int64_t write_studio_adapter(TransformerImpl& model, const Recipe& recipe, const StagingDir& out);
int64_t write_merged_model(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                           const StagingDir& out);

int64_t write_adapterhub_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                                 const std::string& name, const StagingDir& out);

ImportedAdapter import_adapterhub_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype);
ImportedAdapter import_peft_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype);
ImportedAdapter import_studio_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype);

} // namespace peft::exporting
