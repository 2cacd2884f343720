// SPDX-License-Identifier: MIT
// Tokenizers of Hugging Face model folders. Plain types only (no LibTorch): Qt code may include it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace peft {

struct Encoding {
    std::vector<int64_t> ids;
    std::vector<std::string> tokens;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    /// Encodes UTF-8 text. With add_special_tokens, applies the post-processor the files declare
    /// (BERT: [CLS] ... [SEP]; Llama: BOS), otherwise the bare pieces.
    virtual Encoding encode(const std::string& text, bool add_special_tokens = true) const = 0;
    /// Encodes a pair (BERT: [CLS] a [SEP] b [SEP]); token type ids in `type_ids`.
    virtual Encoding encode_pair(const std::string& a, const std::string& b, std::vector<int64_t>* type_ids = nullptr) const;
    virtual std::string decode(const std::vector<int64_t>& ids, bool skip_special_tokens = true) const = 0;

    virtual int64_t vocab_size() const = 0;
    virtual std::optional<int64_t> token_to_id(const std::string& token) const = 0;
    virtual std::string id_to_token(int64_t id) const = 0;

    /// "byte-level BPE", "SentencePiece BPE (tokenizer.json)", "WordPiece", "SentencePiece model", ...
    virtual std::string kind() const = 0;

    std::optional<int64_t> bos_id, eos_id, pad_id, unk_id, cls_id, sep_id;
};

/// Loads the tokenizer of a model folder, preferring tokenizer.json, then tokenizer.model
/// (SentencePiece), vocab.txt (WordPiece), vocab.json + merges.txt (GPT-2 BPE). Special tokens
/// come from tokenizer_config.json / special_tokens_map.json where present. Throws peft::Error
/// naming the file when none is usable or a file is broken.
std::unique_ptr<Tokenizer> load_tokenizer(const std::string& model_dir);

/// Loads one specific kind of tokenizer file of a folder: "tokenizer.json", "tokenizer.model",
/// "vocab.txt" or "vocab.json" (with merges.txt).
std::unique_ptr<Tokenizer> load_tokenizer_from(const std::string& model_dir, const std::string& kind);

} // namespace peft
