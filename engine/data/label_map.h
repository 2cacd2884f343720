// SPDX-License-Identifier: MIT
// Classification labels and their ids, kept with the run so evaluation and export agree.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace peft::data {

/// Deterministic: integer labels are their own ids (names "0", "1", ...); otherwise ids follow
/// the sorted label names. Independent of row order, so train and dev build the same map.
struct LabelMap {
    bool integer = false;            ///< labels are integers used as ids
    std::vector<std::string> names;  ///< names[id]

    std::size_t size() const { return names.size(); }
    /// The id of a label value as written in the data; nullopt when unknown.
    std::optional<int64_t> id_of(const std::string& value) const;
    /// "known labels: entailment, not_entailment" for messages.
    std::string describe() const;

    /// Builds the map from every label value seen (integers when all values are integers >= 0).
    static LabelMap from_values(const std::vector<std::string>& values);

    nlohmann::json to_json() const;
    static LabelMap from_json(const nlohmann::json& j);
};

} // namespace peft::data
