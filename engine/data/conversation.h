// SPDX-License-Identifier: MIT
// Instruction records (alpaca, sharegpt, messages) as one conversation type for the templates.
#pragma once

#include "data/column_mapping.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace peft::data {

struct Message {
    std::string role;    ///< "system", "user" or "assistant"
    std::string content;
    std::string input;   ///< alpaca's optional context for a user turn (the alpaca template shows it
                         ///< as "### Input:", other templates append it to the content)
};

struct Conversation {
    std::vector<Message> messages;
};

/// Converts one record of `format` (Alpaca, ShareGpt or Messages) using the mapping's column
/// names. Returns nullopt and sets `problem` ("has no 'output'", "turn 3 has an unknown role
/// 'narrator'") when the record cannot be used.
std::optional<Conversation> to_conversation(const nlohmann::json& record, DataFormat format,
                                            const ColumnMapping& mapping, std::string& problem);

/// "user"/"human" -> "user", "assistant"/"gpt"/"bot"/"model" -> "assistant", "system" -> "system".
std::optional<std::string> normalize_role(const std::string& role);

} // namespace peft::data
