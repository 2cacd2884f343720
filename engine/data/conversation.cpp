// SPDX-License-Identifier: MIT
#include "data/conversation.h"

#include "data/text_util.h"

namespace peft::data {

namespace {

/// A string field of a record; a missing key or null is nullopt, numbers are written as text.
std::optional<std::string> string_field(const nlohmann::json& record, const std::string& key) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null())
        return std::nullopt;
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number() || it->is_boolean())
        return it->dump();
    return std::nullopt;
}

std::string key_or(const ColumnRef& ref, const char* fallback) {
    return ref.name.empty() ? fallback : ref.name;
}

} // namespace

std::optional<std::string> normalize_role(const std::string& role) {
    const auto r = lower(trim(role));
    if (r == "user" || r == "human")
        return "user";
    if (r == "assistant" || r == "gpt" || r == "bot" || r == "model")
        return "assistant";
    if (r == "system")
        return "system";
    return std::nullopt;
}

std::optional<Conversation> to_conversation(const nlohmann::json& record, DataFormat format,
                                            const ColumnMapping& mapping, std::string& problem) {
    Conversation conv;
    if (format == DataFormat::Alpaca) {
        const auto instruction_key = key_or(mapping.instruction, "instruction");
        const auto output_key = key_or(mapping.output, "output");
        const auto instruction = string_field(record, instruction_key);
        const auto output = string_field(record, output_key);
        if (!instruction) {
            problem = "has no '" + instruction_key + "'";
            return std::nullopt;
        }
        if (!output) {
            problem = "has no '" + output_key + "'";
            return std::nullopt;
        }
        if (!mapping.system.name.empty())
            if (const auto system = string_field(record, mapping.system.name); system && !system->empty())
                conv.messages.push_back({"system", *system, {}});
        const auto input = string_field(record, key_or(mapping.input, "input"));
        conv.messages.push_back({"user", *instruction, input.value_or("")});
        conv.messages.push_back({"assistant", *output, {}});
        return conv;
    }

    const bool sharegpt = format == DataFormat::ShareGpt;
    const auto list_key = sharegpt ? key_or(mapping.conversations, "conversations") : key_or(mapping.messages, "messages");
    const char* role_key = sharegpt ? "from" : "role";
    const char* content_key = sharegpt ? "value" : "content";
    const auto it = record.find(list_key);
    if (it == record.end() || !it->is_array()) {
        problem = "has no '" + list_key + "' list";
        return std::nullopt;
    }
    if (sharegpt && !mapping.system.name.empty())
        if (const auto system = string_field(record, mapping.system.name); system && !system->empty())
            conv.messages.push_back({"system", *system, {}});
    std::size_t turn = 0;
    for (const auto& m : *it) {
        ++turn;
        const auto role = m.is_object() ? string_field(m, role_key) : std::nullopt;
        const auto content = m.is_object() ? string_field(m, content_key) : std::nullopt;
        if (!role || !content) {
            problem = "turn " + std::to_string(turn) + " needs '" + role_key + "' and '" + content_key + "'";
            return std::nullopt;
        }
        const auto normalized = normalize_role(*role);
        if (!normalized) {
            problem = "turn " + std::to_string(turn) + " has an unknown role '" + *role + "'";
            return std::nullopt;
        }
        conv.messages.push_back({*normalized, *content, {}});
    }
    bool has_answer = false;
    for (const auto& m : conv.messages)
        has_answer = has_answer || m.role == "assistant";
    if (!has_answer) {
        problem = "has no assistant turn to learn from";
        return std::nullopt;
    }
    return conv;
}

} // namespace peft::data
