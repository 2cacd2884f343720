// SPDX-License-Identifier: MIT
// Saving with Hugging Face names and reloading; bad weights are named; sites cover the model.
#include "core/error.h"
#include "io/safetensors.h"
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace peft;

namespace {

ModelConfig bert_tiny() { return ModelConfig::load(test::model_dir("bert-tiny-untrained") + "/config.json"); }

ModelConfig small_config(const std::string& type) {
    nlohmann::json j = {{"model_type", type}, {"vocab_size", 97}, {"hidden_size", 16}, {"num_hidden_layers", 2},
                        {"num_attention_heads", 4}, {"num_key_value_heads", 2}, {"intermediate_size", 24},
                        {"max_position_embeddings", 64}, {"n_embd", 16}, {"n_layer", 2}, {"n_head", 4},
                        {"n_positions", 64}, {"pad_token_id", 1}, {"type_vocab_size", 2}, {"num_labels", 3}};
    return ModelConfig::from_json(j, type + " test config");
}

torch::Tensor sample_ids(int64_t vocab) { return torch::randint(2, vocab, {2, 7}, torch::kLong); }

void expect_same_tensors(TransformerImpl& a, TransformerImpl& b) {
    auto ta = a.named_tensors(), tb = b.named_tensors();
    ASSERT_EQ(ta.size(), tb.size());
    for (size_t i = 0; i < ta.size(); ++i) {
        EXPECT_EQ(ta[i].hf_name, tb[i].hf_name);
        EXPECT_TRUE(torch::equal(ta[i].tensor, tb[i].tensor)) << ta[i].hf_name;
    }
}

} // namespace

TEST(ModelSave, bertClassifierSavesHuggingFaceNamesAndReloadsBitExactly) {
    Transformer model = build_model(bert_tiny(), TaskHead::SequenceClassification);
    model->init_weights(3);
    model->eval();
    auto dir = test::temp_dir("bert-save");
    save_model(*model, dir.string());

    auto file = SafetensorsFile::open((dir / "model.safetensors").string());
    auto shape = [&](const std::string& n) { return file.entry(n).shape; };
    EXPECT_EQ(shape("bert.embeddings.word_embeddings.weight"), (std::vector<int64_t>{30522, 128}));
    EXPECT_EQ(shape("bert.embeddings.position_embeddings.weight"), (std::vector<int64_t>{512, 128}));
    EXPECT_EQ(shape("bert.embeddings.token_type_embeddings.weight"), (std::vector<int64_t>{2, 128}));
    EXPECT_EQ(shape("bert.encoder.layer.0.attention.self.query.weight"), (std::vector<int64_t>{128, 128}));
    EXPECT_EQ(shape("bert.encoder.layer.1.attention.output.LayerNorm.bias"), (std::vector<int64_t>{128}));
    EXPECT_EQ(shape("bert.encoder.layer.1.intermediate.dense.weight"), (std::vector<int64_t>{512, 128}));
    EXPECT_EQ(shape("bert.encoder.layer.1.output.dense.weight"), (std::vector<int64_t>{128, 512}));
    EXPECT_EQ(shape("bert.pooler.dense.weight"), (std::vector<int64_t>{128, 128}));
    EXPECT_EQ(shape("classifier.weight"), (std::vector<int64_t>{2, 128}));
    EXPECT_EQ(shape("classifier.bias"), (std::vector<int64_t>{2}));
    EXPECT_EQ(file.names().size(), 3u + 2 + 2 * 16 + 2 + 2);
    EXPECT_EQ(file.header().metadata.at("format"), "pt");

    LoadOptions options;
    options.head = TaskHead::SequenceClassification;
    options.init_missing_head = false;
    Transformer back = load_model(dir.string(), options);
    expect_same_tensors(*model, *back);
    torch::NoGradGuard no_grad;
    ForwardInput input;
    input.input_ids = sample_ids(30522);
    EXPECT_TRUE(torch::equal(model->forward(input), back->forward(input)));
}

TEST(ModelSave, everyFamilyRoundTripsThroughShards) {
    for (const std::string type : {"llama", "qwen2", "mistral", "gpt2", "roberta", "bert"}) {
        const ModelConfig config = small_config(type);
        const TaskHead head = config.is_decoder() ? TaskHead::CausalLM : TaskHead::SequenceClassification;
        Transformer model = build_model(config, head);
        model->init_weights(11);
        model->eval();
        auto dir = test::temp_dir("shards-" + type);
        save_model(*model, dir.string(), 4096);
        EXPECT_TRUE(std::filesystem::exists(dir / "model.safetensors.index.json")) << type;
        LoadOptions options;
        options.head = head;
        Transformer back = load_model(dir.string(), options);
        expect_same_tensors(*model, *back);
        torch::NoGradGuard no_grad;
        ForwardInput input;
        input.input_ids = sample_ids(config.vocab_size);
        EXPECT_TRUE(torch::equal(model->forward(input), back->forward(input))) << type;
    }
}

TEST(ModelLoad, missingTensorIsNamed) {
    auto dir = test::temp_dir("missing-tensor");
    std::filesystem::copy(test::model_dir("stories260K") + "/config.json", dir / "config.json");
    auto src = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& n : src.names())
        if (n != "model.layers.2.mlp.up_proj.weight") tensors.emplace_back(n, src.tensor(n));
    write_safetensors((dir / "model.safetensors").string(), tensors);
    try {
        load_model(dir.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'model.layers.2.mlp.up_proj.weight' is missing"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("model.safetensors"), std::string::npos) << e.what();
    }
}

TEST(ModelLoad, wrongShapeNamesTensorAndBothShapes) {
    auto dir = test::temp_dir("wrong-shape");
    std::filesystem::copy(test::model_dir("stories260K") + "/config.json", dir / "config.json");
    auto src = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& n : src.names())
        tensors.emplace_back(n, n == "model.layers.0.self_attn.v_proj.weight" ? torch::zeros({64, 64}) : src.tensor(n));
    write_safetensors((dir / "model.safetensors").string(), tensors);
    try {
        load_model(dir.string());
        FAIL();
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("'model.layers.0.self_attn.v_proj.weight' has shape [64, 64]"), std::string::npos) << m;
        EXPECT_NE(m.find("needs [32, 64]"), std::string::npos) << m;
    }
}

TEST(ModelLoad, folderWithoutWeightsExplainsWhy) {
    try {
        load_model(test::model_dir("bert-tiny-untrained"), {TaskHead::SequenceClassification});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no safetensors weights"), std::string::npos) << e.what();
    }
}

TEST(Sites, everyBaseParameterBelongsToExactlyOneSiteAndCountsAgree) {
    for (const std::string type : {"llama", "qwen2", "gpt2", "bert", "roberta"}) {
        for (TaskHead head : {TaskHead::CausalLM, TaskHead::SequenceClassification, TaskHead::None}) {
            const ModelConfig config = small_config(type);
            if (!config.is_decoder() && head == TaskHead::CausalLM) continue;
            Transformer model = build_model(config, head);
            std::set<std::string> from_sites;
            for (const auto& site : describe_sites(config, head))
                for (const auto& name : site.parameter_names) EXPECT_TRUE(from_sites.insert(name).second) << name;
            std::set<std::string> from_model;
            int64_t numel = 0;
            for (const auto& t : model->named_tensors()) {
                if (t.tied) continue;
                from_model.insert(t.hf_name);
                numel += t.tensor.numel();
            }
            EXPECT_EQ(from_sites, from_model) << type;
            int64_t params = 0;
            for (const auto& p : model->parameters()) params += p.numel();
            EXPECT_EQ(count_base_parameters(config, head), numel) << type;
            EXPECT_EQ(params, numel) << type << ": parameters() and named tensors disagree";
        }
    }
}

TEST(Sites, gpt2SmallParameterCountIsTheKnownTotal) {
    nlohmann::json j = {{"model_type", "gpt2"}, {"vocab_size", 50257}, {"n_embd", 768}, {"n_layer", 12}, {"n_head", 12},
                        {"n_positions", 1024}};
    EXPECT_EQ(count_base_parameters(ModelConfig::from_json(j), TaskHead::CausalLM), 124439808);
}

namespace {
struct AddOne : SiteModule {
    torch::Tensor transform_output(const torch::Tensor&, const torch::Tensor& h) override { return h + 1; }
};
struct ConstantPrefix : SiteModule {
    std::optional<std::pair<torch::Tensor, torch::Tensor>> prefix_kv(int64_t batch) override {
        auto t = torch::ones({batch, 4, 3, 8});
        return std::make_pair(t, t * 2);
    }
};
} // namespace

TEST(Sites, attachedModuleChangesOutputAndClearingRestoresIt) {
    Transformer model = load_model(test::model_dir("stories260K"));
    torch::NoGradGuard no_grad;
    ForwardInput input;
    input.input_ids = torch::tensor({1, 291, 400, 428}, torch::kLong).unsqueeze(0);
    torch::Tensor base = model->forward(input);
    for (const char* site : {"layers.1.attn.v", "layers.2.ffn_out", "layers.0.attn_out", "layers.3.attn.heads", "final_norm"}) {
        model->site(site).attach("add_one", std::make_shared<AddOne>());
        EXPECT_FALSE(torch::allclose(model->forward(input), base)) << site;
        model->site(site).clear();
        EXPECT_TRUE(torch::equal(model->forward(input), base)) << site;
    }
    model->site("layers.0.attn.kv").attach("prefix", std::make_shared<ConstantPrefix>());
    EXPECT_FALSE(torch::allclose(model->forward(input), base));
    model->site("layers.0.attn.kv").clear();
    EXPECT_THROW(model->site("layers.9.attn.q"), Error);
}

TEST(Padding, leftOrRightPaddedRowsGiveTheSameClassificationLogits) {
    for (const std::string type : {"llama", "gpt2", "bert"}) {
        const ModelConfig config = small_config(type);
        Transformer model = build_model(config, TaskHead::SequenceClassification);
        model->init_weights(5);
        model->eval();
        torch::NoGradGuard no_grad;
        ForwardInput alone;
        alone.input_ids = torch::tensor({5, 9, 13, 17}, torch::kLong).unsqueeze(0);
        torch::Tensor expected = model->forward(alone)[0];

        ForwardInput right;
        right.input_ids = torch::tensor({5, 9, 13, 17, 0, 0}, torch::kLong).unsqueeze(0);
        right.attention_mask = torch::tensor({1, 1, 1, 1, 0, 0}, torch::kLong).unsqueeze(0);
        EXPECT_TRUE(torch::allclose(model->forward(right)[0], expected, 1e-5, 1e-5)) << type << " right padding";
        if (type == "bert") continue; // absolute positions from 0: encoders are right-padded
        ForwardInput left;
        left.input_ids = torch::tensor({0, 0, 5, 9, 13, 17}, torch::kLong).unsqueeze(0);
        left.attention_mask = torch::tensor({0, 0, 1, 1, 1, 1}, torch::kLong).unsqueeze(0);
        EXPECT_TRUE(torch::allclose(model->forward(left)[0], expected, 1e-5, 1e-5)) << type << " left padding";
    }
}
