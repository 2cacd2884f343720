// SPDX-License-Identifier: MIT
// Run configuration parsing: paths, seeds, recipes, and errors that name the file and the key.
#include "test_assets.h"
#include "train/run_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>

using namespace peft;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json minimal(const std::string& assets) {
    return json{{"version", 1},
                {"model", assets + "/models/stories260K"},
                {"data", {{"train_file", assets + "/data/glue/SST-2/dev.tsv"}, {"format", "classification"},
                          {"columns", {{"text", "sentence"}, {"label", "label"}}}, {"max_length", 64}}},
                {"recipe", "lora"},
                {"training", {{"lr", 2e-3}, {"max_steps", 10}, {"batch_size", 4}}}};
}

/// The message of the RunConfigError that parsing `j` throws (fails the test when none).
RunConfigError parse_error(const json& j, const std::string& base = "/") {
    try {
        (void)RunConfig::from_json(j, base, "run.json");
    } catch (const RunConfigError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << j.dump();
    return RunConfigError("", "", "");
}

} // namespace

TEST(RunConfig, parsesAMinimalConfigAndSpreadsTheSeed) {
    auto j = minimal(test::assets_dir());
    j["seed"] = 7;
    j["threads"] = 2;
    j["output_dir"] = "/tmp/out";
    const auto c = RunConfig::from_json(j, "/", "run.json");
    EXPECT_TRUE(c.is_classification());
    EXPECT_EQ(c.recipe.kind, RecipeSource::Kind::Preset);
    EXPECT_EQ(c.recipe.preset, "lora");
    EXPECT_EQ(c.training.max_steps, 10);
    EXPECT_EQ(c.training.seed, 7u);
    EXPECT_EQ(c.data.seed, 7u);
    EXPECT_EQ(c.training.threads, 2);
    EXPECT_EQ(c.training.output_dir, "/tmp/out");
    EXPECT_EQ(c.data.max_length, 64);
    // The resolved form parses back to the same run.
    const auto again = RunConfig::from_json(c.to_json(), "/", "run.json");
    EXPECT_EQ(again.to_json(), c.to_json());
}

TEST(RunConfig, relativePathsResolveAgainstTheConfigFolder) {
    const auto dir = test::temp_dir("runcfg");
    fs::create_directories(dir / "sub");
    fs::copy_file(test::assets_dir() + "/data/glue/SST-2/dev.tsv", dir / "sub" / "dev.tsv");
    auto j = minimal(test::assets_dir());
    j["data"]["train_file"] = "sub/dev.tsv";
    j["output_dir"] = "runs/a";
    {
        std::ofstream(dir / "run.json") << j.dump(2);
    }
    const auto c = RunConfig::load((dir / "run.json").string());
    EXPECT_EQ(c.data.train_file, (dir / "sub" / "dev.tsv").string());
    EXPECT_EQ(c.output_dir, (dir / "runs" / "a").string());
    fs::remove_all(dir);
}

TEST(RunConfig, environmentVariablesExpandInPaths) {
    ::setenv("PEFT_RUN_CONFIG_TEST_ASSETS", test::assets_dir().c_str(), 1);
    auto j = minimal(test::assets_dir());
    j["model"] = "${PEFT_RUN_CONFIG_TEST_ASSETS}/models/stories260K";
    EXPECT_EQ(RunConfig::from_json(j, "/", "run.json").model_dir,
              fs::path(test::assets_dir() + "/models/stories260K").lexically_normal().string());
    j["model"] = "${PEFT_RUN_CONFIG_TEST_UNSET}/models/stories260K";
    const auto e = parse_error(j);
    EXPECT_EQ(e.key, "model");
    EXPECT_NE(e.reason.find("PEFT_RUN_CONFIG_TEST_UNSET"), std::string::npos) << e.what();
}

TEST(RunConfig, errorsNameTheFileAndTheKey) {
    const auto assets = test::assets_dir();
    struct Case {
        std::function<void(json&)> edit;
        std::string key;
        std::string says;
    };
    const std::vector<Case> cases = {
        {[](json& j) { j["learning_rate"] = 1; }, "learning_rate", "unknown key"},
        {[](json& j) { j.erase("version"); }, "version", "missing"},
        {[](json& j) { j["version"] = 2; }, "version", "version 1"},
        {[](json& j) { j["model"] = "/nonexistent/model"; }, "model", "does not exist"},
        {[](json& j) { j.erase("model"); }, "model", "missing"},
        {[](json& j) { j["device"] = "tpu"; }, "device", "cpu, cuda or auto"},
        {[](json& j) { j["data"]["train_file"] = "/nonexistent.tsv"; }, "data.train_file", "does not exist"},
        {[](json& j) { j["data"]["seed"] = 3; }, "data.seed", "top-level"},
        {[](json& j) { j["data"]["shuffle"] = false; }, "data.shuffle", "training.shuffle"},
        {[](json& j) { j["seed"] = -1; }, "seed", "0 or more"},
        {[](json& j) { j["data"]["format"] = "tabular"; }, "data", "tabular"},
        {[](json& j) { j["data"]["colums"] = json::object(); }, "data.colums", "unknown key"},
        {[](json& j) { j["data"]["max_length"] = 0; }, "data.max_length", "positive"},
        {[](json& j) { j["training"]["lr"] = -1; }, "training", "'lr'"},
        {[](json& j) { j["training"]["lr"] = "fast"; }, "training", "wrong type"},
        {[](json& j) { j["training"]["seed"] = 1; }, "training.seed", "top level"},
        {[](json& j) { j["training"]["output_dir"] = "x"; }, "training.output_dir", "top level"},
        {[](json& j) { j["eval"] = {{"every", 5}}; }, "eval.every", "eval_every"},
        {[](json& j) { j["recipe"] = 5; }, "recipe", "preset name"},
        {[](json& j) { j["recipe"] = "missing_recipe.json"; }, "recipe", "does not exist"},
        {[](json& j) { j["recipe"] = {{"version", 1}, {"modules", {{{"kind", "lora"}, {"rank", 4}}}}}; }, "recipe", "rank"},
        {[](json& j) { j["seed"] = "zero"; }, "seed", "wrong type"},
        {[](json& j) { j["threads"] = -2; }, "threads", "negative"},
    };
    for (const auto& c : cases) {
        auto j = minimal(assets);
        c.edit(j);
        const auto e = parse_error(j);
        EXPECT_EQ(e.key, c.key) << e.what();
        EXPECT_NE(std::string(e.what()).find("run.json: key '" + c.key + "'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(c.says), std::string::npos) << e.what();
    }
}

TEST(RunConfig, invalidJsonNamesTheLine) {
    const auto dir = test::temp_dir("runcfg_json");
    {
        std::ofstream(dir / "run.json") << "{\n  \"version\": 1,\n  \"model\": oops\n}\n";
    }
    try {
        (void)RunConfig::load((dir / "run.json").string());
        FAIL() << "no error";
    } catch (const RunConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("run.json:3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
    }
    try {
        (void)RunConfig::load((dir / "absent.json").string());
        FAIL() << "no error";
    } catch (const RunConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("absent.json"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}

TEST(RunConfig, presetOverridesChangeTheNamedModule) {
    auto j = minimal(test::assets_dir());
    j["recipe"] = {{"preset", "lora"}, {"overrides", {{"lora", {{"r", 4}, {"alpha", 16}}}}}};
    const auto c = RunConfig::from_json(j, "/", "run.json");
    const auto model = ModelConfig::load(c.model_dir + "/config.json");
    const auto recipe = resolve_recipe(c, model);
    ASSERT_FALSE(recipe.modules.empty());
    EXPECT_EQ(recipe.modules[0].name, "lora");
    EXPECT_EQ(recipe.modules[0].r, 4);
    EXPECT_DOUBLE_EQ(recipe.modules[0].alpha, 16);

    j["recipe"]["overrides"] = {{"lroa", {{"r", 4}}}};
    const auto bad_name = RunConfig::from_json(j, "/", "run.json");
    try {
        (void)resolve_recipe(bad_name, model);
        FAIL() << "no error";
    } catch (const RunConfigError& e) {
        EXPECT_EQ(e.key, "recipe.overrides.lroa");
        EXPECT_NE(e.reason.find("its modules: lora"), std::string::npos) << e.what();
    }
    j["recipe"] = {{"preset", "lora"}, {"overrides", {{"lora", {{"r", 0}}}}}};
    try {
        (void)resolve_recipe(RunConfig::from_json(j, "/", "run.json"), model);
        FAIL() << "no error";
    } catch (const RunConfigError& e) {
        EXPECT_EQ(e.key, "recipe");
        EXPECT_NE(e.reason.find("'r'"), std::string::npos) << e.what();
    }
    j["recipe"] = "no_such_preset";
    try {
        (void)resolve_recipe(RunConfig::from_json(j, "/", "run.json"), model);
        FAIL() << "no error";
    } catch (const RunConfigError& e) {
        EXPECT_EQ(e.key, "recipe.preset");
    }
}

TEST(RunConfig, commandLineOverridesEditTheJson) {
    json j = {{"training", {{"lr", 1e-3}}}};
    apply_override(j, "training.max_steps=100", "run.json");
    apply_override(j, "recipe=houlsby", "run.json");
    apply_override(j, "data.columns.text=sentence", "run.json");
    EXPECT_EQ(j["training"]["max_steps"], 100);
    EXPECT_EQ(j["recipe"], "houlsby");
    EXPECT_EQ(j["data"]["columns"]["text"], "sentence");
    EXPECT_THROW(apply_override(j, "no_equals_sign", "run.json"), RunConfigError);
    EXPECT_THROW(apply_override(j, "training.lr.x=1", "run.json"), RunConfigError);
}
