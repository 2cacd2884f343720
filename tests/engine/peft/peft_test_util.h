// SPDX-License-Identifier: MIT
// Shared helpers of the PEFT tests: configs written as JSON, random models, forward passes.
#pragma once

#include "models/model.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "peft/recipe.h"
#include "test_assets.h"

#include <nlohmann/json.hpp>

namespace peft::test {

inline ModelConfig config_from(const char* json) { return ModelConfig::from_json(nlohmann::json::parse(json), "test"); }

/// GPT-2 small ("gpt2" on the Hub).
inline ModelConfig gpt2_small() {
    return config_from(R"({"model_type":"gpt2","n_embd":768,"n_layer":12,"n_head":12,"vocab_size":50257,
                           "n_positions":1024,"activation_function":"gelu_new"})");
}
/// bert-base-uncased.
inline ModelConfig bert_base() {
    return config_from(R"({"model_type":"bert","vocab_size":30522,"hidden_size":768,"num_hidden_layers":12,
                           "num_attention_heads":12,"intermediate_size":3072,"max_position_embeddings":512,
                           "type_vocab_size":2,"hidden_act":"gelu"})");
}
/// Tiny configs of each family for gradient checks (grouped-query attention in the Llama one).
inline ModelConfig tiny_llama() {
    return config_from(R"({"model_type":"llama","hidden_size":16,"intermediate_size":24,"num_hidden_layers":2,
                           "num_attention_heads":4,"num_key_value_heads":2,"vocab_size":40,
                           "max_position_embeddings":64,"hidden_act":"silu","tie_word_embeddings":false})");
}
inline ModelConfig tiny_gpt2() {
    return config_from(R"({"model_type":"gpt2","n_embd":8,"n_layer":2,"n_head":2,"vocab_size":40,"n_positions":64,
                           "activation_function":"gelu_new"})");
}
inline ModelConfig tiny_bert() {
    return config_from(R"({"model_type":"bert","vocab_size":40,"hidden_size":8,"num_hidden_layers":2,
                           "num_attention_heads":2,"intermediate_size":16,"max_position_embeddings":64,
                           "type_vocab_size":2,"hidden_act":"gelu"})");
}

/// A model with Hugging Face's random initialisation, in eval mode.
inline Transformer random_model(const ModelConfig& config, TaskHead head, uint64_t seed = 1,
                                torch::ScalarType dtype = torch::kFloat) {
    Transformer model = build_model(config, head);
    model->init_weights(seed);
    model->to(dtype);
    model->eval();
    return model;
}

/// The three real families of the "done when" list: stories260K (Llama, real weights), tiny-gpt2
/// (real file, random weights) and a BERT classifier from bert-tiny-untrained's config.
enum class Family { Llama, Gpt2, Bert };
inline const char* family_name(Family f) { return f == Family::Llama ? "llama" : f == Family::Gpt2 ? "gpt2" : "bert"; }

inline Transformer family_model(Family family, torch::ScalarType dtype = torch::kFloat) {
    LoadOptions options;
    options.dtype = dtype;
    switch (family) {
    case Family::Llama: return load_model(model_dir("stories260K"), options);
    case Family::Gpt2: return load_model(model_dir("tiny-gpt2"), options);
    case Family::Bert:
        return random_model(ModelConfig::load(model_dir("bert-tiny-untrained") + "/config.json"),
                            TaskHead::SequenceClassification, 7, dtype);
    }
    return nullptr;
}

inline torch::Tensor sample_ids(const ModelConfig& config, int64_t batch = 2, int64_t length = 7, uint64_t seed = 3) {
    torch::manual_seed(seed);
    return torch::randint(3, std::min<int64_t>(config.vocab_size, 500), {batch, length}, torch::kLong);
}

inline torch::Tensor run(TransformerImpl& model, const torch::Tensor& ids) {
    ForwardInput input;
    input.input_ids = ids;
    return model.forward(input);
}

/// Gives every parameter of the attached modules random non-zero values (so no path is trivially
/// zero: LoRA's B and adapters' up-projections start at zero).
inline void randomize_modules(TransformerImpl& model, double std = 0.1, uint64_t seed = 11) {
    torch::manual_seed(seed);
    torch::NoGradGuard no_grad;
    for (auto& [name, site] : model.sites())
        for (auto& [module_name, module] : site->modules())
            for (auto& p : module->parameters()) p.add_(torch::randn_like(p) * std);
}

inline Recipe recipe_of(std::vector<ModuleSpec> modules) {
    Recipe r;
    r.name = "test";
    r.modules = std::move(modules);
    return r;
}

inline ModuleSpec module_spec(const char* json) {
    nlohmann::json recipe = {{"version", 1}, {"modules", {nlohmann::json::parse(json)}}};
    return Recipe::from_json(recipe).modules.at(0);
}

} // namespace peft::test
