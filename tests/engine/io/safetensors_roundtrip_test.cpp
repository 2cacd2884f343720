// SPDX-License-Identifier: MIT
// Reading real files and the writer's byte-level rules (those of the reference writer).
#include "core/error.h"
#include "io/safetensors.h"
#include "io/weight_set.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace peft;

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST(Safetensors, readsStories260K) {
    auto file = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    const auto& e = file.entry("model.embed_tokens.weight");
    EXPECT_EQ(e.dtype, "F32");
    EXPECT_EQ(e.shape, (std::vector<int64_t>{512, 64}));
    torch::Tensor t = file.tensor("model.layers.0.self_attn.k_proj.weight");
    EXPECT_EQ(t.sizes(), (std::vector<int64_t>{32, 64}));
    EXPECT_TRUE(torch::isfinite(t).all().item<bool>());
    EXPECT_GT(t.abs().sum().item<double>(), 0.0);
}

TEST(Safetensors, headerOnlyReadMatchesFullOpen) {
    const std::string path = test::model_dir("tiny-gpt2") + "/model.safetensors";
    auto header = read_safetensors_header(path);
    auto file = SafetensorsFile::open(path);
    ASSERT_EQ(header.entries.size(), file.header().entries.size());
    for (size_t i = 0; i < header.entries.size(); ++i) EXPECT_EQ(header.entries[i].name, file.header().entries[i].name);
}

TEST(Safetensors, convertsToRequestedDtype) {
    auto file = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    auto f32 = file.tensor("model.norm.weight");
    auto bf16 = file.tensor("model.norm.weight", torch::kBFloat16);
    EXPECT_EQ(bf16.scalar_type(), torch::kBFloat16);
    EXPECT_TRUE(torch::allclose(bf16.to(torch::kFloat), f32, 1e-2, 1e-2));
}

TEST(SafetensorsWriter, ordersByDtypeSizeThenNameAndPadsHeaderTo8) {
    auto dir = test::temp_dir("writer");
    const std::string path = (dir / "w.safetensors").string();
    write_safetensors(path, {{"b_half", torch::ones({3}, torch::kHalf)},
                             {"z_float", torch::arange(4, torch::kFloat)},
                             {"a_float", torch::ones({2, 2}, torch::kFloat)},
                             {"c_bf16", torch::zeros({1}, torch::kBFloat16)}});
    const std::string bytes = read_bytes(path);
    uint64_t n = 0;
    std::memcpy(&n, bytes.data(), 8);
    EXPECT_EQ(n % 8, 0u);
    const std::string header = bytes.substr(8, n);
    // Exactly the reference writer's layout: metadata first, then F32 by name, then 2-byte types by name.
    const std::string expected =
        R"({"__metadata__":{"format":"pt"},"a_float":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},)"
        R"("z_float":{"dtype":"F32","shape":[4],"data_offsets":[16,32]},)"
        R"("b_half":{"dtype":"F16","shape":[3],"data_offsets":[32,38]},)"
        R"("c_bf16":{"dtype":"BF16","shape":[1],"data_offsets":[38,40]}})";
    EXPECT_EQ(header.substr(0, expected.size()), expected);
    EXPECT_EQ(header.find_first_not_of(' ', expected.size()), std::string::npos) << "padding must be spaces";
    EXPECT_EQ(bytes.size(), 8 + n + 40);

    auto file = SafetensorsFile::open(path);
    EXPECT_TRUE(torch::equal(file.tensor("z_float"), torch::arange(4, torch::kFloat)));
    EXPECT_EQ(file.tensor("b_half").scalar_type(), torch::kHalf);
    EXPECT_EQ(file.header().metadata.at("format"), "pt");
}

TEST(SafetensorsWriter, roundTripsRealWeightsBitExactly) {
    auto src = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& name : src.names()) tensors.emplace_back(name, src.tensor(name));
    auto dir = test::temp_dir("roundtrip");
    write_safetensors((dir / "model.safetensors").string(), tensors);
    auto back = SafetensorsFile::open((dir / "model.safetensors").string());
    for (const auto& [name, t] : tensors) EXPECT_TRUE(torch::equal(back.tensor(name), t)) << name;
}

TEST(SafetensorsWriter, unwritableDirectoryGivesErrorAndNoPartialFile) {
    EXPECT_THROW(write_safetensors("/nonexistent-dir/x.safetensors", {{"a", torch::ones({1})}}), Error);
    EXPECT_FALSE(std::filesystem::exists("/nonexistent-dir/x.safetensors.tmp"));
}

TEST(SafetensorsWriter, refusesUnsupportedDtypes) {
    auto dir = test::temp_dir("dtype");
    EXPECT_THROW(write_safetensors((dir / "c.safetensors").string(), {{"c", torch::ones({1}, torch::kComplexFloat)}}), Error);
}

TEST(ShardedWeights, writeAndReadBackThroughTheIndex) {
    auto src = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& name : src.names()) tensors.emplace_back(name, src.tensor(name));
    auto dir = test::temp_dir("sharded");
    write_sharded_safetensors(dir.string(), tensors, 300 * 1024);
    ASSERT_TRUE(std::filesystem::exists(dir / "model.safetensors.index.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "model.safetensors"));
    std::ifstream in(dir / "model.safetensors.index.json");
    auto index = nlohmann::json::parse(in);
    int64_t total = 0;
    for (const auto& [name, t] : tensors) total += t.numel() * t.element_size();
    EXPECT_EQ(index["metadata"]["total_size"].get<int64_t>(), total);
    EXPECT_TRUE(std::filesystem::exists(dir / "model-00001-of-00004.safetensors"));

    auto set = WeightSet::open(dir.string());
    EXPECT_EQ(set.names().size(), tensors.size());
    for (const auto& [name, t] : tensors) EXPECT_TRUE(torch::equal(set.tensor(name, torch::kFloat), t)) << name;
}

TEST(ShardedWeights, missingShardIsNamed) {
    auto dir = test::temp_dir("missing-shard");
    std::ofstream(dir / "model.safetensors.index.json")
        << R"({"metadata":{"total_size":4},"weight_map":{"w":"model-00001-of-00002.safetensors"}})";
    try {
        WeightSet::open(dir.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("model-00001-of-00002.safetensors"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

TEST(ShardedWeights, folderWithoutWeightsSaysSo) {
    try {
        WeightSet::open(test::model_dir("bert-tiny-untrained"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no safetensors weights"), std::string::npos) << e.what();
    }
}

TEST(SafetensorsWriter, halfAndBfloat16RoundTripBitExactly) {
    auto dir = test::temp_dir("half");
    torch::manual_seed(0);
    torch::Tensor h = torch::randn({5, 3}).to(torch::kHalf);
    torch::Tensor b = torch::randn({7}).to(torch::kBFloat16);
    write_safetensors((dir / "h.safetensors").string(), {{"h", h}, {"b", b}});
    auto file = SafetensorsFile::open((dir / "h.safetensors").string());
    EXPECT_EQ(file.entry("h").dtype, "F16");
    EXPECT_EQ(file.entry("b").dtype, "BF16");
    EXPECT_TRUE(torch::equal(file.tensor("h"), h));
    EXPECT_TRUE(torch::equal(file.tensor("b"), b));
    // Widening to F32 is exact.
    EXPECT_TRUE(torch::equal(file.tensor("b", torch::kFloat), b.to(torch::kFloat)));
}

TEST(SafetensorsWriter, exactBytesOfAScalarFile) {
    auto dir = test::temp_dir("exact");
    const std::string path = (dir / "s.safetensors").string();
    write_safetensors(path, {{"x", torch::tensor(1.0f).reshape({})}});
    const std::string bytes = read_bytes(path);
    const std::string json = R"({"__metadata__":{"format":"pt"},"x":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})";
    const std::string padded = json + std::string((8 - json.size() % 8) % 8, ' ');
    std::string expected(8, '\0');
    const uint64_t n = padded.size();
    std::memcpy(expected.data(), &n, 8);
    const float one = 1.0f;
    expected += padded + std::string(reinterpret_cast<const char*>(&one), 4);
    EXPECT_EQ(bytes, expected);
}

TEST(SafetensorsWriter, mergesMetadataAfterFormat) {
    auto dir = test::temp_dir("meta");
    const std::string path = (dir / "m.safetensors").string();
    write_safetensors(path, {{"a", torch::ones({1})}}, {{"step", "12"}, {"base", "stories260K"}});
    const std::string bytes = read_bytes(path);
    EXPECT_EQ(bytes.substr(8, 64).rfind(R"({"__metadata__":{"format":"pt","base":"stories260K","step":"12"})", 0), 0u)
        << bytes.substr(8, 64);
    auto file = SafetensorsFile::open(path);
    EXPECT_EQ(file.header().metadata.at("step"), "12");
    EXPECT_EQ(file.header().metadata.at("format"), "pt");
}

TEST(SafetensorsWriter, writesNonContiguousTensorsInLogicalOrder) {
    auto dir = test::temp_dir("noncontig");
    torch::Tensor t = torch::arange(6, torch::kFloat).reshape({2, 3}).t();
    write_safetensors((dir / "t.safetensors").string(), {{"t", t}});
    EXPECT_TRUE(torch::equal(SafetensorsFile::open((dir / "t.safetensors").string()).tensor("t"), t));
}

TEST(SafetensorsWriter, refusesFloat64WithAHint) {
    auto dir = test::temp_dir("f64");
    try {
        write_safetensors((dir / "d.safetensors").string(), {{"d", torch::ones({1}, torch::kDouble)}});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'d'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("float32"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "d.safetensors"));
    EXPECT_FALSE(std::filesystem::exists(dir / "d.safetensors.tmp"));
}

TEST(SafetensorsWriter, refusesDuplicateNames) {
    auto dir = test::temp_dir("dupw");
    EXPECT_THROW(write_safetensors((dir / "d.safetensors").string(), {{"a", torch::ones({1})}, {"a", torch::ones({1})}}),
                 Error);
}

TEST(SafetensorsWriter, overwritesAnExistingFileAtomically) {
    auto dir = test::temp_dir("overwrite");
    const std::string path = (dir / "o.safetensors").string();
    write_safetensors(path, {{"a", torch::ones({4})}});
    write_safetensors(path, {{"b", torch::zeros({2})}});
    auto file = SafetensorsFile::open(path);
    EXPECT_EQ(file.names(), (std::vector<std::string>{"b"}));
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}
