// SPDX-License-Identifier: MIT
// JSON (an array of objects) and JSON Lines reading, with the line of every record so that
// messages can say "data.jsonl:5: not valid JSON (...)" or "alpaca.json: record 12 has no 'output'".
#pragma once

#include "data/table.h"

#include <string>
#include <string_view>

namespace peft::data {

/// Reads a .json file holding an array of records (or one object), or a JSON Lines file (.jsonl,
/// .ndjson, or a .json whose first line is a complete object followed by more). Lines of a JSONL file that are not valid JSON,
/// and records that are not objects, are row errors under `policy`; an array file that is not
/// valid JSON as a whole throws peft::Error naming the line and column.
RecordSet read_json_records(const std::string& path, RowErrorPolicy policy = RowErrorPolicy::Fail);

/// Same, from text in memory; `file` names it in messages and picks the form by extension.
RecordSet parse_json_records(std::string_view text, const std::string& file, RowErrorPolicy policy = RowErrorPolicy::Fail);

/// Whether `file`/`text` is JSON Lines rather than one JSON document.
bool is_json_lines(const std::string& file, std::string_view text);

/// nlohmann's parse error text without its "[json.exception...]" prefix.
std::string short_json_error(const std::exception& e);

} // namespace peft::data
