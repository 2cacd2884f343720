// SPDX-License-Identifier: MIT
// Small string helpers shared by the readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace peft::data {

std::string trim(std::string_view s);
std::string lower(std::string_view s);
/// A decimal number as a whole ("1", "-0.5", "3e2"), ignoring surrounding spaces.
bool is_number(std::string_view s);
/// An integer as a whole ("0", "-3"); nullopt otherwise.
std::optional<long long> parse_integer(std::string_view s);

} // namespace peft::data
