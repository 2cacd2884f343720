// SPDX-License-Identifier: MIT
// The few tokenizer operations the data pipeline needs, as a value: built from a peft::Tokenizer,
// or from plain functions in tests and tools.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace peft {
class Tokenizer;
}

namespace peft::data {

struct TokenEncoder {
    /// Bare pieces, no special tokens.
    std::function<std::vector<int64_t>(const std::string&)> encode;
    /// One text or a pair with the tokenizer's special tokens ([CLS] a [SEP] b [SEP]; Llama: BOS a);
    /// fills type ids when given.
    std::function<std::vector<int64_t>(const std::string& a, const std::string* b, std::vector<int64_t>* type_ids)>
        encode_for_classification;
    std::optional<int64_t> bos_id, eos_id, pad_id, sep_id;

    /// Wraps a tokenizer, which must outlive the encoder.
    static TokenEncoder from(const Tokenizer& tokenizer);
};

} // namespace peft::data
