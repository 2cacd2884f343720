// SPDX-License-Identifier: MIT
// A tokenizer described by Hugging Face's tokenizer.json (internal; use load_tokenizer).
#pragma once

#include "tokenizers/pipeline.h"
#include "tokenizers/subword_models.h"
#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <memory>
#include <set>

namespace peft {

class HfTokenizer : public Tokenizer {
public:
    /// `where` names the file in errors.
    HfTokenizer(const nlohmann::json& j, const std::string& where);

    Encoding encode(const std::string& text, bool add_special_tokens = true) const override;
    Encoding encode_pair(const std::string& a, const std::string& b, std::vector<int64_t>* type_ids = nullptr) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skip_special_tokens = true) const override;
    int64_t vocab_size() const override;
    std::optional<int64_t> token_to_id(const std::string& token) const override;
    std::string id_to_token(int64_t id) const override;
    std::string kind() const override { return kind_; }

private:
    struct AddedToken {
        std::string content;
        int64_t id = 0;
        bool special = false;
        bool lstrip = false, rstrip = false;
    };
    /// Tokens of one sequence without post-processing.
    std::vector<int64_t> encode_plain(const std::string& text) const;
    Encoding post_process(const std::vector<int64_t>& a, const std::vector<int64_t>* b, std::vector<int64_t>* type_ids) const;

    std::string kind_;
    Normalizer normalizer_;
    PreTokenizer pre_tokenizer_;
    Decoder decoder_;
    PostProcessor post_;
    std::unique_ptr<SubwordModel> model_;
    std::vector<AddedToken> added_; ///< longest content first
    /// Indices into added_ by the first byte of their content, so that scanning a long text
    /// costs one lookup per byte rather than one comparison per added token.
    std::array<std::vector<size_t>, 256> added_by_first_byte_;
    std::map<int64_t, std::string> added_by_id_;
    std::set<int64_t> special_ids_;
};

} // namespace peft
