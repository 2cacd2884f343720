// SPDX-License-Identifier: MIT
// The stages of a Hugging Face tokenizer.json, built from its JSON (internal):
// normalizer -> pre-tokenizer -> model -> post-processor, and the decoder.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace peft {

using Normalizer = std::function<std::string(const std::string&)>;
/// Splits pieces further; every pre-tokenizer maps a list of pieces to a list of pieces.
using PreTokenizer = std::function<std::vector<std::string>(const std::vector<std::string>&)>;
/// Turns the token strings of a sequence into text pieces (joined with "" at the end).
using Decoder = std::function<std::vector<std::string>(const std::vector<std::string>&)>;

/// Unknown types throw peft::Error naming `where` and the type.
Normalizer make_normalizer(const nlohmann::json& j, const std::string& where);
PreTokenizer make_pre_tokenizer(const nlohmann::json& j, const std::string& where);
Decoder make_decoder(const nlohmann::json& j, const std::string& where);

/// One token of a post-processed sequence.
struct PostToken {
    bool special = false;
    int sequence = 0;          ///< 0 = A, 1 = B (for non-special tokens)
    std::string special_token; ///< for special tokens: the key in the special-token table
    int64_t type_id = 0;
};

/// Post-processing: where special tokens go around one or two sequences.
struct PostProcessor {
    std::vector<PostToken> single, pair;
    /// special token name -> its ids and token strings
    std::map<std::string, std::pair<std::vector<int64_t>, std::vector<std::string>>> specials;
    bool empty() const { return single.empty() && pair.empty(); }
};
PostProcessor make_post_processor(const nlohmann::json& j, const std::string& where);

/// GPT-2's reversible byte <-> printable character mapping.
const std::vector<std::string>& byte_to_unicode();
/// Inverse of byte_to_unicode for one character; -1 when it is not a mapped character.
int unicode_to_byte(const std::string& ch);

} // namespace peft
