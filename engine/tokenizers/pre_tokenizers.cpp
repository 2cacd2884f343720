// SPDX-License-Identifier: MIT
// Pre-tokenizers of tokenizer.json (ByteLevel, Split, BERT, Whitespace, Metaspace, Digits, Punctuation).
#include "tokenizers/pipeline.h"
#include "tokenizers/pipeline_detail.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

namespace peft {

using json = nlohmann::json;
using namespace detail;
namespace {

PreTokenizer per_piece(std::function<std::vector<std::string>(const std::string&)> f) {
    return [f](const std::vector<std::string>& pieces) {
        std::vector<std::string> out;
        for (const auto& p : pieces)
            for (auto& q : f(p))
                if (!q.empty()) out.push_back(std::move(q));
        return out;
    };
}

const char* kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

} // namespace

PreTokenizer make_pre_tokenizer(const json& j, const std::string& where) {
    if (j.is_null()) return [](const std::vector<std::string>& p) { return p; };
    const std::string type = type_of(j, where);
    if (type == "Sequence") {
        std::vector<PreTokenizer> parts;
        for (const auto& p : j.at("pretokenizers")) parts.push_back(make_pre_tokenizer(p, where));
        return [parts](const std::vector<std::string>& pieces) {
            std::vector<std::string> out = pieces;
            for (const auto& p : parts) out = p(out);
            return out;
        };
    }
    if (type == "ByteLevel") {
        const bool prefix = j.value("add_prefix_space", false), regex = j.value("use_regex", true);
        return [prefix, regex](const std::vector<std::string>& pieces) {
            std::vector<std::string> out;
            for (size_t i = 0; i < pieces.size(); ++i) {
                std::string p = pieces[i];
                if (prefix && i == 0 && !p.empty() && p[0] != ' ') p = " " + p;
                std::vector<std::string> words = regex ? split_piece(p, kGpt2Pattern, SplitBehavior::Isolated, false)
                                                       : std::vector<std::string>{p};
                for (const auto& w : words) {
                    std::string mapped;
                    for (unsigned char b : w) mapped += byte_to_unicode()[b];
                    if (!mapped.empty()) out.push_back(mapped);
                }
            }
            return out;
        };
    }
    if (type == "Split") {
        const std::string regex = pattern_regex(j.at("pattern"), where);
        const SplitBehavior behavior = behavior_of(j.value("behavior", std::string("Isolated")), where);
        const bool invert = j.value("invert", false);
        return per_piece([=](const std::string& s) { return split_piece(s, regex, behavior, invert); });
    }
    if (type == "Whitespace")
        return per_piece([](const std::string& s) { return split_piece(s, R"(\w+|[^\w\s]+)", SplitBehavior::Removed, true); });
    if (type == "WhitespaceSplit")
        return per_piece([](const std::string& s) { return split_piece(s, R"(\s+)", SplitBehavior::Removed, false); });
    if (type == "BertPreTokenizer") {
        return per_piece([](const std::string& s) {
            std::vector<std::string> out;
            std::string word;
            for (char32_t c : text::code_points(s)) {
                if (text::is_whitespace(c)) {
                    if (!word.empty()) out.push_back(word);
                    word.clear();
                } else if (text::is_punctuation(c)) {
                    if (!word.empty()) out.push_back(word);
                    word.clear();
                    out.push_back(text::to_utf8(c));
                } else {
                    word += text::to_utf8(c);
                }
            }
            if (!word.empty()) out.push_back(word);
            return out;
        });
    }
    if (type == "Punctuation") {
        const SplitBehavior behavior = behavior_of(j.value("behavior", std::string("Isolated")), where);
        return per_piece([behavior](const std::string& s) { return split_piece(s, R"(\p{P}|[!-/:-@\[-`{-~])", behavior, false); });
    }
    if (type == "Digits") {
        const bool individual = j.value("individual_digits", false);
        return per_piece([individual](const std::string& s) {
            return split_piece(s, individual ? R"(\p{N})" : R"(\p{N}+)", SplitBehavior::Isolated, false);
        });
    }
    if (type == "Metaspace") {
        const std::string replacement = metaspace_replacement(j), scheme = metaspace_scheme(j);
        const bool split = j.value("split", true);
        return [=](const std::vector<std::string>& pieces) {
            std::vector<std::string> out;
            for (size_t i = 0; i < pieces.size(); ++i) {
                std::string p = replace_all(pieces[i], " ", replacement);
                if ((scheme == "always" || (scheme == "first" && i == 0)) && p.rfind(replacement, 0) != 0) p = replacement + p;
                if (!split) {
                    out.push_back(p);
                    continue;
                }
                for (auto& q : split_piece(p, pattern_regex(json{{"String", replacement}}, ""), SplitBehavior::MergedWithNext, false))
                    if (!q.empty()) out.push_back(q);
            }
            return out;
        };
    }
    throw Error(where + ": pre-tokenizer type '" + type + "' is not supported");
}

} // namespace peft
