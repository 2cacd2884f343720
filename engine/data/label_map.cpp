// SPDX-License-Identifier: MIT
#include "data/label_map.h"

#include "core/error.h"
#include "data/text_util.h"

#include <algorithm>
#include <set>

namespace peft::data {

namespace {
// Integer labels beyond this are ids of something else (an index column mapped by mistake).
constexpr long long kMaxIntegerLabel = 100000;
} // namespace

std::optional<int64_t> LabelMap::id_of(const std::string& value) const {
    if (integer) {
        const auto v = parse_integer(value);
        if (!v || *v < 0 || *v >= static_cast<long long>(names.size()))
            return std::nullopt;
        return *v;
    }
    const auto name = trim(value);
    const auto it = std::lower_bound(names.begin(), names.end(), name);
    if (it == names.end() || *it != name)
        return std::nullopt;
    return static_cast<int64_t>(it - names.begin());
}

std::string LabelMap::describe() const {
    std::string out = integer ? "integer labels 0.." + std::to_string(names.size() == 0 ? 0 : names.size() - 1)
                              : "known labels: ";
    if (!integer)
        for (std::size_t i = 0; i < names.size(); ++i)
            out += (i ? ", " : "") + names[i];
    return out;
}

LabelMap LabelMap::from_values(const std::vector<std::string>& values) {
    LabelMap map;
    bool all_integer = !values.empty();
    long long max_value = -1;
    for (const auto& v : values) {
        const auto i = parse_integer(v);
        if (!i || *i < 0 || *i > kMaxIntegerLabel) {
            all_integer = false;
            break;
        }
        max_value = std::max(max_value, *i);
    }
    if (all_integer) {
        map.integer = true;
        for (long long i = 0; i <= max_value; ++i)
            map.names.push_back(std::to_string(i));
        return map;
    }
    std::set<std::string> names;
    for (const auto& v : values)
        names.insert(trim(v));
    map.names.assign(names.begin(), names.end());
    return map;
}

nlohmann::json LabelMap::to_json() const {
    return {{"integer", integer}, {"names", names}};
}

LabelMap LabelMap::from_json(const nlohmann::json& j) {
    LabelMap map;
    try {
        map.integer = j.value("integer", false);
        map.names = j.at("names").get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("label map: expected {\"integer\": bool, \"names\": [string]} (") + e.what() + ")");
    }
    if (!map.integer && !std::is_sorted(map.names.begin(), map.names.end()))
        throw Error("label map: label names must be sorted");
    return map;
}

} // namespace peft::data
