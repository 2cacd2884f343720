// SPDX-License-Identifier: MIT
// Every malformed safetensors file gets its own error naming the file and what is wrong.
#include "core/error.h"
#include "io/safetensors.h"
#include "test_assets.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <optional>

using namespace peft;

namespace {

/// Writes 8-byte length + header text + `data_bytes` zero bytes.
std::string write_raw(const std::string& name, const std::string& header, size_t data_bytes,
                      std::optional<uint64_t> declared_length = std::nullopt) {
    static auto dir = test::temp_dir("malformed");
    const std::string path = (dir / name).string();
    std::ofstream out(path, std::ios::binary);
    uint64_t n = declared_length.value_or(header.size());
    out.write(reinterpret_cast<const char*>(&n), 8);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    std::string data(data_bytes, '\0');
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    return path;
}

/// Opening must fail with a message containing the path and every fragment.
void expect_error(const std::string& path, std::initializer_list<const char*> fragments) {
    try {
        SafetensorsFile::open(path);
        ADD_FAILURE() << "expected an error for " << path;
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        for (const char* f : fragments) EXPECT_NE(message.find(f), std::string::npos) << "missing '" << f << "' in: " << message;
    }
    // The header-only reader (model listing) applies the same rules.
    EXPECT_THROW(read_safetensors_header(path), Error);
}

const std::string kOne = R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})";

} // namespace

TEST(SafetensorsMalformed, validMinimalFileOpens) {
    auto path = write_raw("ok.safetensors", "{" + kOne + "}", 8);
    auto file = SafetensorsFile::open(path);
    EXPECT_EQ(file.tensor("a").sizes(), (std::vector<int64_t>{2}));
}

TEST(SafetensorsMalformed, truncatedDataIsReported) {
    expect_error(write_raw("truncated.safetensors", "{" + kOne + "}", 5), {"truncated", "'a'"});
}

TEST(SafetensorsMalformed, headerLengthPastEndIsReported) {
    expect_error(write_raw("past_end.safetensors", "{" + kOne + "}", 8, 5000), {"header length 5000", "past the end"});
}

TEST(SafetensorsMalformed, absurdHeaderLengthIsReported) {
    expect_error(write_raw("absurd.safetensors", "{}", 0, 1ull << 40), {"absurd"});
}

TEST(SafetensorsMalformed, nonJsonHeaderIsReported) {
    expect_error(write_raw("nonjson.safetensors", "{not json at all", 0), {"not valid JSON"});
}

TEST(SafetensorsMalformed, headerThatIsNotAnObjectIsReported) {
    expect_error(write_raw("array.safetensors", "[1,2]", 0), {"does not start with '{'"});
}

TEST(SafetensorsMalformed, headerWithLeadingSpaceIsReported) {
    expect_error(write_raw("leading.safetensors", " {" + kOne + "}", 8), {"does not start with '{'"});
}

TEST(SafetensorsMalformed, zeroLengthHeaderIsReported) {
    expect_error(write_raw("zero.safetensors", "", 0), {"does not start with '{'", "empty"});
}

TEST(SafetensorsMalformed, overlappingOffsetsAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})";
    expect_error(write_raw("overlap.safetensors", header, 12), {"overlaps", "'b'"});
}

TEST(SafetensorsMalformed, holesBetweenTensorsAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})";
    expect_error(write_raw("hole.safetensors", header, 20), {"hole", "'b'"});
}

TEST(SafetensorsMalformed, byteRangeNotMatchingShapeIsReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2,4],"data_offsets":[0,24]}})";
    expect_error(write_raw("shape.safetensors", header, 24), {"'a'", "24 bytes", "needs 32"});
}

TEST(SafetensorsMalformed, unknownDtypeIsReported) {
    auto header = R"({"a":{"dtype":"F31","shape":[2],"data_offsets":[0,8]}})";
    expect_error(write_raw("dtype.safetensors", header, 8), {"unknown dtype 'F31'", "'a'"});
}

TEST(SafetensorsMalformed, duplicateNamesAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})";
    expect_error(write_raw("dup.safetensors", header, 8), {"'a' appears twice"});
}

TEST(SafetensorsMalformed, nonStringMetadataIsReported) {
    auto header = R"({"__metadata__":{"format":"pt","step":3},)" + kOne + "}";
    expect_error(write_raw("meta.safetensors", header, 8), {"__metadata__", "'step'", "must be strings"});
}

TEST(SafetensorsMalformed, fileShorterThanLengthFieldIsReported) {
    static auto dir = test::temp_dir("short");
    const std::string path = (dir / "short.safetensors").string();
    std::ofstream(path, std::ios::binary) << "abc";
    expect_error(path, {"too short"});
}

TEST(SafetensorsMalformed, emptyFileIsReported) {
    static auto dir = test::temp_dir("empty");
    const std::string path = (dir / "empty.safetensors").string();
    std::ofstream(path, std::ios::binary).flush();
    expect_error(path, {"0 bytes"});
}

TEST(SafetensorsMalformed, negativeShapeIsReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})";
    expect_error(write_raw("negative.safetensors", header, 8), {"non-negative integers", "'a'"});
}

TEST(SafetensorsMalformed, nonIntegerShapeIsReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}})";
    expect_error(write_raw("float_shape.safetensors", header, 8), {"non-negative integers", "'a'"});
}

TEST(SafetensorsMalformed, shapeThatIsNotAnArrayIsReported) {
    auto header = R"({"a":{"dtype":"F32","shape":"2","data_offsets":[0,8]}})";
    expect_error(write_raw("shape_string.safetensors", header, 8), {"'shape'", "'a'"});
}

TEST(SafetensorsMalformed, missingDtypeIsReported) {
    auto header = R"({"a":{"shape":[2],"data_offsets":[0,8]}})";
    expect_error(write_raw("no_dtype.safetensors", header, 8), {"'dtype'", "'a'"});
}

TEST(SafetensorsMalformed, entryThatIsNotAnObjectIsReported) {
    expect_error(write_raw("entry.safetensors", R"({"a":5})", 0), {"'a'", "not an object"});
}

TEST(SafetensorsMalformed, offsetsEndingBeforeTheyBeginAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})";
    expect_error(write_raw("backwards.safetensors", header, 8), {"'a'", "end before they begin"});
}

TEST(SafetensorsMalformed, negativeOffsetsAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}})";
    expect_error(write_raw("neg_offsets.safetensors", header, 8), {"'a'", "data_offsets"});
}

TEST(SafetensorsMalformed, metadataThatIsNotAnObjectIsReported) {
    auto header = R"({"__metadata__":["pt"],)" + kOne + "}";
    expect_error(write_raw("meta_array.safetensors", header, 8), {"__metadata__", "object of strings"});
}

TEST(SafetensorsMalformed, offsetsThatAreNotAPairAreReported) {
    auto header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":"0-8"}})";
    expect_error(write_raw("offsets.safetensors", header, 8), {"data_offsets", "'a'"});
}

TEST(SafetensorsMalformed, undescribedTrailingBytesAreReported) {
    expect_error(write_raw("trailing.safetensors", "{" + kOne + "}", 12), {"not described"});
}

TEST(SafetensorsMalformed, hugeShapeDoesNotOverflow) {
    auto header = R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})";
    expect_error(write_raw("huge.safetensors", header, 8), {"too large"});
}

TEST(SafetensorsMalformed, missingFileNamesThePath) {
    expect_error("/nonexistent/dir/model.safetensors", {"cannot open"});
}
