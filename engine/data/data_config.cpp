// SPDX-License-Identifier: MIT
#include "data/data_config.h"

#include "core/error.h"

namespace peft::data {

namespace {

const char* header_name(HeaderMode h) {
    return h == HeaderMode::Present ? "present" : h == HeaderMode::Absent ? "absent" : "auto";
}

HeaderMode header_from(const std::string& s) {
    if (s == "auto")
        return HeaderMode::Auto;
    if (s == "present")
        return HeaderMode::Present;
    if (s == "absent")
        return HeaderMode::Absent;
    throw Error("data config: 'header' must be auto, present or absent, not '" + s + "'");
}

const char* split_name(TextSplit s) {
    return s == TextSplit::Lines ? "lines" : s == TextSplit::Paragraphs ? "paragraphs" : "whole_file";
}

TextSplit split_from(const std::string& s) {
    if (s == "whole_file")
        return TextSplit::WholeFile;
    if (s == "paragraphs")
        return TextSplit::Paragraphs;
    if (s == "lines")
        return TextSplit::Lines;
    throw Error("data config: 'text_split' must be whole_file, paragraphs or lines, not '" + s + "'");
}

std::string separator_name(char c) {
    return c == 0 ? "auto" : c == '\t' ? "tab" : std::string(1, c);
}

char separator_from(const std::string& s) {
    if (s == "auto" || s.empty())
        return 0;
    if (s == "tab" || s == "\t")
        return '\t';
    if (s.size() == 1)
        return s[0];
    throw Error("data config: 'separator' must be auto, tab or one character, not '" + s + "'");
}

} // namespace

nlohmann::json DataConfig::to_json() const {
    nlohmann::json j{{"train_file", train_file},
                     {"eval_file", eval_file},
                     {"format", to_string(format)},
                     {"columns", columns.to_json()},
                     {"header", header_name(header)},
                     {"separator", separator_name(separator)},
                     {"text_split", split_name(text_split)},
                     {"chat_template", chat_template},
                     {"max_length", max_length},
                     {"block_size", block_size},
                     {"shuffle", shuffle},
                     {"seed", seed},
                     {"row_errors", row_errors == RowErrorPolicy::Skip ? "skip" : "fail"}};
    if (labels)
        j["labels"] = labels->to_json();
    return j;
}

DataConfig DataConfig::from_json(const nlohmann::json& j) {
    if (!j.is_object())
        throw Error("data config: expected a JSON object");
    DataConfig c;
    const auto get = [&](const char* key, auto& into) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null())
            return;
        try {
            it->get_to(into);
        } catch (const nlohmann::json::exception&) {
            throw Error(std::string("data config: '") + key + "' has the wrong type (" + it->dump() + ")");
        }
    };
    std::string format = to_string(c.format), header = "auto", separator = "auto", split = "whole_file", policy = "fail";
    get("train_file", c.train_file);
    get("eval_file", c.eval_file);
    get("format", format);
    get("header", header);
    get("separator", separator);
    get("text_split", split);
    get("chat_template", c.chat_template);
    get("max_length", c.max_length);
    get("block_size", c.block_size);
    get("shuffle", c.shuffle);
    get("seed", c.seed);
    get("row_errors", policy);
    c.format = data_format_from_string(format);
    c.header = header_from(header);
    c.separator = separator_from(separator);
    c.text_split = split_from(split);
    if (policy != "fail" && policy != "skip")
        throw Error("data config: 'row_errors' must be fail or skip, not '" + policy + "'");
    c.row_errors = policy == "skip" ? RowErrorPolicy::Skip : RowErrorPolicy::Fail;
    if (j.contains("columns"))
        c.columns = ColumnMapping::from_json(j["columns"]);
    if (j.contains("labels") && !j["labels"].is_null())
        c.labels = LabelMap::from_json(j["labels"]);
    return c;
}

} // namespace peft::data
