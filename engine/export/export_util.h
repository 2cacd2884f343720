// SPDX-License-Identifier: MIT
// Helpers shared by the writers and readers of engine/export (internal to this area).
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace peft::exporting {

/// A module attached to a site, with the index of the recipe module it came from.
struct AttachedModule {
    const SiteInfo* site = nullptr;
    int module_index = -1;
    std::shared_ptr<SiteModule> module;
};

/// Every attached module, in site order (the injector names them "peft<index>_<name>").
std::vector<AttachedModule> attached_modules(TransformerImpl& model);

/// Base parameters (not module parameters) by Hugging Face name, matched through storage.
std::map<std::string, torch::Tensor> base_parameters_by_hf_name(TransformerImpl& model);

/// Hugging Face names of the classification head's tensors (empty unless sequence classification):
/// a fresh base model initialises them at random, so every export carries them.
std::vector<std::string> head_tensor_names(TransformerImpl& model);

/// The module path of a parameter name: "bert.pooler.dense.weight" -> "bert.pooler.dense".
std::string module_path_of(const std::string& parameter_name);

/// A tensor as it is written: detached, on the CPU, contiguous; F32/F16/BF16 kept, others F32.
torch::Tensor to_saved(const torch::Tensor& tensor);

/// The same tensor values through named_parameters, by storage: the engine path of a base tensor.
std::map<const void*, std::string> parameter_paths_by_storage(TransformerImpl& model);

/// Builds the base model of `model_dir` with `head` and `num_labels` (classification) and loads
/// its weights (a missing classification head is initialised: the adapter carries it).
Transformer load_base_model(const std::string& model_dir, TaskHead head, int64_t num_labels, torch::ScalarType dtype);

/// Logits of a fixed batch (2 × 6 tokens, deterministic ids), eval mode, no gradients, on the CPU
/// in float32. Restores the model's training mode.
torch::Tensor fixed_batch_logits(TransformerImpl& model);

/// Throws peft::Error unless the logits agree within `tolerance` (atol = rtol); returns the
/// largest absolute difference. `what` names the export in the message.
double check_logits_match(const torch::Tensor& expected, const torch::Tensor& actual, double tolerance,
                          const std::string& what);

/// Writes JSON (2-space indent, trailing newline); throws peft::Error naming the file on failure.
void write_json_file(const std::string& path, const nlohmann::json& json);
/// Reads JSON; throws peft::Error naming the file.
nlohmann::json read_json_file(const std::string& path);

/// PEFT's task_type for a head: CAUSAL_LM, SEQ_CLS, FEATURE_EXTRACTION.
std::string task_type_of(TaskHead head);

/// Why a module of `spec` does not fold into the base weights (merged exports).
std::string why_not_mergeable(const ModuleSpec& spec);

/// "module 2 'lora_qv' (low_rank)": how refusals name a module.
std::string module_name_for(const Recipe& recipe, int index);

} // namespace peft::exporting
