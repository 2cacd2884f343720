// SPDX-License-Identifier: MIT
#include "tokenizers/subword_models.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

#include <climits>
#include <cstdio>

namespace peft {

void SubwordModel::set_vocab(const nlohmann::json& v, const std::string& where) {
    if (!v.is_object()) throw Error(where + ": model 'vocab' must be an object of token -> id");
    for (const auto& [token, id] : v.items()) {
        if (!id.is_number_integer() || id.get<int64_t>() < 0) throw Error(where + ": vocab entry '" + token + "' has no valid id");
        const int64_t i = id.get<int64_t>();
        vocab[token] = i;
        if (static_cast<size_t>(i) >= id_to_token.size()) id_to_token.resize(static_cast<size_t>(i) + 1);
        id_to_token[static_cast<size_t>(i)] = token;
    }
}

BpeModel::BpeModel(const nlohmann::json& m, const std::string& where) {
    set_vocab(m.at("vocab"), where);
    if (m.contains("unk_token") && m["unk_token"].is_string()) {
        auto it = vocab.find(m["unk_token"].get<std::string>());
        if (it != vocab.end()) unk = it->second;
    }
    if (m.contains("continuing_subword_prefix") && m["continuing_subword_prefix"].is_string())
        prefix_ = m["continuing_subword_prefix"].get<std::string>();
    if (m.contains("end_of_word_suffix") && m["end_of_word_suffix"].is_string()) suffix_ = m["end_of_word_suffix"].get<std::string>();
    byte_fallback_ = m.value("byte_fallback", false);
    fuse_unk_ = m.value("fuse_unk", false);
    ignore_merges_ = m.value("ignore_merges", false);
    int rank = 0;
    for (const auto& merge : m.at("merges")) {
        std::string a, b;
        if (merge.is_string()) {
            const std::string s = merge.get<std::string>();
            const auto space = s.find(' ', 1);
            if (space == std::string::npos) throw Error(where + ": merge '" + s + "' is not 'a b'");
            a = s.substr(0, space);
            b = s.substr(space + 1);
        } else if (merge.is_array() && merge.size() == 2) {
            a = merge[0].get<std::string>();
            b = merge[1].get<std::string>();
        } else {
            throw Error(where + ": merge " + std::to_string(rank) + " is neither 'a b' nor [a, b]");
        }
        ranks_.emplace(a + '\0' + b, rank++);
    }
}

std::vector<int64_t> BpeModel::encode_word(const std::string& word) const {
    std::vector<int64_t> ids;
    if (ignore_merges_) {
        if (auto it = vocab.find(word); it != vocab.end()) return {it->second};
    }
    std::vector<std::string> symbols = text::characters(word);
    for (size_t i = 1; i < symbols.size(); ++i) symbols[i] = prefix_ + symbols[i];
    if (!symbols.empty()) symbols.back() += suffix_;
    // Repeatedly merge the adjacent pair of best (lowest) rank.
    while (symbols.size() > 1) {
        int best = INT_MAX;
        size_t at = 0;
        for (size_t i = 0; i + 1 < symbols.size(); ++i) {
            std::string right = symbols[i + 1];
            auto it = ranks_.find(symbols[i] + '\0' + right);
            if (it != ranks_.end() && it->second < best) {
                best = it->second;
                at = i;
            }
        }
        if (best == INT_MAX) break;
        std::string right = symbols[at + 1];
        if (!prefix_.empty() && right.rfind(prefix_, 0) == 0) right = right.substr(prefix_.size());
        symbols[at] += right;
        symbols.erase(symbols.begin() + static_cast<long>(at) + 1);
    }
    bool last_unk = false;
    for (const auto& s : symbols) {
        if (auto it = vocab.find(s); it != vocab.end()) {
            ids.push_back(it->second);
            last_unk = false;
            continue;
        }
        if (byte_fallback_) {
            bool all = true;
            std::vector<int64_t> bytes;
            for (unsigned char c : s) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", c);
                auto b = vocab.find(name);
                if (b == vocab.end()) {
                    all = false;
                    break;
                }
                bytes.push_back(b->second);
            }
            if (all) {
                ids.insert(ids.end(), bytes.begin(), bytes.end());
                last_unk = false;
                continue;
            }
        }
        if (unk) {
            if (!(fuse_unk_ && last_unk)) ids.push_back(*unk);
            last_unk = true;
        }
    }
    return ids;
}

void BpeModel::tokenize(const std::string& piece, std::vector<int64_t>& ids) const {
    {
        std::lock_guard<std::mutex> lock(cache_mutex_);
        if (auto it = cache_.find(piece); it != cache_.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int64_t> word = encode_word(piece);
    ids.insert(ids.end(), word.begin(), word.end());
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (cache_.size() < 200000) cache_.emplace(piece, std::move(word));
}

WordPieceModel::WordPieceModel(const nlohmann::json& m, const std::string& where) {
    set_vocab(m.at("vocab"), where);
    const std::string unk_token = m.value("unk_token", std::string("[UNK]"));
    if (auto it = vocab.find(unk_token); it != vocab.end()) unk = it->second;
    else throw Error(where + ": WordPiece unk_token '" + unk_token + "' is not in the vocabulary");
    prefix_ = m.value("continuing_subword_prefix", std::string("##"));
    max_chars_ = m.value("max_input_chars_per_word", 100);
}

void WordPieceModel::tokenize(const std::string& piece, std::vector<int64_t>& ids) const {
    const std::vector<std::string> chars = text::characters(piece);
    if (chars.size() > max_chars_) {
        ids.push_back(*unk);
        return;
    }
    std::vector<int64_t> out;
    size_t start = 0;
    while (start < chars.size()) {
        size_t end = chars.size();
        std::optional<int64_t> found;
        while (end > start) {
            std::string sub = start > 0 ? prefix_ : "";
            for (size_t i = start; i < end; ++i) sub += chars[i];
            if (auto it = vocab.find(sub); it != vocab.end()) {
                found = it->second;
                break;
            }
            --end;
        }
        if (!found) {
            ids.push_back(*unk); // one unknown piece makes the whole word unknown
            return;
        }
        out.push_back(*found);
        start = end;
    }
    ids.insert(ids.end(), out.begin(), out.end());
}

} // namespace peft
