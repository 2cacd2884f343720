// SPDX-License-Identifier: MIT
// Decoders of tokenizer.json (ByteLevel, Metaspace, WordPiece, ByteFallback, Fuse, Strip, Replace).
#include "tokenizers/pipeline.h"
#include "tokenizers/pipeline_detail.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

namespace peft {

using json = nlohmann::json;
using namespace detail;

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

} // namespace peft
