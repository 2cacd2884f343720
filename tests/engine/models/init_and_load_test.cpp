// SPDX-License-Identifier: MIT
// Random initialisation as transformers' _init_weights does it, the seeded head a checkpoint
// lacks, and output modules on the embeddings site during cached decoding.
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

ModelConfig config_of(const std::string& type, int layers = 2, int width = 16) {
    nlohmann::json j = {{"model_type", type}, {"vocab_size", 97}, {"hidden_size", width}, {"num_hidden_layers", layers},
                        {"num_attention_heads", 4}, {"num_key_value_heads", 2}, {"intermediate_size", 24},
                        {"max_position_embeddings", 64}, {"n_embd", width}, {"n_layer", layers}, {"n_head", 4},
                        {"n_positions", 64}, {"pad_token_id", 1}, {"type_vocab_size", 2}, {"num_labels", 3}};
    return ModelConfig::from_json(j, type + " test config");
}

torch::Tensor tensor_named(TransformerImpl& model, const std::string& name) {
    for (const auto& t : model.named_tensors())
        if (t.hf_name == name) return t.tensor;
    ADD_FAILURE() << "no tensor named " << name;
    return {};
}

double std_of(const torch::Tensor& t) { return t.to(torch::kDouble).std().item<double>(); }

} // namespace

TEST(InitWeights, paddingRowsStartAtZeroAsWithPaddingIdx) {
    Transformer llama = build_model(config_of("llama"), TaskHead::CausalLM);
    llama->init_weights(4);
    torch::Tensor embed = tensor_named(*llama, "model.embed_tokens.weight");
    EXPECT_EQ(embed[1].abs().sum().item<double>(), 0.0);
    EXPECT_GT(embed[2].abs().sum().item<double>(), 0.0);
    EXPECT_TRUE(torch::equal(tensor_named(*llama, "model.norm.weight"), torch::ones({16})));

    Transformer roberta = build_model(config_of("roberta"), TaskHead::SequenceClassification);
    roberta->init_weights(4);
    EXPECT_EQ(tensor_named(*roberta, "roberta.embeddings.word_embeddings.weight")[1].abs().sum().item<double>(), 0.0);
    EXPECT_EQ(tensor_named(*roberta, "roberta.embeddings.position_embeddings.weight")[1].abs().sum().item<double>(), 0.0);
    EXPECT_EQ(tensor_named(*roberta, "classifier.dense.bias").abs().sum().item<double>(), 0.0);

    // GPT-2's embeddings have no padding_idx, whatever pad_token_id says.
    Transformer gpt2 = build_model(config_of("gpt2"), TaskHead::CausalLM);
    gpt2->init_weights(4);
    EXPECT_GT(tensor_named(*gpt2, "transformer.wte.weight")[1].abs().sum().item<double>(), 0.0);
}

TEST(InitWeights, gpt2ResidualProjectionsAreScaledByDepth) {
    const int layers = 8;
    Transformer gpt2 = build_model(config_of("gpt2", layers, 128), TaskHead::CausalLM);
    gpt2->init_weights(9);
    const double base = 0.02, scaled = 0.02 / std::sqrt(2.0 * layers);
    EXPECT_NEAR(std_of(tensor_named(*gpt2, "transformer.h.0.attn.c_attn.weight")), base, 0.1 * base);
    EXPECT_NEAR(std_of(tensor_named(*gpt2, "transformer.h.0.attn.c_proj.weight")), scaled, 0.1 * scaled);
    EXPECT_NEAR(std_of(tensor_named(*gpt2, "transformer.h.3.mlp.c_proj.weight")), scaled, 0.1 * scaled);
    EXPECT_NEAR(std_of(tensor_named(*gpt2, "transformer.h.3.mlp.c_fc.weight")), base, 0.1 * base);
}

TEST(InitWeights, sameSeedSameModelAndOtherSeedAnother) {
    Transformer a = build_model(config_of("qwen2"), TaskHead::CausalLM);
    Transformer b = build_model(config_of("qwen2"), TaskHead::CausalLM);
    a->init_weights(1);
    b->init_weights(1);
    auto ta = a->named_tensors(), tb = b->named_tensors();
    for (size_t i = 0; i < ta.size(); ++i) EXPECT_TRUE(torch::equal(ta[i].tensor, tb[i].tensor)) << ta[i].hf_name;
    b->init_weights(2);
    EXPECT_FALSE(torch::equal(tensor_named(*a, "model.layers.0.self_attn.q_proj.weight"),
                              tensor_named(*b, "model.layers.0.self_attn.q_proj.weight")));
    EXPECT_EQ(tensor_named(*b, "model.layers.0.self_attn.q_proj.bias").abs().sum().item<double>(), 0.0);
}

TEST(HeadInit, missingClassificationHeadIsDrawnFromTheLoadSeedAndTheBodyIsLoaded) {
    Transformer lm = build_model(config_of("llama"), TaskHead::CausalLM);
    lm->init_weights(3);
    auto dir = test::temp_dir("seeded-head");
    save_model(*lm, dir.string());

    LoadOptions options;
    options.head = TaskHead::SequenceClassification;
    options.seed = 5;
    Transformer first = load_model(dir.string(), options);
    Transformer again = load_model(dir.string(), options);
    options.seed = 6;
    Transformer other = load_model(dir.string(), options);

    const torch::Tensor head = tensor_named(*first, "score.weight");
    EXPECT_TRUE(torch::equal(head, tensor_named(*again, "score.weight")));
    EXPECT_FALSE(torch::equal(head, tensor_named(*other, "score.weight")));
    EXPECT_TRUE(torch::isfinite(head).all().item<bool>());
    EXPECT_LT(head.abs().max().item<double>(), 0.2) << "normal(0, 0.02), not uninitialised memory";
    for (const auto& t : first->named_tensors()) {
        if (t.hf_name != "score.weight") {
            EXPECT_TRUE(torch::equal(t.tensor, tensor_named(*lm, t.hf_name))) << t.hf_name;
        }
    }
}

namespace {
struct ScaleEmbeddings : SiteModule {
    torch::Tensor transform_output(const torch::Tensor&, const torch::Tensor& h) override { return h * 1.5; }
};
} // namespace

TEST(EmbeddingsSite, outputModulesApplyToEveryTokenInCachedDecoding) {
    LoadOptions options;
    options.dtype = torch::kFloat64; // float64: the comparison is exact to rounding
    Transformer model = load_model(test::model_dir("stories260K"), options);
    model->site("embeddings").attach("scale", std::make_shared<ScaleEmbeddings>());
    torch::NoGradGuard no_grad;
    const std::vector<int64_t> ids = {1, 291, 400, 428, 352, 303};
    ForwardInput full;
    full.input_ids = torch::tensor(ids, torch::kLong).unsqueeze(0);
    const torch::Tensor expected = model->forward(full)[0];

    KVCache cache;
    ForwardInput step;
    step.cache = &cache;
    step.input_ids = torch::tensor(std::vector<int64_t>(ids.begin(), ids.begin() + 3), torch::kLong).unsqueeze(0);
    std::vector<torch::Tensor> rows{model->forward(step)[0]};
    for (size_t i = 3; i < ids.size(); ++i) {
        step.input_ids = torch::tensor({ids[i]}, torch::kLong).unsqueeze(0);
        rows.push_back(model->forward(step)[0]);
    }
    EXPECT_LT((torch::cat(rows, 0) - expected).abs().max().item<double>(), 1e-9);
}
