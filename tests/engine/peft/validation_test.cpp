// SPDX-License-Identifier: MIT
// Recipes that cannot apply are refused, naming the module (index and name), field and reason.
#include "peft/report.h"
#include "peft/validate.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace peft;

namespace {

const ModelConfig& stories() {
    static ModelConfig c = ModelConfig::load(test::model_dir("stories260K") + "/config.json");
    return c;
}

const std::vector<SiteInfo>& stories_sites() {
    static std::vector<SiteInfo> s = describe_sites(stories(), TaskHead::CausalLM);
    return s;
}

/// The message check_recipe throws for a one-module recipe (after a valid first module, so the
/// index in the message is 1).
std::string refusal(const ModuleSpec& bad) {
    Recipe r = test::recipe_of({test::module_spec(R"({"name":"ok","kind":"lora","sites":["q"]})"), bad});
    EXPECT_FALSE(validate(r, stories(), stories_sites()).empty());
    try {
        check_recipe(r, stories(), stories_sites());
    } catch (const RecipeError& e) {
        EXPECT_EQ(e.module_index, 1);
        return e.what();
    }
    ADD_FAILURE() << "recipe was accepted";
    return "";
}

void expect_refused(const char* json, const std::string& field, const std::string& reason) {
    ModuleSpec spec = test::module_spec(json);
    std::string e = refusal(spec);
    EXPECT_NE(e.find("module 1 '" + spec.name + "'"), std::string::npos) << e;
    EXPECT_NE(e.find("field '" + field + "'"), std::string::npos) << e;
    EXPECT_NE(e.find(reason), std::string::npos) << e;
}

} // namespace

TEST(Validation, validRecipe_hasNoIssues) {
    Recipe r = test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"]})"),
                                test::module_spec(R"({"kind":"prefix","length":10})")});
    EXPECT_TRUE(validate(r, stories(), stories_sites()).empty());
}

TEST(Validation, badValues_areRefused) {
    expect_refused(R"({"name":"zero","kind":"lora","sites":["v"],"r":0})", "r", "at least 1");
    expect_refused(R"({"name":"neg","kind":"lora","sites":["v"],"alpha":-2})", "alpha", "negative");
    expect_refused(R"({"name":"drop","kind":"lora","sites":["v"],"dropout":1.5})", "dropout", "below 1");
    expect_refused(R"({"name":"ad","kind":"adapter","sites":["ffn_out"],"r":0})", "r", "at least 1");
    expect_refused(R"({"name":"rf","kind":"adapter","sites":["ffn_out"],"reduction_factor":-4})", "reduction_factor",
                   "negative");
    expect_refused(R"({"name":"p","kind":"prefix","length":0})", "length", "at least 1");
}

TEST(Validation, nanScale_isRefused) {
    ModuleSpec spec = test::module_spec(R"({"name":"nan","kind":"adapter","sites":["ffn_out"],"composition":"scaled"})");
    spec.scale = std::numeric_limits<double>::quiet_NaN();
    std::string e = refusal(spec);
    EXPECT_NE(e.find("field 'scale'"), std::string::npos) << e;
    EXPECT_NE(e.find("finite"), std::string::npos) << e;
}

TEST(Validation, unknownSiteAndLayerOutOfRange_areRefused) {
    expect_refused(R"({"name":"s","kind":"lora","sites":["q_proj_typo"]})", "sites", "matches no site");
    expect_refused(R"({"name":"l","kind":"lora","sites":["q"],"layers":[5]})", "layers", "out of range");
    expect_refused(R"({"name":"t","kind":"unfreeze","top_k_layers":6})", "top_k_layers", "5");
}

TEST(Validation, prefixLongerThanPositionTable_isRefused) {
    // stories260K has 512 positions: l + 1 must fit.
    expect_refused(R"({"name":"long","kind":"prefix","length":512})", "length", "512 positions");
    Recipe ok = test::recipe_of({test::module_spec(R"({"kind":"prefix","length":511})")});
    EXPECT_TRUE(validate(ok, stories(), stories_sites()).empty());
}

TEST(Validation, conflictingModules_areRefused) {
    Recipe two_prompts = test::recipe_of({test::module_spec(R"({"name":"p1","kind":"prompt"})"),
                                          test::module_spec(R"({"name":"p2","kind":"prompt"})")});
    auto issues = validate(two_prompts, stories(), stories_sites());
    ASSERT_FALSE(issues.empty());
    EXPECT_EQ(issues[0].module_index, 1);
    EXPECT_EQ(issues[0].field, "kind");

    Recipe ia3_twice = test::recipe_of({test::module_spec(R"({"name":"a","kind":"ia3","sites":["k","v"]})"),
                                        test::module_spec(R"({"name":"b","kind":"ia3","sites":["layers.0.attn.v"]})")});
    issues = validate(ia3_twice, stories(), stories_sites());
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].module_name, "b");
    EXPECT_NE(issues[0].message.find("already has an IA3"), std::string::npos);

    Recipe same_name = test::recipe_of({test::module_spec(R"({"name":"x","kind":"lora","sites":["q"]})"),
                                        test::module_spec(R"({"name":"x","kind":"lora","sites":["v"]})")});
    issues = validate(same_name, stories(), stories_sites());
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "name");
}

TEST(Validation, moduleOnWrongSiteKind_isRefused) {
    expect_refused(R"({"name":"w","kind":"lora","sites":["ffn_out"]})", "sites", "cannot attach");
    expect_refused(R"({"name":"w2","kind":"prefix","sites":["q"]})", "sites", "cannot attach");
    expect_refused(R"({"name":"w3","kind":"ia3","sites":["attn_norm"]})", "sites", "cannot attach");
    expect_refused(R"({"name":"c","kind":"ia3","sites":["k"],"composition":"gated"})", "composition", "compose");
}

TEST(Validation, textInitWithoutTokens_isRefused) {
    expect_refused(R"({"name":"t","kind":"prompt","prompt_init":"text"})", "init_token_ids", "token ids");
    expect_refused(R"({"name":"t2","kind":"prompt","prompt_init":"text","init_token_ids":[1,9999]})", "init_token_ids",
                   "outside the vocabulary");
}

TEST(Validation, issues_readAsSentences) {
    ValidationIssue issue{2, "adapter", "r", "must be at least 1 (got 0)"};
    EXPECT_EQ(issue.to_string(), "module 2 'adapter': field 'r': must be at least 1 (got 0)");
}
