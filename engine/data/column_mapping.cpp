// SPDX-License-Identifier: MIT
#include "data/column_mapping.h"

#include "core/error.h"

#include <array>
#include <utility>

namespace peft::data {

namespace {

constexpr std::array<std::pair<DataFormat, const char*>, 6> kFormatNames{{
    {DataFormat::Classification, "classification"},
    {DataFormat::PairClassification, "pair_classification"},
    {DataFormat::Text, "text"},
    {DataFormat::Alpaca, "alpaca"},
    {DataFormat::ShareGpt, "sharegpt"},
    {DataFormat::Messages, "messages"},
}};

template <typename Mapping, typename F>
void for_each_field(Mapping& m, F&& f) {
    f("text", m.text);
    f("text_pair", m.text_pair);
    f("label", m.label);
    f("instruction", m.instruction);
    f("input", m.input);
    f("output", m.output);
    f("system", m.system);
    f("conversations", m.conversations);
    f("messages", m.messages);
}

} // namespace

const char* to_string(DataFormat format) {
    for (const auto& [f, name] : kFormatNames)
        if (f == format)
            return name;
    return "?";
}

DataFormat data_format_from_string(const std::string& name) {
    for (const auto& [f, n] : kFormatNames)
        if (name == n)
            return f;
    throw Error("data format '" + name +
                "' is unknown (use classification, pair_classification, text, alpaca, sharegpt or messages)");
}

std::string ColumnRef::describe() const {
    if (!name.empty())
        return "'" + name + "'";
    return "column " + std::to_string(index);
}

nlohmann::json ColumnMapping::to_json() const {
    nlohmann::json j = nlohmann::json::object();
    for_each_field(*this, [&](const char* key, const ColumnRef& ref) {
        if (!ref.name.empty())
            j[key] = ref.name;
        else if (ref.index >= 0)
            j[key] = ref.index;
    });
    return j;
}

ColumnMapping ColumnMapping::from_json(const nlohmann::json& j) {
    if (!j.is_object())
        throw Error("column mapping: expected an object like {\"text\": \"sentence\", \"label\": \"label\"}");
    ColumnMapping m;
    for (const auto& [key, value] : j.items()) {
        bool known = false;
        for_each_field(m, [&](const char* name, ColumnRef& ref) {
            if (key != name)
                return;
            known = true;
            if (value.is_string())
                ref.name = value.get<std::string>();
            else if (value.is_number_integer() && value.get<int>() >= 0)
                ref.index = value.get<int>();
            else
                throw Error("column mapping: '" + key + "' must be a column name or a 0-based column index");
        });
        if (!known)
            throw Error("column mapping: unknown key '" + key +
                        "' (known: text, text_pair, label, instruction, input, output, system, conversations, messages)");
    }
    return m;
}

} // namespace peft::data
