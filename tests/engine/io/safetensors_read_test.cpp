// SPDX-License-Identifier: MIT
// Reading valid files: real models, every readable dtype, scalars, empty tensors, unaligned data.
#include "core/error.h"
#include "io/safetensors.h"
#include "test_assets.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

using namespace peft;

namespace {

/// Writes 8-byte length + header + raw data bytes, as a hand-made safetensors file.
std::string write_file(const std::string& name, const std::string& header, const std::string& data) {
    static auto dir = test::temp_dir("read");
    const std::string path = (dir / name).string();
    std::ofstream out(path, std::ios::binary);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char*>(&n), 8);
    out << header << data;
    return path;
}

template <typename T>
std::string bytes_of(std::initializer_list<T> values) {
    std::string out(values.size() * sizeof(T), '\0');
    std::memcpy(out.data(), values.begin(), out.size());
    return out;
}

} // namespace

TEST(SafetensorsRead, tinyGpt2HasGpt2NamesShapesAndMetadata) {
    auto file = SafetensorsFile::open(test::model_dir("tiny-gpt2") + "/model.safetensors");
    EXPECT_EQ(file.names().size(), 28u);
    EXPECT_EQ(file.header().metadata.at("format"), "pt");
    EXPECT_EQ(file.entry("transformer.wte.weight").shape, (std::vector<int64_t>{50257, 2}));
    EXPECT_EQ(file.entry("transformer.wpe.weight").shape, (std::vector<int64_t>{1024, 2}));
    // Conv1D stores [in, out]: c_attn maps 2 → 6.
    EXPECT_EQ(file.entry("transformer.h.1.attn.c_attn.weight").shape, (std::vector<int64_t>{2, 6}));
    EXPECT_EQ(file.entry("transformer.h.0.mlp.c_fc.weight").dtype, "F32");
    EXPECT_FALSE(file.contains("lm_head.weight")); // tied to wte
    torch::Tensor wte = file.tensor("transformer.wte.weight");
    EXPECT_EQ(wte.scalar_type(), torch::kFloat);
    EXPECT_TRUE(torch::isfinite(wte).all().item<bool>());
    EXPECT_GT(wte.abs().max().item<float>(), 0.0f);
    EXPECT_LT(wte.abs().max().item<float>(), 10.0f);
}

TEST(SafetensorsRead, stories260KHasEveryLlamaTensor) {
    auto file = SafetensorsFile::open(test::model_dir("stories260K") + "/model.safetensors");
    for (int layer = 0; layer < 5; ++layer) {
        const std::string p = "model.layers." + std::to_string(layer) + ".";
        EXPECT_EQ(file.entry(p + "self_attn.q_proj.weight").shape, (std::vector<int64_t>{64, 64}));
        EXPECT_EQ(file.entry(p + "self_attn.v_proj.weight").shape, (std::vector<int64_t>{32, 64})); // 4 KV heads
        EXPECT_EQ(file.entry(p + "mlp.gate_proj.weight").shape, (std::vector<int64_t>{172, 64}));
        EXPECT_EQ(file.entry(p + "input_layernorm.weight").shape, (std::vector<int64_t>{64}));
    }
    // Trained RMSNorm weights are positive and away from zero.
    EXPECT_GT(file.tensor("model.norm.weight").min().item<float>(), 0.0f);
}

TEST(SafetensorsRead, missingTensorNamesFileAndTensor) {
    const std::string path = test::model_dir("tiny-gpt2") + "/model.safetensors";
    auto file = SafetensorsFile::open(path);
    try {
        file.tensor("nope.weight");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("'nope.weight'"), std::string::npos) << e.what();
    }
}

TEST(SafetensorsRead, scalarsAndZeroSizeTensorsAreAllowed) {
    auto header = R"({"empty":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]},)"
                  R"("s":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})";
    auto file = SafetensorsFile::open(write_file("scalar.safetensors", header, bytes_of<float>({2.5f})));
    torch::Tensor s = file.tensor("s");
    EXPECT_EQ(s.dim(), 0);
    EXPECT_EQ(s.item<float>(), 2.5f);
    EXPECT_EQ(file.tensor("empty").sizes(), (std::vector<int64_t>{0, 3}));
}

TEST(SafetensorsRead, unalignedDataIsCopiedCorrectly) {
    // A 61-byte header puts the data at byte 69: not aligned for F32 or I64.
    std::string header = R"({"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}})";
    header.append(61 - header.size(), ' ');
    auto file = SafetensorsFile::open(write_file("unaligned.safetensors", header, bytes_of<double>({1.25, -3.5})));
    torch::Tensor a = file.tensor("a", torch::kFloat);
    EXPECT_EQ(a.scalar_type(), torch::kFloat);
    EXPECT_EQ(a[0].item<float>(), 1.25f);
    EXPECT_EQ(a[1].item<float>(), -3.5f);
}

TEST(SafetensorsRead, integerDtypesAreReadAsTheirTorchTypes) {
    std::string data = bytes_of<int64_t>({-7, 1LL << 40}) + bytes_of<int32_t>({-3}) + bytes_of<int16_t>({300}) +
                       bytes_of<int8_t>({-1}) + bytes_of<uint8_t>({255}) + bytes_of<uint8_t>({1, 0});
    auto header = R"({"i64":{"dtype":"I64","shape":[2],"data_offsets":[0,16]},)"
                  R"("i32":{"dtype":"I32","shape":[1],"data_offsets":[16,20]},)"
                  R"("i16":{"dtype":"I16","shape":[1],"data_offsets":[20,22]},)"
                  R"("i8":{"dtype":"I8","shape":[1],"data_offsets":[22,23]},)"
                  R"("u8":{"dtype":"U8","shape":[1],"data_offsets":[23,24]},)"
                  R"("b":{"dtype":"BOOL","shape":[2],"data_offsets":[24,26]}})";
    auto file = SafetensorsFile::open(write_file("ints.safetensors", header, data));
    EXPECT_EQ(file.tensor("i64").scalar_type(), torch::kLong);
    EXPECT_EQ(file.tensor("i64")[1].item<int64_t>(), 1LL << 40);
    EXPECT_EQ(file.tensor("i32").item<int32_t>(), -3);
    EXPECT_EQ(file.tensor("i16").item<int16_t>(), 300);
    EXPECT_EQ(file.tensor("i8").item<int8_t>(), -1);
    EXPECT_EQ(file.tensor("u8").item<uint8_t>(), 255);
    torch::Tensor b = file.tensor("b");
    EXPECT_EQ(b.scalar_type(), torch::kBool);
    EXPECT_TRUE(b[0].item<bool>());
    EXPECT_FALSE(b[1].item<bool>());
    EXPECT_EQ(file.tensor("i32", torch::kFloat).item<float>(), -3.0f);
}

TEST(SafetensorsRead, knownButUnloadableDtypeIsNamedOnAccess) {
    auto header = R"({"c":{"dtype":"U16","shape":[1],"data_offsets":[0,2]}})";
    auto file = SafetensorsFile::open(write_file("u16.safetensors", header, std::string(2, '\0')));
    EXPECT_EQ(file.entry("c").dtype, "U16"); // listing works
    try {
        file.tensor("c");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'c'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("U16"), std::string::npos) << e.what();
    }
}

TEST(SafetensorsRead, tensorsOutliveTheFile) {
    torch::Tensor t;
    {
        auto file = SafetensorsFile::open(test::model_dir("tiny-gpt2") + "/model.safetensors");
        t = file.tensor("transformer.ln_f.weight");
    }
    EXPECT_TRUE(torch::isfinite(t).all().item<bool>()); // the copy survives the unmapping
}

TEST(SafetensorsRead, movedFileKeepsItsMapping) {
    auto a = SafetensorsFile::open(test::model_dir("tiny-gpt2") + "/model.safetensors");
    SafetensorsFile b = std::move(a);
    EXPECT_EQ(b.tensor("transformer.ln_f.bias").numel(), 2);
}
