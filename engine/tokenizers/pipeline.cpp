// SPDX-License-Identifier: MIT
// Helpers shared by the tokenizer.json stages, and GPT-2's byte <-> character table.
#include "tokenizers/pipeline.h"
#include "tokenizers/pipeline_detail.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

#include <algorithm>

namespace peft {
namespace detail {

using json = nlohmann::json;

std::string type_of(const json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
        throw Error(where + ": expected an object with a 'type'");
    return j["type"].get<std::string>();
}

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
    // As tokenizers: a delimiter joins its neighbour only when that neighbour is not itself a
    // delimiter, so "a-b--c" gives a- b- - c (previous) and a -b - -c (next).
    case SplitBehavior::MergedWithPrevious: {
        bool previous_match = false;
        for (auto& [t, m] : parts) {
            if (m && !previous_match && !out.empty()) out.back() += t;
            else out.push_back(t);
            previous_match = m;
        }
        break;
    }
    case SplitBehavior::MergedWithNext: {
        bool next_match = false;
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
            if (it->second && !next_match && !out.empty()) out.back() = it->first + out.back();
            else out.push_back(it->first);
            next_match = it->second;
        }
        std::reverse(out.begin(), out.end());
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

std::string metaspace_replacement(const json& j) { return j.value("replacement", std::string("\xE2\x96\x81")); }

std::string metaspace_scheme(const json& j) {
    if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) return j["prepend_scheme"].get<std::string>();
    return j.value("add_prefix_space", true) ? "always" : "never";
}

} // namespace detail

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

} // namespace peft
