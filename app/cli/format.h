// SPDX-License-Identifier: MIT
// Number and text formatting for terminal output.
#pragma once

#include <cstdint>
#include <string>

namespace peft::cli {

std::string with_commas(int64_t n);       ///< 294912 -> "294,912"
std::string human_count(int64_t n);       ///< 124439808 -> "124.4M"
std::string human_bytes(uint64_t bytes);  ///< 1044992 -> "1.0 MiB"
std::string pad_right(const std::string& s, size_t width);
std::string pad_left(const std::string& s, size_t width);

} // namespace peft::cli
