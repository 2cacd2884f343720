// SPDX-License-Identifier: MIT
// Learns byte-level BPE merges (GPT-2 style) on a corpus, as Hugging Face's BpeTrainer does:
// pieces split like the GPT-2 pre-tokenizer, bytes mapped to printable characters, then the most
// frequent adjacent pair merged until the vocabulary is full.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace peft::demo {

struct BpeVocabulary {
    std::vector<std::string> tokens;                       ///< id -> token (byte-level characters)
    std::vector<std::pair<std::string, std::string>> merges; ///< in priority order
};

/// The 256 byte symbols followed by merged symbols until there are `max_tokens` (or no pair
/// occurs twice). Ties break on the pair's text, so the result depends only on the corpus.
BpeVocabulary learn_byte_level_bpe(const std::vector<std::string>& texts, int64_t max_tokens);

/// GPT-2's pre-tokenization for ASCII text: contractions, " ?letters", " ?digits",
/// " ?other symbols", runs of spaces (the corpus is ASCII, so this equals the Unicode regex).
std::vector<std::string> split_like_gpt2(const std::string& text);

} // namespace peft::demo
