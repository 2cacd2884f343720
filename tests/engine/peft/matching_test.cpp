// SPDX-License-Identifier: MIT
// Site selection: engine roles, fused-projection slices and PEFT's target_modules rules, on a
// hand-written site list (independent of the architectures).
#include "peft/matching.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

SiteInfo linear(int layer, const std::string& role, const std::string& hf, int64_t in, int64_t out) {
    SiteInfo s;
    s.name = "layers." + std::to_string(layer) + ".attn." + role;
    s.kind = SiteKind::Linear;
    s.layer = layer;
    s.role = role;
    s.hf_module = hf;
    s.in_features = in;
    s.out_features = out;
    return s;
}

/// Two GPT-2-like blocks: fused c_attn (q, k, v slices), c_proj, ffn_out.
std::vector<SiteInfo> gpt2_like() {
    std::vector<SiteInfo> sites;
    for (int i = 0; i < 2; ++i) {
        std::string p = "transformer.h." + std::to_string(i);
        SiteInfo qkv = linear(i, "qkv", p + ".attn.c_attn", 4, 12);
        qkv.slices = {{"q", 0, 4}, {"k", 4, 8}, {"v", 8, 12}};
        sites.push_back(qkv);
        sites.push_back(linear(i, "o", p + ".attn.c_proj", 4, 4));
        sites.push_back(linear(i, "down", p + ".mlp.c_proj", 16, 4));
        SiteInfo ffn;
        ffn.name = "layers." + std::to_string(i) + ".ffn_out";
        ffn.kind = SiteKind::FfnOutput;
        ffn.layer = i;
        ffn.role = "ffn_out";
        ffn.in_features = 4;
        sites.push_back(ffn);
    }
    return sites;
}

std::string error_of(const ModuleSpec& spec, const std::vector<SiteInfo>& sites) {
    try {
        resolve_targets(3, spec, sites);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(Matching, suffixMatch_onlyOnDotBoundaries) {
    EXPECT_TRUE(suffix_match("model.layers.0.self_attn.q_proj", "q_proj"));
    EXPECT_TRUE(suffix_match("model.layers.0.self_attn.q_proj", "self_attn.q_proj"));
    EXPECT_TRUE(suffix_match("q_proj", "q_proj"));
    EXPECT_FALSE(suffix_match("model.layers.0.self_attn.xq_proj", "q_proj"));
    EXPECT_FALSE(suffix_match("transformer.h.0.attn.c_proj", "mlp.c_proj"));
}

TEST(Matching, layerIndex_followsLayersPattern) {
    EXPECT_EQ(layer_index_from_key("model.layers.3.self_attn.q_proj", {"layers"}), 3);
    EXPECT_EQ(layer_index_from_key("transformer.h.11.attn.c_attn", {}), 11);
    EXPECT_EQ(layer_index_from_key("transformer.h.11.attn.c_attn", {"layers"}), -1);
    EXPECT_EQ(layer_index_from_key("lm_head", {}), -1);
}

TEST(Matching, qAndVRoles_selectSlicesOfFusedProjection) {
    const auto sites = gpt2_like();
    ModuleSpec spec = test::module_spec(R"({"kind":"lora","sites":["v","q"]})");
    auto targets = resolve_targets(0, spec, sites);
    ASSERT_EQ(targets.size(), 2u);
    ASSERT_EQ(targets[0].slices.size(), 2u);
    EXPECT_EQ(targets[0].slices[0].role, "q");
    EXPECT_EQ(targets[0].slices[1].role, "v");
    EXPECT_EQ(targets[0].selected_width(), 8);
}

TEST(Matching, allThreeSlices_meanTheWholeProjection) {
    const auto sites = gpt2_like();
    ModuleSpec spec = test::module_spec(R"({"kind":"lora","sites":["q","k","v"]})");
    auto targets = resolve_targets(0, spec, sites);
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_TRUE(targets[0].slices.empty());
    EXPECT_EQ(targets[0].selected_width(), 12);
}

TEST(Matching, targetModulesList_isSuffixMatch_withLayersToTransform) {
    const auto sites = gpt2_like();
    ModuleSpec spec = test::module_spec(R"({"kind":"lora","target_modules":["c_attn","mlp.c_proj"],
        "layers_to_transform":[1],"layers_pattern":"h"})");
    auto targets = resolve_targets(0, spec, sites);
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_EQ(targets[0].site->hf_module, "transformer.h.1.attn.c_attn");
    EXPECT_EQ(targets[1].site->hf_module, "transformer.h.1.mlp.c_proj");
}

TEST(Matching, targetModulesString_isFullRegexMatch) {
    const auto sites = gpt2_like();
    ModuleSpec spec = test::module_spec(R"({"kind":"lora","target_modules":".*\\.0\\.attn\\.c_.*"})");
    auto targets = resolve_targets(0, spec, sites);
    ASSERT_EQ(targets.size(), 2u);
    spec = test::module_spec(R"({"kind":"lora","target_modules":"c_attn"})"); // not a full match
    EXPECT_NE(error_of(spec, sites).find("selects no site"), std::string::npos);
}

TEST(Matching, layersAndTopK_restrictBlocks) {
    const auto sites = gpt2_like();
    ModuleSpec spec = test::module_spec(R"({"kind":"adapter","sites":["ffn_out"],"layers":[-1]})");
    auto targets = resolve_targets(0, spec, sites);
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_EQ(targets[0].site->layer, 1);
    spec = test::module_spec(R"({"kind":"unfreeze","top_k_layers":1})");
    for (const auto& t : resolve_targets(0, spec, sites)) EXPECT_EQ(t.site->layer, 1);
}

TEST(Matching, errors_nameModuleFieldAndReason) {
    const auto sites = gpt2_like();
    std::string e = error_of(test::module_spec(R"({"name":"m","kind":"lora","sites":["q_prj"]})"), sites);
    EXPECT_NE(e.find("module 3 'm'"), std::string::npos) << e;
    EXPECT_NE(e.find("field 'sites'"), std::string::npos) << e;
    EXPECT_NE(e.find("q_prj"), std::string::npos) << e;
    e = error_of(test::module_spec(R"({"kind":"lora","sites":["q"],"layers":[5]})"), sites);
    EXPECT_NE(e.find("field 'layers'"), std::string::npos) << e;
    e = error_of(test::module_spec(R"({"kind":"lora","sites":["ffn_out"]})"), sites);
    EXPECT_NE(e.find("cannot attach"), std::string::npos) << e;
    e = error_of(test::module_spec(R"({"kind":"lora","sites":["o"],"slices":["q"]})"), sites);
    EXPECT_NE(e.find("field 'slices'"), std::string::npos) << e;
}

TEST(Matching, attachableSites_dependOnKind) {
    const auto sites = gpt2_like();
    auto lora = attachable_sites(ModuleKind::LowRank, sites);
    EXPECT_EQ(lora.size(), 6u);
    auto adapter = attachable_sites(ModuleKind::Bottleneck, sites);
    EXPECT_EQ(adapter.size(), 8u);
    EXPECT_TRUE(attachable_sites(ModuleKind::Prefix, sites).empty());
}
