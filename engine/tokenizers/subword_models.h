// SPDX-License-Identifier: MIT
// The subword models of tokenizer.json: BPE, WordPiece and WordLevel (internal).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace peft {

/// Turns one pre-tokenized piece into token ids.
class SubwordModel {
public:
    virtual ~SubwordModel() = default;
    virtual void tokenize(const std::string& piece, std::vector<int64_t>& ids) const = 0;

    std::unordered_map<std::string, int64_t> vocab;
    std::vector<std::string> id_to_token;
    std::optional<int64_t> unk;

    void set_vocab(const nlohmann::json& vocab_json, const std::string& where);
};

class BpeModel : public SubwordModel {
public:
    BpeModel(const nlohmann::json& model, const std::string& where);
    void tokenize(const std::string& piece, std::vector<int64_t>& ids) const override;

private:
    std::vector<int64_t> encode_word(const std::string& word) const;
    /// The symbols of `word` after applying every merge, lowest rank first.
    std::vector<std::string> merge_symbols(const std::string& word) const;
    std::unordered_map<std::string, int> ranks_; ///< "a\0b" -> merge priority
    std::string prefix_, suffix_;
    bool byte_fallback_ = false, fuse_unk_ = false, ignore_merges_ = false;
    mutable std::mutex cache_mutex_;
    mutable std::unordered_map<std::string, std::vector<int64_t>> cache_;
};

class WordPieceModel : public SubwordModel {
public:
    WordPieceModel(const nlohmann::json& model, const std::string& where);
    void tokenize(const std::string& piece, std::vector<int64_t>& ids) const override;

private:
    std::string prefix_ = "##";
    size_t max_chars_ = 100;
};

/// Whole pieces looked up in the vocabulary; anything else is unk.
class WordLevelModel : public SubwordModel {
public:
    WordLevelModel(const nlohmann::json& model, const std::string& where);
    void tokenize(const std::string& piece, std::vector<int64_t>& ids) const override;
};

} // namespace peft
