// SPDX-License-Identifier: MIT
#include "peft/presets.h"
#include "peft/recipe.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

std::string parse_error(const std::string& json) {
    try {
        Recipe::from_json(nlohmann::json::parse(json));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(RecipeJson, everyPreset_roundTripsThroughJson) {
    for (const auto& name : preset_names()) {
        Recipe r = preset(name, test::bert_base());
        nlohmann::json j = r.to_json();
        EXPECT_EQ(j["version"], 1);
        EXPECT_EQ(Recipe::from_json(j).to_json(), j) << name;
    }
}

TEST(RecipeJson, fullModule_keepsEveryField) {
    ModuleSpec m = test::module_spec(R"({"name":"a","kind":"bottleneck","sites":["ffn_out"],"layers":[0,-1],
        "insertion":"sequential","composition":"learned_channel","scale":2.5,"reduction_factor":8,
        "activation":"tanh","adapter_norm":"in","init":"houlsby","dropout":0.1})");
    EXPECT_EQ(m.kind, ModuleKind::Bottleneck);
    EXPECT_EQ(m.layers, (std::vector<int>{0, -1}));
    EXPECT_EQ(m.insertion, Insertion::Sequential);
    EXPECT_EQ(m.composition, Composition::LearnedChannel);
    EXPECT_DOUBLE_EQ(m.scale, 2.5);
    EXPECT_DOUBLE_EQ(m.reduction_factor, 8);
    EXPECT_EQ(m.activation, Activation::Tanh);
    EXPECT_EQ(m.adapter_norm, AdapterNorm::In);
    EXPECT_EQ(m.init, AdapterInit::Houlsby);
}

TEST(RecipeJson, targetModulesString_isARegex_andListIsSuffixes) {
    ModuleSpec regex = test::module_spec(R"({"kind":"lora","target_modules":".*\\.(q|v)_proj"})");
    EXPECT_EQ(regex.target_regex, ".*\\.(q|v)_proj");
    EXPECT_TRUE(regex.target_modules.empty());
    ModuleSpec list = test::module_spec(R"({"kind":"lora","target_modules":["q_proj","v_proj"],
        "layers_to_transform":[0],"layers_pattern":"layers"})");
    EXPECT_EQ(list.target_modules, (std::vector<std::string>{"q_proj", "v_proj"}));
    EXPECT_EQ(list.layers_pattern, (std::vector<std::string>{"layers"}));
}

TEST(RecipeJson, unknownKind_namesModuleAndField) {
    std::string e = parse_error(R"({"version":1,"modules":[{"kind":"lora"},{"name":"x","kind":"magic"}]})");
    EXPECT_NE(e.find("module 1 'x'"), std::string::npos) << e;
    EXPECT_NE(e.find("field 'kind'"), std::string::npos) << e;
    EXPECT_NE(e.find("magic"), std::string::npos) << e;
}

TEST(RecipeJson, unknownActivationOrInit_isRefused) {
    std::string e = parse_error(R"({"version":1,"modules":[{"kind":"adapter","activation":"swishy"}]})");
    EXPECT_NE(e.find("field 'activation'"), std::string::npos) << e;
    e = parse_error(R"({"version":1,"modules":[{"kind":"adapter","init":"zeros"}]})");
    EXPECT_NE(e.find("field 'init'"), std::string::npos) << e;
}

TEST(RecipeJson, unknownFieldOrWrongType_isRefused) {
    EXPECT_NE(parse_error(R"({"version":1,"modules":[{"kind":"lora","rank":4}]})").find("field 'rank'"), std::string::npos);
    EXPECT_NE(parse_error(R"({"version":1,"modules":[{"kind":"lora","r":"4"}]})").find("field 'r'"), std::string::npos);
}

TEST(RecipeJson, otherVersion_isRefusedWithHint) {
    std::string e = parse_error(R"({"version":2,"modules":[]})");
    EXPECT_NE(e.find("version 2"), std::string::npos) << e;
    EXPECT_NE(parse_error(R"({"modules":[]})").find("version"), std::string::npos);
}

TEST(RecipeJson, saveThenLoad_roundTrip) {
    auto dir = test::temp_dir("recipe");
    Recipe r = preset("mam", test::gpt2_small());
    r.save((dir / "mam.json").string());
    EXPECT_EQ(Recipe::load((dir / "mam.json").string()).to_json(), r.to_json());
    std::filesystem::remove_all(dir);
}

TEST(Presets, unknownPreset_listsKnownOnes) {
    try {
        preset("loraa", test::gpt2_small());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("houlsby"), std::string::npos);
    }
}
