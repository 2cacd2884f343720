// SPDX-License-Identifier: MIT
// Helpers for the data tests: asset paths, temporary files and a tokenizer-free encoder.
#pragma once

#include "data/token_encoder.h"
#include "test_assets.h"

#include <fstream>
#include <sstream>
#include <string>

namespace peft::test {

inline std::string data_file(const std::string& relative) { return assets_dir() + "/data/" + relative; }

/// Writes `content` to a file named `name` in a fresh temporary directory and returns its path.
inline std::string write_temp(const std::string& name, const std::string& content) {
    const auto path = (temp_dir("data") / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

/// Byte-level stand-in for a tokenizer: every byte is one token (id = byte + 10), BOS 1, EOS 2,
/// classification adds BOS ... EOS (SEP 3 between a pair). Decoding is exact, so tests can check
/// which text carries loss.
inline data::TokenEncoder byte_encoder() {
    data::TokenEncoder enc;
    enc.encode = [](const std::string& text) {
        std::vector<int64_t> ids;
        for (const unsigned char c : text)
            ids.push_back(static_cast<int64_t>(c) + 10);
        return ids;
    };
    enc.encode_for_classification = [enc](const std::string& a, const std::string* b, std::vector<int64_t>* type_ids) {
        std::vector<int64_t> ids{1};
        const auto first = enc.encode(a);
        ids.insert(ids.end(), first.begin(), first.end());
        std::size_t first_len = ids.size();
        if (b) {
            ids.push_back(3);
            first_len = ids.size();
            const auto second = enc.encode(*b);
            ids.insert(ids.end(), second.begin(), second.end());
        }
        ids.push_back(2);
        if (type_ids) {
            type_ids->assign(ids.size(), 1);
            std::fill(type_ids->begin(), type_ids->begin() + static_cast<std::ptrdiff_t>(first_len), 0);
        }
        return ids;
    };
    enc.bos_id = 1;
    enc.eos_id = 2;
    enc.pad_id = 0;
    return enc;
}

/// Inverse of byte_encoder for ids >= 10 (special ids become "<bos>", "<eos>", "<sep>").
inline std::string byte_decode(const std::vector<int64_t>& ids) {
    std::string out;
    for (const auto id : ids) {
        if (id == 1)
            out += "<bos>";
        else if (id == 2)
            out += "<eos>";
        else if (id == 3)
            out += "<sep>";
        else if (id >= 10)
            out += static_cast<char>(id - 10);
    }
    return out;
}

} // namespace peft::test
