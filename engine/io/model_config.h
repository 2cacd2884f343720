// SPDX-License-Identifier: MIT
// Architecture-neutral view of a Hugging Face config.json. Plain types only (no LibTorch):
// the Qt side includes it to list and inspect models.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace peft {

enum class ModelFamily { Llama, Gpt2, Bert };

struct ModelConfig {
    std::string model_type;          ///< "llama", "mistral", "qwen2", "gpt2", "bert", "roberta"
    ModelFamily family = ModelFamily::Llama;
    std::vector<std::string> architectures; ///< e.g. "LlamaForCausalLM"

    int64_t vocab_size = 0;
    int64_t hidden_size = 0;
    int64_t num_layers = 0;
    int64_t num_heads = 0;
    int64_t num_kv_heads = 0;        ///< = num_heads without grouped-query attention
    int64_t head_dim = 0;            ///< hidden_size / num_heads unless the config says otherwise
    int64_t intermediate_size = 0;
    int64_t max_positions = 0;
    double norm_eps = 1e-5;
    double rope_theta = 10000.0;
    std::string hidden_act = "silu"; ///< "silu", "gelu", "gelu_new", "relu", ...
    bool tie_word_embeddings = false;
    bool attention_bias = false;     ///< q/k/v(/o) projection biases (qwen2: q,k,v only)
    bool o_proj_bias = false;
    bool mlp_bias = false;
    std::optional<int64_t> sliding_window; ///< mistral

    // Encoders (BERT/RoBERTa)
    int64_t type_vocab_size = 0;
    int64_t position_offset = 0;     ///< RoBERTa: padding_idx + 1
    std::optional<int64_t> pad_token_id;

    std::optional<int64_t> bos_token_id;
    std::vector<int64_t> eos_token_ids;

    // Sequence classification
    int64_t num_labels = 2;
    std::vector<std::string> id2label;

    std::string torch_dtype = "float32";
    nlohmann::json raw;              ///< the file as read, kept for round trips
    std::string source;              ///< file it came from, for messages

    bool is_decoder() const { return family != ModelFamily::Bert; }

    /// Parses config.json content. Throws peft::Error naming `source` and the field.
    static ModelConfig from_json(const nlohmann::json& json, const std::string& source = "config.json");
    /// Reads and parses a config.json file.
    static ModelConfig load(const std::string& path);
    /// Back to Hugging Face's field names for this architecture (keeps unknown raw fields).
    nlohmann::json to_json() const;
};

const char* model_family_name(ModelFamily family);
/// model_type values the engine can build.
std::vector<std::string> supported_model_types();

} // namespace peft
