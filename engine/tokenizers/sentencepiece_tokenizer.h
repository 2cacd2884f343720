// SPDX-License-Identifier: MIT
// tokenizer.model through the SentencePiece library (internal; use load_tokenizer).
#pragma once

#include "tokenizers/tokenizer.h"

#include <memory>
#include <string>

struct peft_spm;

namespace peft {

class SentencePieceTokenizer : public Tokenizer {
public:
    /// Throws peft::Error naming `path` when the model cannot be loaded.
    SentencePieceTokenizer(const std::string& path, bool add_bos, bool add_eos);
    ~SentencePieceTokenizer() override;
    SentencePieceTokenizer(const SentencePieceTokenizer&) = delete;
    SentencePieceTokenizer& operator=(const SentencePieceTokenizer&) = delete;

    Encoding encode(const std::string& text, bool add_special_tokens = true) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skip_special_tokens = true) const override;
    int64_t vocab_size() const override;
    std::optional<int64_t> token_to_id(const std::string& token) const override;
    std::string id_to_token(int64_t id) const override;
    std::string kind() const override { return "SentencePiece (tokenizer.model)"; }

private:
    peft_spm* sp_ = nullptr;
    bool add_bos_, add_eos_;
};

} // namespace peft
