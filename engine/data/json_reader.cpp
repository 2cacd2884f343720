// SPDX-License-Identifier: MIT
#include "data/json_reader.h"

#include "core/error.h"
#include "data/delimited_reader.h"
#include "data/text_util.h"

#include <filesystem>

namespace peft::data {

namespace {

/// Offsets where the elements of a top-level array start, found by a scan that follows strings
/// and nesting only (the values themselves are parsed by nlohmann).
std::vector<std::size_t> top_level_element_offsets(std::string_view text) {
    std::vector<std::size_t> starts;
    int depth = 0;
    bool in_string = false, escape = false, expect_value = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (depth == 1 && expect_value && c != ']') {
            starts.push_back(i);
            expect_value = false;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            ++depth;
            if (depth == 1)
                expect_value = true;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expect_value = true;
        }
    }
    return starts;
}

std::size_t line_at(std::string_view text, std::size_t offset, std::size_t& scanned, std::size_t& line) {
    for (; scanned < offset && scanned < text.size(); ++scanned)
        if (text[scanned] == '\n')
            ++line;
    return line;
}

void check_object(RecordSet& set, Record&& record) {
    if (!record.value.is_object()) {
        set.errors.add(set.file, record.line,
                       "record " + std::to_string(record.number) + " is not a JSON object (found " +
                           std::string(record.value.type_name()) + ")");
        return;
    }
    set.records.push_back(std::move(record));
}

} // namespace

std::string short_json_error(const std::exception& e) {
    std::string msg = e.what();
    if (msg.rfind("[json.exception", 0) == 0) {
        const auto close = msg.find("] ");
        if (close != std::string::npos)
            msg = msg.substr(close + 2);
    }
    return msg;
}

bool is_json_lines(const std::string& file, std::string_view text) {
    const auto ext = lower(std::filesystem::path(file).extension().string());
    if (ext == ".jsonl" || ext == ".ndjson")
        return true;
    const auto first = text.find_first_not_of(" \t\r\n", bom_length(text));
    if (first == std::string_view::npos || text[first] != '{')
        return false;
    // Some tools write JSON Lines under .json: a complete object on the first line followed by more.
    const auto eol = text.find('\n', first);
    if (eol == std::string_view::npos || text.find_first_not_of(" \t\r\n", eol) == std::string_view::npos)
        return false;
    return nlohmann::json::accept(text.substr(first, eol - first));
}

RecordSet parse_json_records(std::string_view text, const std::string& file, RowErrorPolicy policy) {
    RecordSet set{file, {}, RowErrors(policy)};
    text.remove_prefix(bom_length(text));
    if (is_json_lines(file, text)) {
        std::size_t line = 0, number = 0, pos = 0;
        while (pos < text.size()) {
            auto end = text.find('\n', pos);
            if (end == std::string_view::npos)
                end = text.size();
            ++line;
            const auto content = text.substr(pos, end - pos);
            pos = end + 1;
            if (trim(content).empty())
                continue;
            ++number;
            try {
                check_object(set, Record{nlohmann::json::parse(content), line, number});
            } catch (const nlohmann::json::parse_error& e) {
                set.errors.add(file, line, "not valid JSON (" + short_json_error(e) + ")");
            }
        }
        return set;
    }

    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t scanned = 0, line = 1;
        throw Error(file_label(file) + ":" + std::to_string(line_at(text, e.byte, scanned, line)) +
                    ": not valid JSON (" + short_json_error(e) + ")");
    }
    if (doc.is_object()) // a single record is accepted as a one-element array
        doc = nlohmann::json::array({std::move(doc)});
    if (!doc.is_array())
        throw Error(file_label(file) + ": expected an array of records, found a JSON " + doc.type_name());
    const auto starts = top_level_element_offsets(text);
    std::size_t scanned = 0, line = 1;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const std::size_t at = i < starts.size() ? line_at(text, starts[i], scanned, line) : 0;
        check_object(set, Record{std::move(doc[i]), at, i + 1});
    }
    return set;
}

RecordSet read_json_records(const std::string& path, RowErrorPolicy policy) {
    return parse_json_records(read_file_text(path), path, policy);
}

} // namespace peft::data
