// SPDX-License-Identifier: MIT
// Normalizers, pre-tokenizers, decoders and post-processors of tokenizer.json.
#include "tokenizers/pipeline.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

#include <unicode/uchar.h>

namespace peft {
namespace {

using json = nlohmann::json;

std::string type_of(const json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
        throw Error(where + ": expected an object with a 'type'");
    return j["type"].get<std::string>();
}

/// Pattern of a Split/Replace: {"String": s} (literal) or {"Regex": r}.
std::string pattern_regex(const json& p, const std::string& where) {
    if (p.contains("Regex")) return p["Regex"].get<std::string>();
    if (p.contains("String")) {
        std::string lit = p["String"].get<std::string>(), out;
        for (char c : lit) {
            if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) out += '\\';
            out += c;
        }
        return out;
    }
    throw Error(where + ": pattern must be {\"String\": ...} or {\"Regex\": ...}");
}

std::string replace_all(const std::string& s, const std::string& regex, const std::string& content) {
    std::string out;
    size_t last = 0;
    for (auto [b, e] : text::regex_matches(regex, s)) {
        out.append(s, last, b - last);
        out += content;
        last = e;
    }
    out.append(s, last, std::string::npos);
    return out;
}

enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

/// Splits one piece at matches of `regex` according to `behavior`.
std::vector<std::string> split_piece(const std::string& s, const std::string& regex, SplitBehavior behavior, bool invert) {
    std::vector<std::pair<std::string, bool>> parts; // (text, is_match)
    size_t last = 0;
    for (auto [b, e] : text::regex_matches(regex, s)) {
        if (b > last) parts.emplace_back(s.substr(last, b - last), false);
        parts.emplace_back(s.substr(b, e - b), true);
        last = e;
    }
    if (last < s.size()) parts.emplace_back(s.substr(last), false);
    if (invert)
        for (auto& p : parts) p.second = !p.second;
    std::vector<std::string> out;
    switch (behavior) {
    case SplitBehavior::Removed:
        for (auto& [t, m] : parts)
            if (!m) out.push_back(t);
        break;
    case SplitBehavior::Isolated:
        for (auto& [t, m] : parts) out.push_back(t);
        break;
    case SplitBehavior::Contiguous: {
        bool previous_match = false;
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0 && parts[i].second && previous_match) out.back() += parts[i].first;
            else out.push_back(parts[i].first);
            previous_match = parts[i].second;
        }
        break;
    }
    case SplitBehavior::MergedWithPrevious:
        for (auto& [t, m] : parts) {
            if (m && !out.empty()) out.back() += t;
            else out.push_back(t);
        }
        break;
    case SplitBehavior::MergedWithNext: {
        std::string pending;
        for (auto& [t, m] : parts) {
            if (m) pending += t;
            else {
                out.push_back(pending + t);
                pending.clear();
            }
        }
        if (!pending.empty()) out.push_back(pending);
        break;
    }
    }
    return out;
}

SplitBehavior behavior_of(const std::string& name, const std::string& where) {
    if (name == "Removed") return SplitBehavior::Removed;
    if (name == "Isolated") return SplitBehavior::Isolated;
    if (name == "MergedWithPrevious") return SplitBehavior::MergedWithPrevious;
    if (name == "MergedWithNext") return SplitBehavior::MergedWithNext;
    if (name == "Contiguous") return SplitBehavior::Contiguous;
    throw Error(where + ": unknown split behavior '" + name + "'");
}

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

std::string metaspace_replacement(const json& j) { return j.value("replacement", std::string("\xE2\x96\x81")); }

/// prepend_scheme of Metaspace: "always", "first" or "never" (older files: add_prefix_space).
std::string metaspace_scheme(const json& j) {
    if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) return j["prepend_scheme"].get<std::string>();
    return j.value("add_prefix_space", true) ? "always" : "never";
}

} // namespace

const std::vector<std::string>& byte_to_unicode() {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t(256);
        int n = 0;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            t[b] = text::to_utf8(printable ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + n++));
        }
        return t;
    }();
    return table;
}

int unicode_to_byte(const std::string& ch) {
    static const std::map<std::string, int> inverse = [] {
        std::map<std::string, int> m;
        for (int b = 0; b < 256; ++b) m[byte_to_unicode()[b]] = b;
        return m;
    }();
    auto it = inverse.find(ch);
    return it == inverse.end() ? -1 : it->second;
}

Normalizer make_normalizer(const json& j, const std::string& where) {
    if (j.is_null()) return [](const std::string& s) { return s; };
    const std::string type = type_of(j, where);
    if (type == "Sequence") {
        std::vector<Normalizer> parts;
        for (const auto& n : j.at("normalizers")) parts.push_back(make_normalizer(n, where));
        return [parts](const std::string& s) {
            std::string out = s;
            for (const auto& p : parts) out = p(out);
            return out;
        };
    }
    if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD")
        return [type](const std::string& s) { return text::normalize(s, type); };
    if (type == "Lowercase") return [](const std::string& s) { return text::lowercase(s); };
    if (type == "StripAccents") return [](const std::string& s) { return text::strip_marks(s); };
    if (type == "Strip") {
        const bool left = j.value("strip_left", true), right = j.value("strip_right", true);
        return [left, right](const std::string& s) {
            auto cps = text::code_points(s);
            size_t b = 0, e = cps.size();
            while (left && b < e && text::is_whitespace(cps[b])) ++b;
            while (right && e > b && text::is_whitespace(cps[e - 1])) --e;
            return text::to_utf8(std::vector<char32_t>(cps.begin() + static_cast<long>(b), cps.begin() + static_cast<long>(e)));
        };
    }
    if (type == "Prepend") {
        const std::string prefix = j.at("prepend").get<std::string>();
        return [prefix](const std::string& s) { return s.empty() ? s : prefix + s; };
    }
    if (type == "Replace") {
        const std::string regex = pattern_regex(j.at("pattern"), where);
        const std::string content = j.at("content").get<std::string>();
        return [regex, content](const std::string& s) { return replace_all(s, regex, content); };
    }
    if (type == "BertNormalizer") {
        const bool clean = j.value("clean_text", true), chinese = j.value("handle_chinese_chars", true);
        const bool lower = j.value("lowercase", true);
        const bool strip = j.contains("strip_accents") && j["strip_accents"].is_boolean() ? j["strip_accents"].get<bool>() : lower;
        return [clean, chinese, lower, strip](const std::string& s) {
            std::string out;
            for (char32_t c : text::code_points(s)) {
                if (clean && (c == 0 || c == 0xFFFD || text::is_control(c))) continue;
                if (clean && text::is_whitespace(c)) c = ' ';
                if (chinese && text::is_cjk(c)) out += " " + text::to_utf8(c) + " ";
                else out += text::to_utf8(c);
            }
            if (strip) out = text::strip_marks(text::normalize(out, "NFD"));
            if (lower) out = text::lowercase(out);
            return out;
        };
    }
    throw Error(where + ": normalizer type '" + type + "' is not supported");
}

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

Decoder make_decoder(const json& j, const std::string& where) {
    if (j.is_null()) return [](const std::vector<std::string>& t) { return t; };
    const std::string type = type_of(j, where);
    if (type == "Sequence") {
        std::vector<Decoder> parts;
        for (const auto& d : j.at("decoders")) parts.push_back(make_decoder(d, where));
        return [parts](const std::vector<std::string>& tokens) {
            std::vector<std::string> out = tokens;
            for (const auto& p : parts) out = p(out);
            return out;
        };
    }
    if (type == "ByteLevel") {
        return [](const std::vector<std::string>& tokens) {
            std::string bytes;
            for (const auto& t : tokens)
                for (const auto& ch : text::characters(t)) {
                    const int b = unicode_to_byte(ch);
                    if (b >= 0) bytes += static_cast<char>(b);
                    else bytes += ch;
                }
            return std::vector<std::string>{text::to_utf8(text::code_points(bytes))}; // invalid bytes -> U+FFFD
        };
    }
    if (type == "Metaspace") {
        const std::string replacement = metaspace_replacement(j), scheme = metaspace_scheme(j);
        return [=](const std::vector<std::string>& tokens) {
            std::vector<std::string> out;
            for (size_t i = 0; i < tokens.size(); ++i) {
                std::string t = replace_all(tokens[i], pattern_regex(json{{"String", replacement}}, ""), " ");
                if (i == 0 && scheme != "never" && !t.empty() && t[0] == ' ') t.erase(0, 1);
                out.push_back(t);
            }
            return out;
        };
    }
    if (type == "WordPiece") {
        const std::string prefix = j.value("prefix", std::string("##"));
        const bool cleanup = j.value("cleanup", true);
        return [prefix, cleanup](const std::vector<std::string>& tokens) {
            std::string joined;
            for (size_t i = 0; i < tokens.size(); ++i) {
                const std::string& t = tokens[i];
                if (i > 0 && t.rfind(prefix, 0) == 0) joined += t.substr(prefix.size());
                else joined += (i > 0 ? " " : "") + t;
            }
            // Cleanup on the joined text, so that "can ' t" becomes "can't" across tokens.
            if (cleanup) {
                for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                         {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
                         {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}}) {
                    for (size_t pos = joined.find(from); pos != std::string::npos; pos = joined.find(from, pos + to.size()))
                        joined.replace(pos, from.size(), to);
                }
            }
            return std::vector<std::string>{joined};
        };
    }
    if (type == "ByteFallback") {
        return [](const std::vector<std::string>& tokens) {
            std::vector<std::string> out;
            std::string pending;
            auto flush = [&] {
                if (!pending.empty()) out.push_back(text::to_utf8(text::code_points(pending)));
                pending.clear();
            };
            for (const auto& t : tokens) {
                if (t.size() == 6 && t.rfind("<0x", 0) == 0 && t[5] == '>') {
                    pending += static_cast<char>(std::stoi(t.substr(3, 2), nullptr, 16));
                } else {
                    flush();
                    out.push_back(t);
                }
            }
            flush();
            return out;
        };
    }
    if (type == "Fuse") {
        return [](const std::vector<std::string>& tokens) {
            std::string all;
            for (const auto& t : tokens) all += t;
            return std::vector<std::string>{all};
        };
    }
    if (type == "Strip") {
        const std::string content = j.value("content", std::string(" "));
        const int start = j.value("start", 0), stop = j.value("stop", 0);
        return [=](const std::vector<std::string>& tokens) {
            std::vector<std::string> out;
            for (auto t : tokens) {
                for (int k = 0; k < start && t.rfind(content, 0) == 0; ++k) t.erase(0, content.size());
                for (int k = 0; k < stop && t.size() >= content.size() &&
                                t.compare(t.size() - content.size(), content.size(), content) == 0;
                     ++k)
                    t.erase(t.size() - content.size());
                out.push_back(t);
            }
            return out;
        };
    }
    if (type == "Replace") {
        const std::string regex = pattern_regex(j.at("pattern"), where);
        const std::string content = j.at("content").get<std::string>();
        return [regex, content](const std::vector<std::string>& tokens) {
            std::vector<std::string> out;
            for (const auto& t : tokens) out.push_back(replace_all(t, regex, content));
            return out;
        };
    }
    throw Error(where + ": decoder type '" + type + "' is not supported");
}

PostProcessor make_post_processor(const json& j, const std::string& where) {
    PostProcessor p;
    if (j.is_null()) return p;
    const std::string type = type_of(j, where);
    auto special = [&](const std::string& token, int64_t id) {
        p.specials[token] = {{id}, {token}};
        PostToken t;
        t.special = true;
        t.special_token = token;
        return t;
    };
    auto seq = [](int s, int64_t type_id) {
        PostToken t;
        t.sequence = s;
        t.type_id = type_id;
        return t;
    };
    if (type == "ByteLevel") return p;
    if (type == "Sequence") {
        for (const auto& part : j.at("processors")) {
            PostProcessor q = make_post_processor(part, where);
            if (!q.empty()) p = q;
        }
        return p;
    }
    if (type == "TemplateProcessing") {
        auto parse = [&](const json& items) {
            std::vector<PostToken> out;
            for (const auto& item : items) {
                PostToken t;
                if (item.contains("SpecialToken")) {
                    t.special = true;
                    t.special_token = item["SpecialToken"].at("id").get<std::string>();
                    t.type_id = item["SpecialToken"].value("type_id", 0);
                } else if (item.contains("Sequence")) {
                    t.sequence = item["Sequence"].at("id").get<std::string>() == "B" ? 1 : 0;
                    t.type_id = item["Sequence"].value("type_id", 0);
                } else {
                    throw Error(where + ": TemplateProcessing item is neither SpecialToken nor Sequence");
                }
                out.push_back(t);
            }
            return out;
        };
        p.single = parse(j.at("single"));
        p.pair = parse(j.at("pair"));
        for (const auto& [name, s] : j.at("special_tokens").items())
            p.specials[name] = {s.at("ids").get<std::vector<int64_t>>(), s.at("tokens").get<std::vector<std::string>>()};
        return p;
    }
    if (type == "BertProcessing" || type == "RobertaProcessing") {
        const auto cls = j.at("cls"), sep = j.at("sep");
        const std::string c = cls[0].get<std::string>(), s = sep[0].get<std::string>();
        const int64_t ci = cls[1].get<int64_t>(), si = sep[1].get<int64_t>();
        p.single = {special(c, ci), seq(0, 0), special(s, si)};
        if (type == "BertProcessing") {
            PostToken last = special(s, si);
            last.type_id = 1;
            p.pair = {special(c, ci), seq(0, 0), special(s, si), seq(1, 1), last};
        } else {
            p.pair = {special(c, ci), seq(0, 0), special(s, si), special(s, si), seq(1, 0), special(s, si)};
        }
        return p;
    }
    throw Error(where + ": post-processor type '" + type + "' is not supported");
}

} // namespace peft
