// SPDX-License-Identifier: MIT
// CSV/TSV reading: separator by extension or sniffing, byte-order mark, header detection,
// RFC 4180 quoting for CSV, literal quotes for TSV (GLUE files are not RFC-quoted).
#pragma once

#include "data/table.h"

#include <string>
#include <string_view>
#include <vector>

namespace peft::data {

enum class HeaderMode { Auto, Present, Absent };
enum class QuoteMode {
    Auto,    ///< RFC 4180 for comma-separated files, literal for tab-separated ones
    Rfc4180, ///< a field starting with '"' is quoted
    Literal, ///< quotes are ordinary characters
};

struct DelimitedOptions {
    char separator = 0; ///< 0: by extension (.tsv/.tab: tab, .csv: comma), else sniffed
    HeaderMode header = HeaderMode::Auto;
    QuoteMode quoting = QuoteMode::Auto;
    RowErrorPolicy policy = RowErrorPolicy::Fail;
};

/// The options with separator and quoting made concrete for this file and its first bytes.
DelimitedOptions resolve_delimited_options(const std::string& path, std::string_view head, DelimitedOptions options);

/// Suggests whether the first record is a header: it is when no field is empty or numeric and
/// either some column is numeric in every later sampled row, or the fields are distinct short names.
bool looks_like_header(const std::vector<std::vector<std::string>>& sample);

/// Reads a whole delimited file. Rows whose column count differs from the header (or the first
/// row) are row errors "file:line: expected N columns, found M"; throws peft::Error under
/// RowErrorPolicy::Fail or when the file cannot be read.
Table read_delimited(const std::string& path, const DelimitedOptions& options = {});

/// Same, from text already in memory; `file` names it in messages.
Table parse_delimited(std::string_view text, const std::string& file, const DelimitedOptions& options = {});

/// Length of a UTF-8 byte-order mark at the start of `text` (0 or 3).
std::size_t bom_length(std::string_view text);

/// Reads a file into a string; throws peft::Error naming it when it cannot be read.
std::string read_file_text(const std::string& path);

} // namespace peft::data
