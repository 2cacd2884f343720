// SPDX-License-Identifier: MIT
// Logits of every supported architecture against Hugging Face transformers itself.
// Fixtures: tests/fixtures/hf-reference, made by tests/python/make_model_fixtures.py (tiny random
// models saved by save_pretrained, logits computed in float64 by transformers 5).
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;

namespace {

struct Reference {
    torch::Tensor input_ids, attention_mask;
    nlohmann::json models;
};

const Reference& reference() {
    static Reference r = [] {
        std::ifstream in(test::fixture("hf-reference/logits.json"));
        auto j = nlohmann::json::parse(in);
        Reference ref;
        auto to_tensor = [](const nlohmann::json& rows) {
            std::vector<int64_t> flat;
            for (const auto& row : rows)
                for (const auto& v : row) flat.push_back(v.get<int64_t>());
            return torch::tensor(flat, torch::kLong).view({static_cast<int64_t>(rows.size()), -1});
        };
        ref.input_ids = to_tensor(j["input_ids"]);
        ref.attention_mask = to_tensor(j["attention_mask"]);
        ref.models = j["models"];
        return ref;
    }();
    return r;
}

void expect_matches_transformers(const std::string& name, TaskHead head) {
    const auto& ref = reference();
    LoadOptions options;
    options.head = head;
    options.dtype = torch::kFloat64;
    options.init_missing_head = false;
    Transformer model = load_model(test::fixture("hf-reference/" + name), options);
    model->eval();
    torch::NoGradGuard no_grad;
    ForwardInput input;
    input.input_ids = ref.input_ids;
    input.attention_mask = ref.attention_mask;
    torch::Tensor logits = model->forward(input);

    const auto& m = ref.models.at(name);
    std::vector<int64_t> shape = m.at("logits_shape").get<std::vector<int64_t>>();
    torch::Tensor expected = torch::tensor(m.at("logits").get<std::vector<double>>(), torch::kFloat64).view(shape);
    ASSERT_EQ(logits.sizes(), expected.sizes()) << name;
    if (head == TaskHead::CausalLM) {
        // Compare real (unpadded) positions only: what a padded query position sees is not defined.
        torch::Tensor keep = ref.attention_mask.to(torch::kBool).unsqueeze(-1).expand_as(logits);
        logits = logits.masked_select(keep);
        expected = expected.masked_select(keep);
    }
    const double tolerance = 1e-9;
    torch::Tensor diff = (logits - expected).abs();
    const double worst = diff.max().item<double>();
    if (worst > tolerance) {
        const int64_t i = diff.flatten().argmax().item<int64_t>();
        ADD_FAILURE() << name << ": largest difference " << worst << " at flat index " << i << " (ours "
                      << logits.flatten()[i].item<double>() << ", transformers " << expected.flatten()[i].item<double>()
                      << "); tolerance " << tolerance;
    }
}

} // namespace

TEST(HfReference, llamaWithGroupedQueryAttentionMatchesTransformers) { expect_matches_transformers("llama-gqa", TaskHead::CausalLM); }
TEST(HfReference, llamaTiedClassifierMatchesTransformers) { expect_matches_transformers("llama-tied-cls", TaskHead::SequenceClassification); }
TEST(HfReference, mistralMatchesTransformers) { expect_matches_transformers("mistral", TaskHead::CausalLM); }
TEST(HfReference, qwen2WithQkvBiasesMatchesTransformers) { expect_matches_transformers("qwen2", TaskHead::CausalLM); }
TEST(HfReference, gpt2MatchesTransformers) { expect_matches_transformers("gpt2", TaskHead::CausalLM); }
TEST(HfReference, gpt2ClassifierMatchesTransformers) { expect_matches_transformers("gpt2-cls", TaskHead::SequenceClassification); }
TEST(HfReference, bertClassifierMatchesTransformers) { expect_matches_transformers("bert-cls", TaskHead::SequenceClassification); }
TEST(HfReference, robertaClassifierMatchesTransformers) { expect_matches_transformers("roberta-cls", TaskHead::SequenceClassification); }
