// SPDX-License-Identifier: MIT
#include "data/data_source.h"

#include "core/error.h"
#include "data/json_reader.h"
#include "data/text_util.h"

#include <filesystem>

namespace peft::data {

DataSource DataSource::load(const std::string& path, const LoadOptions& options) {
    if (!std::filesystem::exists(path))
        throw Error(path + ": no such file");
    const auto ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson")
        return DataSource(read_json_records(path, options.policy));
    auto delimited = options.delimited;
    delimited.policy = options.policy;
    return DataSource(read_delimited(path, delimited));
}

const std::string& DataSource::file() const {
    return std::visit([](const auto& d) -> const std::string& { return d.file; }, data_);
}

std::size_t DataSource::size() const {
    return std::visit([](const auto& d) { return d.size(); }, data_);
}

std::size_t DataSource::line(std::size_t row) const {
    if (const auto* t = table())
        return t->lines.at(row);
    return records()->records.at(row).line;
}

std::string DataSource::where(std::size_t row) const {
    std::string out = file_label(file());
    if (const auto l = line(row))
        out.append(":").append(std::to_string(l));
    if (const auto* r = records())
        out += " (record " + std::to_string(r->records.at(row).number) + ")";
    return out;
}

const RowErrors& DataSource::read_errors() const {
    return std::visit([](const auto& d) -> const RowErrors& { return d.errors; }, data_);
}

void DataSource::check_column(const ColumnRef& ref, const char* role) const {
    if (ref.empty())
        throw Error(file_label(file()) + ": the column mapping names no " + role + " column");
    const auto* t = table();
    if (!t) {
        // JSON objects have no column order we could honour (keys are kept sorted).
        if (ref.name.empty())
            throw Error(file_label(file()) + ": JSON records are mapped by key, not by column index (" + role + ")");
        return;
    }
    const bool ok = ref.name.empty() ? ref.index < static_cast<int>(t->columns.size()) : t->column_index(ref.name) >= 0;
    if (ok)
        return;
    std::string columns;
    for (std::size_t i = 0; i < t->columns.size(); ++i)
        columns += (i ? ", " : "") + (t->has_header ? "'" + t->columns[i] + "'" : t->columns[i]);
    throw Error(file_label(file()) + ": no " + ref.describe() + " for the " + role + " (the file has " +
                std::to_string(t->columns.size()) + " columns: " + columns + ")");
}

std::optional<std::string> DataSource::field(std::size_t row, const ColumnRef& ref) const {
    if (const auto* t = table()) {
        const int c = ref.name.empty() ? ref.index : t->column_index(ref.name);
        if (c < 0 || c >= static_cast<int>(t->columns.size()))
            return std::nullopt;
        return t->rows.at(row)[static_cast<std::size_t>(c)];
    }
    const auto& value = records()->records.at(row).value;
    const nlohmann::json* v = nullptr;
    if (!ref.name.empty()) {
        const auto it = value.find(ref.name);
        if (it != value.end())
            v = &*it;
    } else if (ref.index >= 0 && static_cast<std::size_t>(ref.index) < value.size()) {
        v = &*std::next(value.begin(), ref.index);
    }
    if (!v || v->is_null())
        return std::nullopt;
    return v->is_string() ? v->get<std::string>() : v->dump();
}

nlohmann::json DataSource::object(std::size_t row) const {
    if (const auto* t = table()) {
        nlohmann::json j = nlohmann::json::object();
        for (std::size_t c = 0; c < t->columns.size(); ++c)
            j[t->columns[c]] = t->rows.at(row)[c];
        return j;
    }
    return records()->records.at(row).value;
}

} // namespace peft::data
