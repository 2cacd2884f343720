// SPDX-License-Identifier: MIT
// Exact trainable-parameter counts from config + site descriptions (METHODS.md oracles).
#include "peft/presets.h"
#include "peft/report.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

int64_t module_params(const ParameterReport& r, const std::string& name) {
    for (const auto& m : r.modules)
        if (m.name == name) return m.new_parameters;
    ADD_FAILURE() << "no module " << name;
    return -1;
}

} // namespace

TEST(Report, gpt2LoraOnCAttn_matchesPeftPrintout) {
    ParameterReport r = make_report(test::gpt2_small(), TaskHead::CausalLM, preset("lora", test::gpt2_small()));
    EXPECT_EQ(r.trainable, 294912);
    EXPECT_EQ(r.base_parameters, 124439808);
    EXPECT_EQ(r.total, 124734720);
    EXPECT_EQ(peft_summary_line(r), "trainable params: 294,912 || all params: 124,734,720 || trainable%: 0.2364");
    // 12 layers, 24,576 each, on the c_attn sites.
    ASSERT_EQ(r.layers.size(), 12u);
    EXPECT_EQ(r.layers[0].trainable, 24576);
    ASSERT_EQ(r.sites.size(), 12u);
    EXPECT_EQ(r.sites[0].site, "layers.0.attn.qkv");
}

TEST(Report, bertBaseBottlenecks_matchMethodsOracles) {
    const ModelConfig bert = test::bert_base();
    auto count = [&](const std::string& preset_name, const std::string& module) {
        return module_params(make_report(bert, TaskHead::SequenceClassification, preset(preset_name, bert)), module);
    };
    EXPECT_EQ(count("pfeiffer", "adapter"), 894528);
    EXPECT_EQ(count("houlsby", "adapter"), 1789056);
    EXPECT_EQ(count("parallel_adapter", "adapter"), 7091712);
    EXPECT_EQ(count("lora", "lora"), 294912);
    EXPECT_EQ(count("ia3", "ia3"), 55296);
}

TEST(Report, loraOnQAndV_sameCountWithRolesOrSlicesOnGpt2) {
    Recipe r = test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":8})")});
    // c_attn restricted to q and v: r·(768 + 2·768) per layer.
    EXPECT_EQ(make_report(test::gpt2_small(), TaskHead::CausalLM, r).trainable, 12 * 8 * (768 + 1536));
}

TEST(Report, prefixWithGroupedQueryAttention_livesInKvSpace) {
    ModelConfig c = ModelConfig::load(test::model_dir("stories260K") + "/config.json");
    Recipe r = test::recipe_of({test::module_spec(R"({"kind":"prefix","length":10})")});
    // l · L · 2 · kv_heads · head_dim = 10 · 5 · 2 · 4 · 8.
    EXPECT_EQ(make_report(c, TaskHead::CausalLM, r).trainable, 3200);
    Recipe prompt = test::recipe_of({test::module_spec(R"({"kind":"prompt","length":8})")});
    EXPECT_EQ(make_report(c, TaskHead::CausalLM, prompt).trainable, 8 * 64);
}

TEST(Report, unfrozenParameters_areCountedOnceAcrossModules) {
    const ModelConfig bert = test::bert_base();
    Recipe r = test::recipe_of({test::module_spec(R"({"kind":"bitfit"})"),
                                test::module_spec(R"({"kind":"unfreeze","name":"all"})")});
    ParameterReport report = make_report(bert, TaskHead::SequenceClassification, r);
    EXPECT_EQ(report.trainable, report.total);
    EXPECT_GT(report.modules[0].unfrozen_parameters, 0);
}

TEST(Report, taskHead_trainsClassifierOnly) {
    const ModelConfig bert = test::bert_base();
    Recipe r = test::recipe_of({test::module_spec(R"({"kind":"task_head"})")});
    // pooler 768·768 + 768, classifier 768·2 + 2.
    EXPECT_EQ(make_report(bert, TaskHead::SequenceClassification, r).trainable, 768 * 768 + 768 + 768 * 2 + 2);
    EXPECT_EQ(make_report(test::gpt2_small(), TaskHead::CausalLM, r).trainable, 0);
}

TEST(Report, summaryLine_formatsLikePeft) {
    EXPECT_EQ(peft_summary_line(524288, 1236338688),
              "trainable params: 524,288 || all params: 1,236,338,688 || trainable%: 0.0424");
    EXPECT_EQ(format_thousands(999), "999");
    EXPECT_EQ(format_thousands(1000), "1,000");
}

TEST(MemoryEstimate, countsWeightsGradientsAdamWAndActivations) {
    const ModelConfig gpt2 = test::gpt2_small();
    ParameterReport r = make_report(gpt2, TaskHead::CausalLM, preset("lora", gpt2));
    MemoryOptions o;
    o.batch = 4;
    o.sequence = 128;
    MemoryEstimate m = estimate_memory(gpt2, r, o);
    EXPECT_EQ(m.weights, 124734720LL * 4);
    EXPECT_EQ(m.gradients, 294912LL * 4);
    EXPECT_EQ(m.optimizer, 294912LL * 8);
    const double per_layer = 4.0 * 128 * (17.0 * 768 + 2.5 * 12 * 128);
    const double expected = (12 * per_layer + 4.0 * 128 * 768 * 2 + 4.0 * 128 * 50257 * 2) * 4;
    EXPECT_NEAR(static_cast<double>(m.activations), expected, 8.0);
    EXPECT_EQ(m.total(), m.weights + m.gradients + m.optimizer + m.activations);
    o.activation_bytes = 2;
    EXPECT_LT(estimate_memory(gpt2, r, o).activations, m.activations);
}
