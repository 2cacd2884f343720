// SPDX-License-Identifier: MIT
// A dataset file as rows of named string columns (CSV/TSV) or JSON records. Plain types only.
#pragma once

#include "data/row_errors.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace peft::data {

/// A delimited file read into memory. Without a header row, columns are named "0", "1", ...
/// (the column mapping can also refer to any column by index).
struct Table {
    std::string file;
    std::vector<std::string> columns;
    bool has_header = false;
    std::vector<std::vector<std::string>> rows; ///< every row has columns.size() fields
    std::vector<std::size_t> lines;              ///< 1-based line where each row starts
    RowErrors errors;                            ///< malformed rows that were skipped

    std::size_t size() const { return rows.size(); }
    /// Index of a column by name; -1 when absent.
    int column_index(const std::string& name) const;
};

/// One JSON record (an object for alpaca/sharegpt/messages/text) with where it came from.
struct Record {
    nlohmann::json value;
    std::size_t line = 0;   ///< 1-based line (JSONL: its line; JSON array: where the record starts)
    std::size_t number = 0; ///< 1-based record number, used in messages ("record 12")
};

/// JSON or JSONL records read into memory.
struct RecordSet {
    std::string file;
    std::vector<Record> records;
    RowErrors errors;

    std::size_t size() const { return records.size(); }
};

} // namespace peft::data
