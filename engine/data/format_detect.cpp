// SPDX-License-Identifier: MIT
#include "data/format_detect.h"

#include "data/json_reader.h"
#include "data/record_index.h"
#include "data/text_util.h"

#include <filesystem>
#include <set>

namespace peft::data {

namespace {

// Label columns have few distinct values; more than this in the sample means it is something else.
constexpr std::size_t kMaxLabelValues = 20;
// Text columns hold sentences: on average at least this many characters.
constexpr double kMinTextLength = 12.0;

const std::set<std::string> kLabelNames{"label", "labels", "class", "category", "target", "gold_label",
                                         "quality", "sentiment", "y"};

struct ColumnProfile {
    std::size_t distinct = 0;
    bool integer = true;
    double mean_length = 0.0;
    bool has_spaces = false;
};

std::vector<ColumnProfile> profile(const std::vector<std::vector<std::string>>& rows, std::size_t columns) {
    std::vector<ColumnProfile> out(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        std::set<std::string> values;
        double total = 0;
        for (const auto& row : rows) {
            const auto& v = row[c];
            values.insert(v);
            total += static_cast<double>(v.size());
            out[c].integer = out[c].integer && parse_integer(v).has_value();
            out[c].has_spaces = out[c].has_spaces || v.find(' ') != std::string::npos;
        }
        out[c].distinct = values.size();
        out[c].mean_length = rows.empty() ? 0 : total / static_cast<double>(rows.size());
    }
    return out;
}

ColumnRef ref_for(const std::vector<std::string>& columns, bool has_header, std::size_t c) {
    return has_header ? ColumnRef{columns[c], -1} : ColumnRef{"", static_cast<int>(c)};
}

void suggest_table(DetectedFormat& d, const std::vector<std::vector<std::string>>& rows) {
    const auto profiles = profile(rows, d.columns.size());
    int label = -1;
    // A column named like a label wins; else the low-cardinality column, integers preferred.
    for (std::size_t c = 0; c < d.columns.size() && label < 0; ++c)
        if (d.has_header && kLabelNames.count(lower(d.columns[c])))
            label = static_cast<int>(c);
    for (int pass = 0; pass < 2 && label < 0; ++pass)
        for (std::size_t c = 0; c < d.columns.size() && label < 0; ++c) {
            const auto& p = profiles[c];
            if (p.distinct >= 2 && p.distinct <= kMaxLabelValues && p.distinct < rows.size() && !p.has_spaces &&
                (pass == 1 || p.integer))
                label = static_cast<int>(c);
        }
    std::vector<std::size_t> texts;
    for (std::size_t c = 0; c < d.columns.size(); ++c)
        if (static_cast<int>(c) != label && !profiles[c].integer && profiles[c].has_spaces &&
            profiles[c].mean_length >= kMinTextLength)
            texts.push_back(c);
    if (texts.empty()) {
        d.format = DataFormat::Text;
        d.reason = "no column looks like sentences";
        return;
    }
    d.mapping.text = ref_for(d.columns, d.has_header, texts[0]);
    if (label < 0) {
        d.format = DataFormat::Text;
        d.reason = "a text column and no label column";
        return;
    }
    d.mapping.label = ref_for(d.columns, d.has_header, static_cast<std::size_t>(label));
    if (texts.size() >= 2) {
        d.format = DataFormat::PairClassification;
        d.mapping.text_pair = ref_for(d.columns, d.has_header, texts[1]);
        d.reason = "two text columns and a label column with " + std::to_string(profiles[label].distinct) + " values";
    } else {
        d.format = DataFormat::Classification;
        d.reason = "a text column and a label column with " + std::to_string(profiles[label].distinct) + " values";
    }
}

void suggest_records(DetectedFormat& d, const std::vector<nlohmann::json>& records) {
    std::set<std::string> keys;
    for (const auto& r : records)
        if (r.is_object())
            for (const auto& [k, v] : r.items())
                keys.insert(k);
    for (const auto& r : records)
        if (r.is_object())
            for (const auto& [k, v] : r.items())
                if (std::find(d.columns.begin(), d.columns.end(), k) == d.columns.end())
                    d.columns.push_back(k);
    const auto has = [&](const char* k) { return keys.count(k) > 0; };
    if (has("conversations")) {
        d.format = DataFormat::ShareGpt;
        d.mapping.conversations = {"conversations", -1};
        if (has("system"))
            d.mapping.system = {"system", -1};
        d.reason = "records have a 'conversations' list";
    } else if (has("messages")) {
        d.format = DataFormat::Messages;
        d.mapping.messages = {"messages", -1};
        d.reason = "records have a 'messages' list";
    } else if (has("instruction") && has("output")) {
        d.format = DataFormat::Alpaca;
        d.mapping.instruction = {"instruction", -1};
        d.mapping.output = {"output", -1};
        if (has("input"))
            d.mapping.input = {"input", -1};
        if (has("system"))
            d.mapping.system = {"system", -1};
        d.reason = "records have 'instruction' and 'output'";
    } else {
        // Flatten to a table of strings and reuse the column heuristics.
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : records) {
            std::vector<std::string> row;
            for (const auto& c : d.columns) {
                const auto it = r.find(c);
                row.push_back(it == r.end() || it->is_null() ? "" : it->is_string() ? it->get<std::string>() : it->dump());
            }
            rows.push_back(std::move(row));
        }
        d.has_header = true;
        suggest_table(d, rows);
        d.has_header = false;
    }
}

} // namespace

DetectedFormat detect_format(const std::string& path, std::size_t sample_rows) {
    DetectedFormat d;
    const auto ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".txt" || ext == ".md" || ext == ".text") {
        d.file_kind = "text";
        d.format = DataFormat::Text;
        d.reason = "a plain text file";
        return d;
    }
    if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") {
        std::vector<nlohmann::json> records;
        if (is_json_lines_file(path)) {
            const auto index = build_record_index(path, {}, sample_rows);
            d.file_kind = "jsonl";
            for (auto& r : read_jsonl_range(index, 0, sample_rows))
                records.push_back(std::move(r.value));
        } else {
            d.file_kind = "json";
            auto set = read_json_records(path, RowErrorPolicy::Skip);
            for (std::size_t i = 0; i < set.records.size() && i < sample_rows; ++i)
                records.push_back(std::move(set.records[i].value));
        }
        d.sampled_rows = records.size();
        suggest_records(d, records);
        return d;
    }
    const auto index = build_record_index(path, {}, sample_rows);
    d.file_kind = index.options.separator == '\t' ? "tsv" : "csv";
    d.has_header = index.has_header;
    d.columns = index.columns;
    std::vector<std::vector<std::string>> rows;
    for (auto& r : read_delimited_range(index, 0, sample_rows))
        if (r.error.empty())
            rows.push_back(std::move(r.fields));
    d.sampled_rows = rows.size();
    suggest_table(d, rows);
    return d;
}

} // namespace peft::data
