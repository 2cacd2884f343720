// SPDX-License-Identifier: MIT
#include "bench_models.h"

#include "core/error.h"
#include "models/model_io.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace peft::bench {

std::string assets_dir() {
    const char* env = std::getenv("PEFT_ASSETS_DIR");
    std::string dir = env && *env ? env : PEFT_ASSETS_DIR_DEFAULT;
    if (!std::filesystem::exists(dir + "/models/stories260K/config.json"))
        throw Error("benchmark assets not found at '" + dir + "': set PEFT_ASSETS_DIR to ../shared/assets");
    return dir;
}

namespace {

/// A random Llama: vocab 32000, tied embeddings, SwiGLU, RMSNorm, RoPE.
ModelConfig random_llama(int64_t dim, int64_t layers, int64_t heads, int64_t kv_heads, int64_t hidden) {
    nlohmann::json j = {{"model_type", "llama"}, {"architectures", {"LlamaForCausalLM"}},
                        {"vocab_size", 32000}, {"hidden_size", dim}, {"num_hidden_layers", layers},
                        {"num_attention_heads", heads}, {"num_key_value_heads", kv_heads},
                        {"intermediate_size", hidden}, {"max_position_embeddings", 1024},
                        {"rms_norm_eps", 1e-5}, {"tie_word_embeddings", true}, {"bos_token_id", 1},
                        {"eos_token_id", 2}};
    return ModelConfig::from_json(j, "bench config");
}

} // namespace

Transformer make_bench_model(const std::string& name, TaskHead head, torch::Device device) {
    Transformer model{nullptr};
    if (name == "stories260K") {
        LoadOptions options;
        options.head = head;
        model = load_model(assets_dir() + "/models/stories260K", options);
    } else if (name == "llama50m") {
        // 50.3M parameters: dim 576, 8 layers, 12 heads (d_h 48), FFN 1536.
        model = build_model(random_llama(576, 8, 12, 12, 1536), head);
        model->init_weights(0);
    } else if (name == "llama42m") {
        // 41.7M parameters: dim 512, 8 layers, 8 heads, FFN 1376 (the training benchmark's model).
        model = build_model(random_llama(512, 8, 8, 8, 1376), head);
        model->init_weights(0);
    } else {
        throw Error("unknown benchmark model '" + name + "' (stories260K, llama50m, llama42m)");
    }
    model->to(device);
    return model;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace peft::bench
