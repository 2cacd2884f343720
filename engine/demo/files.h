// SPDX-License-Identifier: MIT
// Writing the demo's files with errors a user can act on (which file, and why it may have failed).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace peft::demo {

/// Writes `content` to `path` (replacing it). Throws peft::Error naming the file when it cannot be
/// written completely, e.g. on a full disk or a read-only folder.
void write_text_file(const std::string& path, const std::string& content);

/// Pretty-printed JSON with a final newline, as Hugging Face writes its JSON files.
void write_json_file(const std::string& path, const nlohmann::json& j);

/// Creates `dir` and its parents; throws peft::Error naming it when that fails.
void create_folder(const std::string& dir);

} // namespace peft::demo
