// SPDX-License-Identifier: MIT
// Helpers shared by the tokenizer.json stages (internal to engine/tokenizers).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace peft::detail {

/// The "type" of a stage object; throws naming `where` when there is none.
std::string type_of(const nlohmann::json& j, const std::string& where);
/// Pattern of a Split/Replace as an ICU regex: {"String": s} (escaped literal) or {"Regex": r}.
std::string pattern_regex(const nlohmann::json& p, const std::string& where);
/// Replaces every match of `regex` in `s` with `content`.
std::string replace_all(const std::string& s, const std::string& regex, const std::string& content);

/// How a Split keeps the matches (tokenizers' SplitDelimiterBehavior).
enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };
SplitBehavior behavior_of(const std::string& name, const std::string& where);
/// Splits one piece at matches of `regex` according to `behavior`; `invert` splits at the non-matches.
std::vector<std::string> split_piece(const std::string& s, const std::string& regex, SplitBehavior behavior, bool invert);

/// Metaspace's replacement character (default ▁).
std::string metaspace_replacement(const nlohmann::json& j);
/// Metaspace's prepend_scheme: "always", "first" or "never" (older files: add_prefix_space).
std::string metaspace_scheme(const nlohmann::json& j);

} // namespace peft::detail
