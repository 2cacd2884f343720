// SPDX-License-Identifier: MIT
// Which column of a dataset plays which part: explicit in the run configuration (detection only
// suggests one). Plain types only: the Data page edits it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace peft::data {

/// What a dataset is used for, and in which shape its records come.
enum class DataFormat {
    Classification,     ///< text + label
    PairClassification, ///< text + text_pair + label
    Text,               ///< plain text for causal LM (a .txt file or a text column)
    Alpaca,             ///< {instruction, input, output}
    ShareGpt,           ///< {conversations: [{from, value}]}
    Messages,           ///< {messages: [{role, content}]}
};

const char* to_string(DataFormat format);
/// Parses "classification", "pair_classification", "text", "alpaca", "sharegpt", "messages".
DataFormat data_format_from_string(const std::string& name);

/// A column by name, or by 0-based index (files without a header; JSON: an integer).
struct ColumnRef {
    std::string name;
    int index = -1;

    bool empty() const { return name.empty() && index < 0; }
    std::string describe() const; ///< "'label'" or "column 1"
    bool operator==(const ColumnRef&) const = default;
};

struct ColumnMapping {
    ColumnRef text, text_pair, label;        ///< classification; `text` also for causal LM
    ColumnRef instruction, input, output;    ///< alpaca (defaults: the alpaca names)
    ColumnRef system;                        ///< optional system prompt column
    ColumnRef conversations, messages;       ///< sharegpt / messages list (defaults: those names)

    bool operator==(const ColumnMapping&) const = default;
    /// Only the fields that are set: {"text": "sentence", "label": 1}.
    nlohmann::json to_json() const;
    /// Throws peft::Error naming an unknown key or a value that is neither a string nor an index.
    static ColumnMapping from_json(const nlohmann::json& j);
};

} // namespace peft::data
