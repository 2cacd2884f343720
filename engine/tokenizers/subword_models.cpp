// SPDX-License-Identifier: MIT
#include "tokenizers/subword_models.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

#include <cstdint>
#include <cstdio>
#include <queue>
#include <string_view>

namespace peft {
namespace {
constexpr size_t kMaxCachedPieceBytes = 256; // longer pieces are rarely seen twice
constexpr size_t kMaxCacheEntries = 200000;  // bounds the cache at a few tens of MB
} // namespace

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

std::vector<std::string> BpeModel::merge_symbols(const std::string& word) const {
    // Symbols form a linked list; a min-heap holds candidate pairs by (rank, position), so a word
    // of n characters costs O(n log n) rather than O(n^2) (SentencePiece-style files without a
    // pre-tokenizer hand the whole text to the model as one word).
    std::vector<std::string> sym = text::characters(word);
    const size_t n = sym.size();
    for (size_t i = 1; i < n; ++i) sym[i] = prefix_ + sym[i];
    if (n > 0) sym.back() += suffix_;
    std::vector<size_t> next(n), prev(n);
    std::vector<bool> alive(n, true);
    for (size_t i = 0; i < n; ++i) {
        next[i] = i + 1;
        prev[i] = i == 0 ? SIZE_MAX : i - 1;
    }
    struct Candidate {
        int rank;
        size_t left, right, left_len, right_len; // lengths tell whether either side changed since
        bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : left > o.left; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    std::string key;
    auto push = [&](size_t l, size_t r) {
        if (l == SIZE_MAX || r >= n) return;
        key.assign(sym[l]).push_back('\0');
        key.append(sym[r]);
        if (auto it = ranks_.find(key); it != ranks_.end()) heap.push({it->second, l, r, sym[l].size(), sym[r].size()});
    };
    for (size_t i = 0; i + 1 < n; ++i) push(i, i + 1);
    while (!heap.empty()) {
        const Candidate c = heap.top();
        heap.pop();
        // Symbols only grow, so equal lengths mean neither side was merged since the push.
        if (!alive[c.left] || !alive[c.right] || next[c.left] != c.right || sym[c.left].size() != c.left_len ||
            sym[c.right].size() != c.right_len)
            continue;
        std::string_view right = sym[c.right];
        if (!prefix_.empty() && right.substr(0, prefix_.size()) == prefix_) right.remove_prefix(prefix_.size());
        sym[c.left] += right;
        alive[c.right] = false;
        next[c.left] = next[c.right];
        if (next[c.left] < n) prev[next[c.left]] = c.left;
        push(prev[c.left], c.left);
        push(c.left, next[c.left]);
    }
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i)
        if (alive[i]) out.push_back(std::move(sym[i]));
    return out;
}

std::vector<int64_t> BpeModel::encode_word(const std::string& word) const {
    std::vector<int64_t> ids;
    if (ignore_merges_) {
        if (auto it = vocab.find(word); it != vocab.end()) return {it->second};
    }
    const std::vector<std::string> symbols = merge_symbols(word);
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
    // Only word-sized pieces repeat; a whole unsplit document would just take memory.
    if (piece.size() > kMaxCachedPieceBytes) return;
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (cache_.size() < kMaxCacheEntries) cache_.emplace(piece, std::move(word));
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

WordLevelModel::WordLevelModel(const nlohmann::json& m, const std::string& where) {
    set_vocab(m.at("vocab"), where);
    const std::string unk_token = m.value("unk_token", std::string("<unk>"));
    if (auto it = vocab.find(unk_token); it != vocab.end()) unk = it->second;
}

void WordLevelModel::tokenize(const std::string& piece, std::vector<int64_t>& ids) const {
    if (auto it = vocab.find(piece); it != vocab.end()) ids.push_back(it->second);
    else if (unk) ids.push_back(*unk);
    else throw Error("WordLevel tokenizer: '" + piece + "' is not in the vocabulary and there is no unk_token");
}

} // namespace peft
