// SPDX-License-Identifier: MIT
#include "data/row_errors.h"

#include "core/error.h"

#include <filesystem>

namespace peft::data {

std::string file_label(const std::string& path) {
    const auto name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

std::string RowError::to_string() const {
    std::string out = file_label(file);
    if (line > 0)
        out.append(":").append(std::to_string(line)); // not ":" + ...: GCC 12 false -Wstringop-overflow
    return out + ": " + message;
}

void RowErrors::add(const std::string& file, std::size_t line, const std::string& message) {
    RowError error{file, line, message};
    if (policy_ == RowErrorPolicy::Fail)
        throw Error(error.to_string());
    errors_.push_back(std::move(error));
}

} // namespace peft::data
