// SPDX-License-Identifier: MIT
// Model folders: single file, sharded with an index, and every way an index can be wrong.
#include "core/error.h"
#include "io/weight_set.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace peft;
namespace fs = std::filesystem;

namespace {

/// Opening `dir` must fail with a message containing every fragment.
void expect_open_error(const fs::path& dir, std::initializer_list<std::string> fragments) {
    try {
        WeightSet::open(dir.string());
        ADD_FAILURE() << "expected an error for " << dir;
    } catch (const Error& e) {
        const std::string m = e.what();
        for (const auto& f : fragments) EXPECT_NE(m.find(f), std::string::npos) << "missing '" << f << "' in: " << m;
    }
}

std::vector<std::pair<std::string, torch::Tensor>> three_tensors() {
    return {{"w1", torch::arange(100, torch::kFloat)}, {"w2", torch::ones({50})}, {"w3", torch::zeros({10, 10})}};
}

} // namespace

TEST(WeightSet, opensSingleFileModel) {
    auto set = WeightSet::open(test::model_dir("tiny-gpt2"));
    EXPECT_FALSE(set.empty());
    EXPECT_TRUE(set.contains("transformer.wte.weight"));
    EXPECT_EQ(set.entry("transformer.wte.weight").shape, (std::vector<int64_t>{50257, 2}));
    EXPECT_NE(set.file_of("transformer.wte.weight").find("model.safetensors"), std::string::npos);
    EXPECT_EQ(set.tensor("transformer.ln_f.weight", torch::kBFloat16).scalar_type(), torch::kBFloat16);
}

TEST(WeightSet, unknownTensorNamesTheFolder) {
    auto set = WeightSet::open(test::model_dir("tiny-gpt2"));
    try {
        set.tensor("lm_head.weight", torch::kFloat);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("tiny-gpt2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("'lm_head.weight'"), std::string::npos) << e.what();
    }
}

TEST(WeightSet, oneShardIsAPlainFileWithoutIndex) {
    auto dir = test::temp_dir("one-shard");
    write_sharded_safetensors(dir.string(), three_tensors(), 1 << 20);
    EXPECT_TRUE(fs::exists(dir / "model.safetensors"));
    EXPECT_FALSE(fs::exists(dir / "model.safetensors.index.json"));
    EXPECT_EQ(WeightSet::open(dir.string()).names().size(), 3u);
}

TEST(WeightSet, shardsSplitAtTheLimitAndIndexListsEveryTensor) {
    auto dir = test::temp_dir("three-shards");
    write_sharded_safetensors(dir.string(), three_tensors(), 400); // 400 + 200 + 400 bytes
    for (const char* f : {"model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                          "model-00003-of-00003.safetensors"})
        EXPECT_TRUE(fs::exists(dir / f)) << f;
    std::ifstream in(dir / "model.safetensors.index.json");
    auto index = nlohmann::json::parse(in);
    EXPECT_EQ(index["metadata"]["total_size"].get<int64_t>(), 1000);
    EXPECT_EQ(index["weight_map"]["w2"], "model-00002-of-00003.safetensors");
    auto set = WeightSet::open(dir.string());
    EXPECT_TRUE(torch::equal(set.tensor("w1", torch::kFloat), torch::arange(100, torch::kFloat)));
    EXPECT_NE(set.file_of("w3").find("model-00003-of-00003.safetensors"), std::string::npos);
}

TEST(WeightSet, shardedWriterRefusesDuplicateNames) {
    auto dir = test::temp_dir("dup-shards");
    EXPECT_THROW(write_sharded_safetensors(dir.string(), {{"a", torch::ones({100})}, {"a", torch::ones({100})}}, 100),
                 Error);
}

TEST(WeightSet, tensorMissingFromItsShardIsReported) {
    auto dir = test::temp_dir("not-in-shard");
    write_sharded_safetensors(dir.string(), three_tensors(), 400);
    std::ifstream in(dir / "model.safetensors.index.json");
    auto index = nlohmann::json::parse(in);
    index["weight_map"]["w3"] = "model-00001-of-00003.safetensors";
    std::ofstream(dir / "model.safetensors.index.json", std::ios::trunc) << index.dump();
    expect_open_error(dir, {"model.safetensors.index.json", "'w3'", "model-00001-of-00003.safetensors", "not in it"});
}

TEST(WeightSet, indexWithoutWeightMapIsReported) {
    auto dir = test::temp_dir("no-map");
    std::ofstream(dir / "model.safetensors.index.json") << R"({"metadata":{"total_size":0}})";
    expect_open_error(dir, {"model.safetensors.index.json", "weight_map"});
}

TEST(WeightSet, emptyWeightMapIsReported) {
    auto dir = test::temp_dir("empty-map");
    std::ofstream(dir / "model.safetensors.index.json") << R"({"weight_map":{}})";
    expect_open_error(dir, {"model.safetensors.index.json", "no tensors"});
}

TEST(WeightSet, indexThatIsNotJsonIsReported) {
    auto dir = test::temp_dir("bad-index");
    std::ofstream(dir / "model.safetensors.index.json") << "{weight_map: oops";
    expect_open_error(dir, {"model.safetensors.index.json", "not valid JSON"});
}

TEST(WeightSet, shardOutsideTheFolderIsRefused) {
    auto dir = test::temp_dir("escape");
    std::ofstream(dir / "model.safetensors.index.json") << R"({"weight_map":{"w":"../model.safetensors"}})";
    expect_open_error(dir, {"model.safetensors.index.json", "../model.safetensors"});
}

TEST(WeightSet, corruptShardNamesTheShard) {
    auto dir = test::temp_dir("corrupt-shard");
    write_sharded_safetensors(dir.string(), three_tensors(), 400);
    fs::resize_file(dir / "model-00002-of-00003.safetensors", 100);
    expect_open_error(dir, {"model-00002-of-00003.safetensors"});
}

TEST(WeightSet, pickleOnlyFolderExplainsItIsUnsupported) {
    auto dir = test::temp_dir("pickle");
    std::ofstream(dir / "pytorch_model.bin") << "not really a pickle";
    expect_open_error(dir, {"no safetensors weights", "pytorch_model.bin", "not supported"});
}
