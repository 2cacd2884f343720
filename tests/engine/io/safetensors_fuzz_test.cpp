// SPDX-License-Identifier: MIT
// Garbage must give peft::Error, never a crash, hang or out-of-bounds read (run under ASan to be sure).
#include "core/error.h"
#include "io/safetensors.h"
#include "test_assets.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <random>

using namespace peft;

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Opens `bytes` as a file and reads every tensor: either it works or it throws peft::Error.
void open_and_read_all(const std::filesystem::path& dir, const std::string& bytes) {
    const std::string path = (dir / "fuzz.safetensors").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    try {
        auto file = SafetensorsFile::open(path);
        for (const auto& name : file.names()) {
            try {
                file.tensor(name);
            } catch (const Error&) {
                // a dtype we list but cannot load: fine
            }
        }
    } catch (const Error&) {
    }
    try {
        read_safetensors_header(path);
    } catch (const Error&) {
    }
}

} // namespace

TEST(SafetensorsFuzz, everyTruncationIsRejectedCleanly) {
    auto dir = test::temp_dir("fuzz-trunc");
    write_safetensors((dir / "src.safetensors").string(),
                      {{"a", torch::arange(6, torch::kFloat).reshape({2, 3})}, {"b", torch::ones({3}, torch::kHalf)}});
    const std::string bytes = read_bytes((dir / "src.safetensors").string());
    for (size_t len = 0; len < bytes.size(); ++len) {
        const std::string path = (dir / "t.safetensors").string();
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, len);
        EXPECT_THROW(SafetensorsFile::open(path), Error) << "prefix of " << len << " bytes";
    }
}

TEST(SafetensorsFuzz, randomByteFlipsNeverCrash) {
    auto dir = test::temp_dir("fuzz-flip");
    write_safetensors((dir / "src.safetensors").string(),
                      {{"a", torch::arange(6, torch::kFloat).reshape({2, 3})},
                       {"b", torch::ones({3}, torch::kBFloat16)},
                       {"c", torch::zeros({2}, torch::kLong)}});
    const std::string bytes = read_bytes((dir / "src.safetensors").string());
    std::mt19937 rng(1234);
    for (int round = 0; round < 500; ++round) {
        std::string mutated = bytes;
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < flips; ++i) mutated[rng() % mutated.size()] = static_cast<char>(rng() % 256);
        open_and_read_all(dir, mutated);
    }
}

TEST(SafetensorsFuzz, randomGarbageNeverCrashes) {
    auto dir = test::temp_dir("fuzz-garbage");
    std::mt19937 rng(99);
    for (int round = 0; round < 200; ++round) {
        std::string garbage(rng() % 64, '\0');
        for (auto& c : garbage) c = static_cast<char>(rng() % 256);
        // Half the time give it a plausible small header length so the JSON parser sees garbage too.
        if (garbage.size() >= 8 && round % 2 == 0) {
            const uint64_t n = garbage.size() - 8;
            std::memcpy(garbage.data(), &n, 8);
        }
        open_and_read_all(dir, garbage);
    }
}
