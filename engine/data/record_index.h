// SPDX-License-Identifier: MIT
// Lazy reading for previews: an index of where each record of a CSV/TSV/JSONL file starts, built
// by streaming the file in chunks, so the Data page can show any row range of a large file
// without holding it in memory.
#pragma once

#include "data/delimited_parser.h"
#include "data/delimited_reader.h"
#include "data/table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace peft::data {

struct RecordIndex {
    std::string file;
    bool json_lines = false;      ///< JSONL; otherwise delimited
    DelimitedOptions options;     ///< resolved separator and quoting (delimited)
    bool has_header = false;      ///< delimited: the first record is the header
    std::vector<std::string> columns;
    std::vector<uint64_t> offsets; ///< start of each data record (header excluded)
    std::vector<std::size_t> lines;
    uint64_t end_offset = 0;       ///< where the last indexed record ends
    bool complete = true;          ///< false when indexing stopped at `max_records`

    std::size_t size() const { return offsets.size(); }
};

/// Indexes a CSV/TSV or JSON Lines file, reading it in chunks (a JSON array throws peft::Error). Stops after
/// `max_records` data records (then `complete` is false): enough for a first preview.
RecordIndex build_record_index(const std::string& path, const DelimitedOptions& options = {},
                               std::size_t max_records = SIZE_MAX);

/// Whether a .json/.jsonl file is JSON Lines (looks at its first 64 KiB).
bool is_json_lines_file(const std::string& path);

/// Delimited rows [first, first + count) of the index, reading only their bytes. Malformed rows
/// are returned with `error` set, not thrown.
std::vector<ParsedRecord> read_delimited_range(const RecordIndex& index, std::size_t first, std::size_t count);

/// JSONL records [first, first + count); a line that is not valid JSON gives a record whose
/// value is null and an entry in `errors` (never thrown).
std::vector<Record> read_jsonl_range(const RecordIndex& index, std::size_t first, std::size_t count,
                                     std::vector<RowError>* errors = nullptr);

} // namespace peft::data
