// SPDX-License-Identifier: MIT
#include "demo/bpe_learner.h"

#include "tokenizers/pipeline.h"

#include <map>
#include <set>

namespace peft::demo {
namespace {

enum class CharClass { Space, Letter, Digit, Other };

CharClass class_of(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\v' || u == '\f') return CharClass::Space;
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) return CharClass::Letter;
    if (u >= '0' && u <= '9') return CharClass::Digit;
    return CharClass::Other;
}

/// Length of a GPT-2 contraction ('s 't 're 've 'm 'll 'd) at `i`, or 0.
std::size_t contraction_at(const std::string& t, std::size_t i) {
    if (t[i] != '\'' || i + 1 >= t.size()) return 0;
    const char a = t[i + 1], b = i + 2 < t.size() ? t[i + 2] : '\0';
    if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
    if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
    return 0;
}

using Symbols = std::vector<std::string>;
using Pair = std::pair<std::string, std::string>;

} // namespace

std::vector<std::string> split_like_gpt2(const std::string& t) {
    std::vector<std::string> out;
    std::size_t i = 0;
    const std::size_t n = t.size();
    while (i < n) {
        if (const std::size_t len = contraction_at(t, i)) {
            out.push_back(t.substr(i, len));
            i += len;
            continue;
        }
        std::size_t j = i;
        if (t[j] == ' ' && j + 1 < n && class_of(t[j + 1]) != CharClass::Space) ++j; // " ?" prefix
        if (class_of(t[j]) != CharClass::Space) {
            const CharClass c = class_of(t[j]);
            std::size_t k = j;
            while (k < n && class_of(t[k]) == c) ++k;
            out.push_back(t.substr(i, k - i));
            i = k;
            continue;
        }
        // \s+(?!\S) | \s+ : a run of spaces leaves its last one to the word that follows.
        std::size_t k = i;
        while (k < n && class_of(t[k]) == CharClass::Space) ++k;
        if (k < n && k - i > 1) --k;
        out.push_back(t.substr(i, k - i));
        i = k;
    }
    return out;
}

BpeVocabulary learn_byte_level_bpe(const std::vector<std::string>& texts, int64_t max_tokens) {
    BpeVocabulary v;
    const auto& byte_chars = byte_to_unicode();
    for (int b = 0; b < 256; ++b) v.tokens.push_back(byte_chars[static_cast<std::size_t>(b)]);
    std::set<std::string> known(v.tokens.begin(), v.tokens.end());

    // Distinct pieces with their counts, each as a list of byte symbols.
    std::map<std::string, int64_t> piece_counts;
    for (const auto& text : texts)
        for (const auto& piece : split_like_gpt2(text)) ++piece_counts[piece];
    std::vector<std::pair<Symbols, int64_t>> words;
    words.reserve(piece_counts.size());
    for (const auto& [piece, count] : piece_counts) {
        Symbols s;
        for (unsigned char b : piece) s.push_back(byte_chars[b]);
        words.emplace_back(std::move(s), count);
    }

    while (static_cast<int64_t>(v.tokens.size()) < max_tokens) {
        // Recounting every round is quadratic in theory but takes milliseconds at demo scale
        // (a few thousand distinct pieces), and keeps the learner obviously correct.
        std::map<Pair, int64_t> pair_counts;
        for (const auto& [symbols, count] : words)
            for (std::size_t i = 0; i + 1 < symbols.size(); ++i) pair_counts[{symbols[i], symbols[i + 1]}] += count;
        const Pair* best = nullptr;
        int64_t best_count = 1; // a pair seen once is not worth a token
        for (const auto& [pair, count] : pair_counts) // map order: ties go to the smallest pair
            if (count > best_count) {
                best = &pair;
                best_count = count;
            }
        if (!best) break;
        const Pair merge = *best;
        const std::string joined = merge.first + merge.second;
        v.merges.push_back(merge);
        if (known.insert(joined).second) v.tokens.push_back(joined);
        for (auto& word : words) {
            Symbols& symbols = word.first;
            Symbols merged;
            merged.reserve(symbols.size());
            for (std::size_t i = 0; i < symbols.size(); ++i) {
                if (i + 1 < symbols.size() && symbols[i] == merge.first && symbols[i + 1] == merge.second) {
                    merged.push_back(joined);
                    ++i;
                } else {
                    merged.push_back(symbols[i]);
                }
            }
            symbols = std::move(merged);
        }
    }
    return v;
}

} // namespace peft::demo
