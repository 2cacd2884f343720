// SPDX-License-Identifier: MIT
#include "data/delimited_reader.h"

#include "core/error.h"
#include "data/delimited_parser.h"
#include "data/text_util.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace peft::data {

namespace {

// Rows looked at to guess separator and header; enough to see a label column, cheap to parse.
constexpr std::size_t kSniffRows = 20;
// A header name longer than this is more likely a sentence than a column name.
constexpr std::size_t kMaxHeaderNameLength = 40;

} // namespace

int Table::column_index(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

std::size_t bom_length(std::string_view text) {
    return text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::string read_file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad())
        throw Error(path + ": read error");
    return std::move(out).str();
}

DelimitedOptions resolve_delimited_options(const std::string& path, std::string_view head, DelimitedOptions options) {
    if (options.separator == 0) {
        const auto ext = lower(std::filesystem::path(path).extension().string());
        if (ext == ".tsv" || ext == ".tab") {
            options.separator = '\t';
        } else if (ext == ".csv") {
            options.separator = ',';
        } else {
            const auto first_line = head.substr(0, head.find('\n'));
            const auto tabs = std::count(first_line.begin(), first_line.end(), '\t');
            const auto commas = std::count(first_line.begin(), first_line.end(), ',');
            options.separator = tabs >= commas && tabs > 0 ? '\t' : ',';
        }
    }
    if (options.quoting == QuoteMode::Auto)
        options.quoting = options.separator == ',' ? QuoteMode::Rfc4180 : QuoteMode::Literal;
    return options;
}

bool looks_like_header(const std::vector<std::vector<std::string>>& sample) {
    if (sample.empty())
        return false;
    const auto& first = sample.front();
    std::set<std::string> distinct;
    bool all_short = true;
    for (const auto& field : first) {
        const auto name = trim(field);
        if (name.empty() || is_number(name))
            return false;
        distinct.insert(name);
        all_short = all_short && name.size() <= kMaxHeaderNameLength;
    }
    // A column numeric in all later rows but not in the first is the strongest sign (labels, ids).
    for (std::size_t c = 0; c < first.size() && sample.size() > 1; ++c) {
        bool numeric = true;
        for (std::size_t r = 1; r < sample.size() && numeric; ++r)
            numeric = c < sample[r].size() && is_number(trim(sample[r][c]));
        if (numeric)
            return true;
    }
    return all_short && distinct.size() == first.size();
}

Table parse_delimited(std::string_view text, const std::string& file, const DelimitedOptions& requested) {
    const std::size_t bom = bom_length(text);
    const auto options = resolve_delimited_options(file, text.substr(bom), requested);

    std::vector<ParsedRecord> records;
    DelimitedParser parser(options.separator, options.quoting == QuoteMode::Rfc4180,
                           [&](ParsedRecord&& r) { records.push_back(std::move(r)); }, bom, 1);
    parser.feed(text.substr(bom));
    parser.finish();

    Table table{file, {}, false, {}, {}, RowErrors(options.policy)};
    bool header = options.header == HeaderMode::Present;
    if (options.header == HeaderMode::Auto) {
        std::vector<std::vector<std::string>> sample;
        for (std::size_t i = 0; i < records.size() && sample.size() < kSniffRows; ++i)
            if (records[i].error.empty())
                sample.push_back(records[i].fields);
        header = !records.empty() && records.front().error.empty() && looks_like_header(sample);
    }
    // The first well-formed record fixes the column count (it is the header when there is one).
    std::size_t first_good = 0;
    while (first_good < records.size() && !records[first_good].error.empty())
        ++first_good;
    const std::size_t expected = first_good < records.size() ? records[first_good].fields.size() : 0;
    if (header && first_good < records.size()) {
        table.has_header = true;
        for (auto& name : records[first_good].fields)
            table.columns.push_back(trim(name));
    } else {
        header = false;
        for (std::size_t c = 0; c < expected; ++c)
            table.columns.push_back(std::to_string(c));
    }

    table.rows.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto& r = records[i];
        if (header && i == first_good)
            continue;
        if (!r.error.empty()) {
            table.errors.add(file, r.line, r.error);
            continue;
        }
        if (r.fields.size() != expected) {
            table.errors.add(file, r.line,
                             "expected " + std::to_string(expected) + " columns, found " + std::to_string(r.fields.size()));
            continue;
        }
        table.rows.push_back(std::move(r.fields));
        table.lines.push_back(r.line);
    }
    return table;
}

Table read_delimited(const std::string& path, const DelimitedOptions& options) {
    return parse_delimited(read_file_text(path), path, options);
}

} // namespace peft::data
