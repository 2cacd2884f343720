// SPDX-License-Identifier: MIT
// What prefix (AttentionKV) and prompt (Embeddings) sites mean, checked by equivalences that need
// no reference file: keys/values cached from real tokens, used as a prefix, continue the sequence
// exactly; the embeddings of real tokens, used as virtual tokens, act as those tokens.
#include "core/error.h"
#include "io/safetensors.h"
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace peft;

namespace {

ModelConfig tiny_config(const std::string& type) {
    nlohmann::json j = {{"model_type", type}, {"vocab_size", 97}, {"hidden_size", 16}, {"num_hidden_layers", 2},
                        {"num_attention_heads", 4}, {"num_key_value_heads", 2}, {"intermediate_size", 24},
                        {"max_position_embeddings", 64}, {"n_embd", 16}, {"n_layer", 2}, {"n_head", 4},
                        {"n_positions", 64}, {"pad_token_id", 1}, {"type_vocab_size", 2}, {"num_labels", 3}};
    return ModelConfig::from_json(j, type + " test config");
}

Transformer tiny_model(const std::string& type, TaskHead head) {
    Transformer model = build_model(tiny_config(type), head);
    model->to(torch::kFloat64);
    model->init_weights(21);
    model->eval();
    return model;
}

torch::Tensor ids_of(std::vector<int64_t> ids) { return torch::tensor(ids, torch::kLong).unsqueeze(0); }

torch::Tensor run(Transformer& model, const torch::Tensor& ids, KVCache* cache = nullptr, torch::Tensor mask = {}) {
    ForwardInput in;
    in.input_ids = ids;
    in.cache = cache;
    in.attention_mask = mask;
    return model->forward(in);
}

void expect_close(const torch::Tensor& got, const torch::Tensor& expected, const std::string& what) {
    ASSERT_EQ(got.sizes(), expected.sizes()) << what;
    const double worst = (got - expected).abs().max().item<double>();
    EXPECT_LT(worst, 1e-9) << what << ": largest difference " << worst;
}

struct FixedPrefix : SiteModule {
    torch::Tensor k, v;
    FixedPrefix(torch::Tensor k_, torch::Tensor v_) : k(std::move(k_)), v(std::move(v_)) {}
    std::optional<std::pair<torch::Tensor, torch::Tensor>> prefix_kv(int64_t batch) override {
        return std::make_pair(k.expand({batch, -1, -1, -1}), v.expand({batch, -1, -1, -1}));
    }
};

struct FixedPrompt : SiteModule {
    torch::Tensor tokens; ///< [1, l, d]
    explicit FixedPrompt(torch::Tensor t) : tokens(std::move(t)) {}
    std::optional<torch::Tensor> prompt_embeddings(int64_t batch) override { return tokens.expand({batch, -1, -1}); }
};

torch::Tensor token_embedding(Transformer& model) { return model->named_tensors().front().tensor; }

} // namespace

TEST(PrefixSite, cachedKeysUsedAsPrefixContinueTheSequenceExactly) {
    torch::NoGradGuard no_grad;
    for (const std::string type : {"llama", "qwen2", "mistral", "gpt2"}) {
        Transformer model = tiny_model(type, TaskHead::CausalLM);
        const torch::Tensor full = run(model, ids_of({5, 17, 42, 3, 9})).narrow(1, 3, 2);
        KVCache cache;
        run(model, ids_of({5, 17, 42}), &cache);
        for (int i = 0; i < model->config().num_layers; ++i)
            model->site("layers." + std::to_string(i) + ".attn.kv")
                .attach("prefix", std::make_shared<FixedPrefix>(cache.keys[i], cache.values[i]));
        // Real tokens start at position 3 (the prefix length), as transformers does with past_key_values.
        expect_close(run(model, ids_of({3, 9})), full, type + " without mask");
        expect_close(run(model, ids_of({3, 9}), nullptr, torch::ones({1, 2}, torch::kLong)), full, type + " with mask");
        // With a prefix, cached decoding continues the same way (the prefix itself is never cached).
        KVCache steps;
        torch::Tensor first = run(model, ids_of({3}), &steps);
        torch::Tensor second = run(model, ids_of({9}), &steps);
        EXPECT_EQ(steps.length(), 2) << type;
        expect_close(torch::cat({first, second}, 1), full, type + " cached");
    }
}

TEST(PromptSite, virtualTokensActAsLeadingTokensAndAreStrippedFromOutputs) {
    torch::NoGradGuard no_grad;
    for (const std::string type : {"llama", "gpt2", "bert", "roberta"}) {
        const bool decoder = type == "llama" || type == "gpt2";
        Transformer model = tiny_model(type, decoder ? TaskHead::CausalLM : TaskHead::None);
        const std::vector<int64_t> lead = {5, 17, 42};
        const torch::Tensor full = run(model, ids_of({5, 17, 42, 3, 9})).narrow(1, 3, 2);
        torch::Tensor prompt = torch::embedding(token_embedding(model), ids_of(lead));
        model->site("embeddings").attach("prompt", std::make_shared<FixedPrompt>(prompt));
        expect_close(run(model, ids_of({3, 9})), full, type);
        if (decoder) {
            KVCache cache; // virtual tokens are cached at prefill, not prepended again
            torch::Tensor first = run(model, ids_of({3}), &cache);
            torch::Tensor second = run(model, ids_of({9}), &cache);
            EXPECT_EQ(cache.length(), 5) << type;
            expect_close(torch::cat({first, second}, 1), full, type + " cached");
        }
    }
}

TEST(Attention, fusedCausalPathEqualsExplicitMask) {
    torch::NoGradGuard no_grad;
    for (const std::string type : {"llama", "gpt2"}) {
        Transformer model = tiny_model(type, TaskHead::CausalLM);
        torch::Tensor ids = torch::randint(2, 97, {2, 9}, torch::kLong);
        expect_close(run(model, ids), run(model, ids, nullptr, torch::ones({2, 9}, torch::kLong)), type);
    }
}

TEST(Dropout, trainModeUsesConfigProbabilitiesAndEvalIsDeterministic) {
    torch::NoGradGuard no_grad;
    for (const std::string type : {"gpt2", "bert"}) {
        Transformer model = tiny_model(type, type == "gpt2" ? TaskHead::CausalLM : TaskHead::None);
        torch::Tensor ids = ids_of({5, 17, 42, 3, 9});
        const torch::Tensor eval = run(model, ids);
        EXPECT_TRUE(torch::equal(run(model, ids), eval)) << type;
        model->train();
        EXPECT_FALSE(torch::allclose(run(model, ids), eval)) << type << ": dropout 0.1 by default";
        model->eval();
    }
}

TEST(ModelLoad, gpt2WithoutTransformerPrefixAndWithAttentionBuffersLoads) {
    const std::string src_dir = test::model_dir("tiny-gpt2");
    Transformer reference = load_model(src_dir);
    auto dir = test::temp_dir("gpt2-bare-names");
    std::filesystem::copy(src_dir + "/config.json", dir / "config.json");
    auto src = SafetensorsFile::open(src_dir + "/model.safetensors");
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& n : src.names()) {
        if (n == "lm_head.weight") continue;
        const std::string bare = n.rfind("transformer.", 0) == 0 ? n.substr(12) : n;
        tensors.emplace_back(bare, src.tensor(n));
    }
    tensors.emplace_back("h.0.attn.bias", torch::ones({1, 1, 4, 4})); // old causal-mask buffer: ignored
    write_safetensors((dir / "model.safetensors").string(), tensors);
    Transformer bare = load_model(dir.string());
    torch::NoGradGuard no_grad;
    torch::Tensor ids = ids_of({1, 2, 3, 4});
    EXPECT_TRUE(torch::equal(run(bare, ids), run(reference, ids)));
}

TEST(ModelLoad, missingClassificationHeadIsInitialisedOrNamed) {
    auto dir = test::temp_dir("no-head");
    Transformer lm = tiny_model("llama", TaskHead::CausalLM);
    lm->to(torch::kFloat32);
    save_model(*lm, dir.string());
    LoadOptions options;
    options.head = TaskHead::SequenceClassification;
    Transformer cls = load_model(dir.string(), options);
    torch::NoGradGuard no_grad;
    EXPECT_EQ(run(cls, ids_of({5, 6, 7})).sizes(), (std::vector<int64_t>{1, 3}));
    options.init_missing_head = false;
    try {
        load_model(dir.string(), options);
        FAIL() << "a missing head must be an error when it may not be initialised";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'score.weight'"), std::string::npos) << e.what();
    }
}
