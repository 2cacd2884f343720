// SPDX-License-Identifier: MIT
#include "tokenizers/unicode_text.h"

#include "core/error.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>

namespace peft::text {

std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string to_utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::string to_utf8(const std::vector<char32_t>& cps) {
    std::string out;
    for (char32_t c : cps) out += to_utf8(c);
    return out;
}

std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (char32_t c : code_points(s)) out.push_back(to_utf8(c));
    return out;
}

std::string normalize(const std::string& s, const std::string& form) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = nullptr;
    if (form == "NFC") n = icu::Normalizer2::getNFCInstance(status);
    else if (form == "NFD") n = icu::Normalizer2::getNFDInstance(status);
    else if (form == "NFKC") n = icu::Normalizer2::getNFKCInstance(status);
    else if (form == "NFKD") n = icu::Normalizer2::getNFKDInstance(status);
    else throw Error("unknown Unicode normalization form '" + form + "'");
    if (U_FAILURE(status)) throw Error("ICU cannot provide " + form + " normalization");
    icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(s), status);
    if (U_FAILURE(status)) throw Error(form + " normalization failed");
    std::string r;
    out.toUTF8String(r);
    return r;
}

std::string lowercase(const std::string& s) {
    std::string out;
    for (char32_t c : code_points(s)) out += to_utf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    return out;
}

std::string strip_marks(const std::string& s) {
    std::string out;
    for (char32_t c : code_points(s))
        if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) out += to_utf8(c);
    return out;
}

bool is_whitespace(char32_t c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
    return u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

bool is_control(char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    const auto t = u_charType(static_cast<UChar32>(c));
    return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_PRIVATE_USE_CHAR || t == U_UNASSIGNED;
}

bool is_punctuation(char32_t c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
    const auto t = u_charType(static_cast<UChar32>(c));
    return t == U_DASH_PUNCTUATION || t == U_START_PUNCTUATION || t == U_END_PUNCTUATION ||
           t == U_CONNECTOR_PUNCTUATION || t == U_OTHER_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
           t == U_FINAL_PUNCTUATION;
}

bool is_cjk(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::vector<std::pair<size_t, size_t>> regex_matches(const std::string& pattern, const std::string& text) {
    // Compiled patterns are cached: tokenizers use a handful, on every word.
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<icu::RegexPattern>> cache;
    icu::RegexPattern* compiled = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto& slot = cache[pattern];
        if (!slot) {
            UErrorCode status = U_ZERO_ERROR;
            UParseError parse{};
            slot.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse, status));
            if (U_FAILURE(status)) {
                cache.erase(pattern);
                throw Error("tokenizer regex cannot be compiled: " + pattern + " (" + u_errorName(status) + ")");
            }
        }
        compiled = slot.get();
    }
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(compiled->matcher(input, status));
    // UTF-16 index -> UTF-8 byte offset.
    std::vector<size_t> byte_at(static_cast<size_t>(input.length()) + 1, 0);
    size_t bytes = 0;
    for (int32_t i = 0; i < input.length();) {
        const UChar32 c = input.char32At(i);
        const int32_t units = U16_LENGTH(c);
        for (int32_t k = 0; k < units; ++k) byte_at[static_cast<size_t>(i + k)] = bytes;
        bytes += to_utf8(static_cast<char32_t>(c)).size();
        i += units;
    }
    byte_at[static_cast<size_t>(input.length())] = bytes;
    std::vector<std::pair<size_t, size_t>> out;
    while (m->find(status) && U_SUCCESS(status)) {
        const int32_t b = m->start(status), e = m->end(status);
        if (e > b) out.emplace_back(byte_at[static_cast<size_t>(b)], byte_at[static_cast<size_t>(e)]);
    }
    return out;
}

} // namespace peft::text
