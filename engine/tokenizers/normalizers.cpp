// SPDX-License-Identifier: MIT
// Normalizers of tokenizer.json (NFC..., Lowercase, StripAccents, BertNormalizer, Replace, Prepend, Strip).
#include "tokenizers/pipeline.h"
#include "tokenizers/pipeline_detail.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

namespace peft {

using json = nlohmann::json;
using namespace detail;

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
                const bool pad = chinese && text::is_cjk(c); // BERT isolates CJK ideographs as words
                if (pad) out += ' ';
                out += text::to_utf8(c);
                if (pad) out += ' ';
            }
            if (strip) out = text::strip_marks(text::normalize(out, "NFD"));
            if (lower) out = text::lowercase(out);
            return out;
        };
    }
    throw Error(where + ": normalizer type '" + type + "' is not supported");
}

} // namespace peft
