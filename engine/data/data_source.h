// SPDX-License-Identifier: MIT
// A dataset file loaded for a task: rows of a CSV/TSV table or JSON records, addressed through
// ColumnRef, with the line of every row for messages.
#pragma once

#include "data/column_mapping.h"
#include "data/delimited_reader.h"
#include "data/table.h"

#include <optional>
#include <string>
#include <variant>

namespace peft::data {

struct LoadOptions {
    DelimitedOptions delimited;                   ///< CSV/TSV only
    RowErrorPolicy policy = RowErrorPolicy::Fail; ///< overrides delimited.policy
};

class DataSource {
public:
    /// Loads .csv/.tsv/.tab (table), .json/.jsonl/.ndjson (records); other extensions are read as
    /// delimited text with a sniffed separator. Throws peft::Error naming the file.
    static DataSource load(const std::string& path, const LoadOptions& options = {});
    explicit DataSource(Table table) : data_(std::move(table)) {}
    explicit DataSource(RecordSet records) : data_(std::move(records)) {}

    const std::string& file() const;
    std::size_t size() const;
    std::size_t line(std::size_t row) const;
    /// "train.tsv:17" or "alpaca.json:140 (record 12)", for messages.
    std::string where(std::size_t row) const;
    bool is_table() const { return std::holds_alternative<Table>(data_); }
    const Table* table() const { return std::get_if<Table>(&data_); }
    const RecordSet* records() const { return std::get_if<RecordSet>(&data_); }
    /// Rows skipped while reading (RowErrorPolicy::Skip).
    const RowErrors& read_errors() const;

    /// Throws peft::Error ("train.tsv: no column 'sentence' (columns: ...)") when a table lacks
    /// the column. JSON records are checked row by row (keys may be missing in some).
    void check_column(const ColumnRef& ref, const char* role) const;
    /// The value as text; nullopt when the row lacks it (JSON numbers are written as text).
    std::optional<std::string> field(std::size_t row, const ColumnRef& ref) const;
    /// The row as a JSON object (tables: column name -> string).
    nlohmann::json object(std::size_t row) const;

private:
    std::variant<Table, RecordSet> data_;
};

} // namespace peft::data
