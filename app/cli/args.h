// SPDX-License-Identifier: MIT
// A small command-line argument reader for the headless CLI (no Qt: the CLI also builds on
// machines without it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace peft::cli {

class Args {
public:
    /// `flags` are options without a value (e.g. "--json"); every other "--name" takes one value.
    Args(const std::vector<std::string>& argv, const std::vector<std::string>& flags);

    const std::vector<std::string>& positional() const { return positional_; }
    std::string positional_at(size_t index, const std::string& what) const;
    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string value_or(const std::string& name, const std::string& fallback) const;
    long long integer_or(const std::string& name, long long fallback) const;
    double number_or(const std::string& name, double fallback) const;
    std::vector<std::string> values(const std::string& name) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> flags_set_;
};

} // namespace peft::cli
