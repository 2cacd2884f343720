// SPDX-License-Identifier: MIT
// Suggests what a dataset file is and how its columns map, for the Data page. A suggestion only:
// the run configuration keeps the mapping the user confirmed.
#pragma once

#include "data/column_mapping.h"

#include <string>
#include <vector>

namespace peft::data {

struct DetectedFormat {
    DataFormat format = DataFormat::Text;
    ColumnMapping mapping;
    std::string file_kind;            ///< "csv", "tsv", "json", "jsonl", "text"
    bool has_header = false;          ///< delimited files
    std::vector<std::string> columns; ///< column names or JSON keys of the first records
    std::size_t sampled_rows = 0;
    std::string reason;               ///< one line explaining the guess, for a tooltip
};

/// Looks at the first `sample_rows` records only (streamed; the file is not read whole, except a
/// JSON array). Throws peft::Error when the file cannot be read.
DetectedFormat detect_format(const std::string& path, std::size_t sample_rows = 200);

} // namespace peft::data
