// SPDX-License-Identifier: MIT
#include "data/text_util.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace peft::data {

std::string trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b]))
        ++b;
    while (e > b && is_space(s[e - 1]))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_number(std::string_view s) {
    const auto t = trim(s);
    if (t.empty())
        return false;
    // strtod accepts "inf"/"nan"/hex, which are not what a label or id column holds.
    for (const char c : t)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
            return false;
    char* end = nullptr;
    std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size();
}

std::optional<long long> parse_integer(std::string_view s) {
    const auto t = trim(s);
    long long value = 0;
    const char* begin = t.data();
    if (!t.empty() && t[0] == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
        return std::nullopt;
    return value;
}

} // namespace peft::data
