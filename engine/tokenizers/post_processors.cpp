// SPDX-License-Identifier: MIT
// Post-processors of tokenizer.json (TemplateProcessing, BertProcessing, RobertaProcessing).
#include "tokenizers/pipeline.h"
#include "tokenizers/pipeline_detail.h"

#include "core/error.h"
#include "tokenizers/unicode_text.h"

namespace peft {

using json = nlohmann::json;
using namespace detail;

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
