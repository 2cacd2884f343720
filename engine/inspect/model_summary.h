// SPDX-License-Identifier: MIT
// What a model folder holds, read from config.json, safetensors headers and tokenizer file
// names — without loading weights. Plain types only: Qt code includes this header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

struct ComponentCount {
    std::string name;   ///< "embeddings", "attention", "ffn", "norms", "head", ...
    int64_t parameters = 0;
};

struct ModelSummary {
    std::string path;
    std::string name;              ///< folder name, or org/name for Hub cache entries
    std::string model_type;        ///< from config.json ("" when unreadable)
    std::string architecture;      ///< first of config "architectures", or the family
    int64_t num_layers = 0;
    int64_t hidden_size = 0;
    int64_t num_heads = 0;
    int64_t num_kv_heads = 0;
    int64_t intermediate_size = 0;
    int64_t vocab_size = 0;
    int64_t max_positions = 0;
    int64_t parameters = 0;        ///< counted from safetensors headers, else from the config
    bool parameters_from_weights = false;
    std::string dtype;             ///< stored dtype of the weights ("F32", "BF16", ...) or config torch_dtype
    uint64_t weight_bytes = 0;
    int weight_files = 0;
    std::string tokenizer;         ///< tokenizer kind from the files present ("" when none)
    std::vector<ComponentCount> components;

    bool supported = false;        ///< the engine can build and fine-tune it as is
    std::string reason;            ///< why not, in words a user can act on ("" when supported)
};

/// Summarises one model folder. Never throws: problems end up in `supported`/`reason`.
ModelSummary summarize_model_dir(const std::string& dir);

/// Finds model folders (containing config.json) below the Hugging Face hub cache
/// (`models--org--name/snapshots/<rev>/`) or a plain folder, one level of nesting.
std::vector<std::string> find_model_dirs(const std::string& root);

/// The Hugging Face hub cache folder: $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
std::string default_hf_hub_cache();

} // namespace peft
