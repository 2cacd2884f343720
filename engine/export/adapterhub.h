// SPDX-License-Identifier: MIT
// AdapterHub (`adapters` library) directories (internal to engine/export): adapter_config.json
// + adapter.safetensors, and head_config.json + model_head.safetensors for a classification head.
// Layout, keys and config fields: ../shared/FORMATS.md ("AdapterHub") and docs/export.md.
//
// How the engine's modules map onto the library's (and why some do not):
// - bottleneck at attn_out / ffn_out -> BnConfig mh_adapter / output_adapter with
//   original_ln_before=false, original_ln_after=true, residual_before_ln=true (the adapter reads
//   the sub-layer output, its residual is added before the block's own residual and LayerNorm).
//   Parallel adapters read the sub-layer input: on BERT the library passes exactly that; on
//   pre-norm decoders (GPT-2, Llama) it passes the un-normalised residual stream, so they are
//   refused there.
// - LoRA / IA3 on q, k, v (GPT-2's fused c_attn included), FFN up ("intermediate") and down
//   ("output") of BERT and GPT-2 -> one LoRAConfig (composition_mode add / scale).
// - prefix on Llama-family models -> PrefixTuningConfig flat=true (the folded form): keys and
//   values expanded from KV heads to query heads, keys rotated by RoPE position -l because the
//   library's real tokens start at position 0 while the engine's start after the prefix (as
//   transformers does for past_key_values). Models with absolute positions (BERT, GPT-2) cannot
//   express that shift: refused.
#pragma once

#include "export/import.h"
#include "export/staging.h"
#include "models/model.h"
#include "peft/recipe.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace peft::exporting {

inline constexpr const char* kAdapterHubConfigFile = "adapter_config.json";
inline constexpr const char* kAdapterHubWeightsFile = "adapter.safetensors";
inline constexpr const char* kAdapterHubHeadConfigFile = "head_config.json";
inline constexpr const char* kAdapterHubHeadWeightsFile = "model_head.safetensors";
inline constexpr const char* kAdapterHubVersion = "adapters.1.2.0";

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

struct AdapterHubFiles {
    nlohmann::json config;      ///< adapter_config.json
    NamedTensors tensors;       ///< adapter.safetensors
    nlohmann::json head_config; ///< head_config.json; null without a classification head
    NamedTensors head_tensors;  ///< model_head.safetensors
};

/// Builds the AdapterHub form of `model`'s adapter named `name`. Refuses (peft::Error naming the
/// module and why) what the library cannot express.
AdapterHubFiles make_adapterhub_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                                        const std::string& name);

/// An adapter name AdapterHub accepts in module keys: letters, digits, '_' and '-'.
std::string adapterhub_name(const std::string& wanted);

/// Whether an adapter_config.json is AdapterHub's (a "config" object, no "peft_type").
bool is_adapterhub_config(const nlohmann::json& config);

// Key paths shared by writer and reader.
enum class AhFamily { Encoder, Gpt2, Llama };
/// The family of a model type; throws peft::Error for types the library integration lacks.
AhFamily adapterhub_family(const ModelConfig& config, const std::string& who);
std::string adapterhub_base_prefix(const ModelConfig& config); ///< "bert.", "roberta.", "transformer.", "model."
std::string adapterhub_layer_path(const ModelConfig& config, int layer);
/// Where the bottleneck adapters of a location live: "<layer>.attention.output.adapters.<name>." ...
std::string adapterhub_bottleneck_path(const ModelConfig& config, int layer, bool attention, const std::string& name);
/// The module path of a site inside its layer, under AdapterHub's prefix: "bert.encoder.layer.0.attention.self.query".
std::string adapterhub_site_path(const ModelConfig& config, const SiteInfo& site);
std::string adapterhub_model_class(const ModelConfig& config);

/// RoPE rotation of prefix keys [H, l, d_h] by `position` (the engine's tables).
torch::Tensor rotate_prefix_keys(const torch::Tensor& keys, int64_t position, const ModelConfig& config);

} // namespace peft::exporting
