// SPDX-License-Identifier: MIT
// The demo tokenizer as Hugging Face writes a fast tokenizer: tokenizer.json (byte-level BPE,
// BOS added by a TemplateProcessing post-processor, as Llama's), tokenizer_config.json and
// special_tokens_map.json.
#pragma once

#include "demo/bpe_learner.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace peft::demo {

/// Special tokens come first, then the 256 byte symbols, then the merged symbols.
inline constexpr int64_t kUnkId = 0, kBosId = 1, kEosId = 2, kPadId = 3, kFirstByteId = 4;
inline constexpr const char* kUnk = "<unk>";
inline constexpr const char* kBos = "<s>";
inline constexpr const char* kEos = "</s>";
inline constexpr const char* kPad = "<pad>";

/// Number of ids of a tokenizer built from `vocabulary` (special tokens included).
int64_t tokenizer_size(const BpeVocabulary& vocabulary);

nlohmann::json tokenizer_json(const BpeVocabulary& vocabulary);

/// Writes the three tokenizer files into `dir`.
void write_tokenizer_files(const BpeVocabulary& vocabulary, const std::string& dir, int64_t model_max_length);

} // namespace peft::demo
