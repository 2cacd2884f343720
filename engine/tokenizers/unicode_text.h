// SPDX-License-Identifier: MIT
// UTF-8 helpers and Unicode facts (through ICU) for the tokenizers (internal).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace peft::text {

/// Code points of UTF-8 text (invalid bytes become U+FFFD).
std::vector<char32_t> code_points(const std::string& utf8);
std::string to_utf8(char32_t cp);
std::string to_utf8(const std::vector<char32_t>& cps);
/// The UTF-8 characters of a string, one string each.
std::vector<std::string> characters(const std::string& utf8);

/// "NFC", "NFD", "NFKC", "NFKD".
std::string normalize(const std::string& utf8, const std::string& form);
std::string lowercase(const std::string& utf8);
/// Removes combining marks (category Mn), as tokenizers' StripAccents does after NFD.
std::string strip_marks(const std::string& utf8);

bool is_whitespace(char32_t cp);
bool is_control(char32_t cp);       ///< as BERT's clean_text: control/format chars except \t \n \r
bool is_punctuation(char32_t cp);   ///< as BERT: ASCII symbols and Unicode P*
bool is_cjk(char32_t cp);           ///< CJK ideographs BERT pads with spaces

/// Regex matches of `pattern` (ICU syntax, close to the Oniguruma patterns in tokenizer.json)
/// in `text`, as byte ranges [begin, end).
std::vector<std::pair<size_t, size_t>> regex_matches(const std::string& pattern, const std::string& text);

} // namespace peft::text
