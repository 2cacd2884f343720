// SPDX-License-Identifier: MIT
// Validation of a safetensors header against the file it came from (internal to engine/io).
#pragma once

#include "io/safetensors.h"

#include <cstdint>
#include <string>

namespace peft {

/// Largest header the reference implementation accepts.
constexpr uint64_t kMaxSafetensorsHeader = 100'000'000;

/// Parses and validates the header of a safetensors file of `file_size` bytes whose first
/// `available` bytes are at `data` (the whole mapping, or just the prefix 8 + N for a
/// header-only read). Checks every rule of FORMATS.md; throws peft::Error naming `path` and the
/// tensor.
SafetensorsHeader parse_safetensors_header(const uint8_t* data, uint64_t file_size, const std::string& path,
                                           uint64_t available = UINT64_MAX);

/// Bits per element of a safetensors dtype name, or 0 when the name is unknown.
int safetensors_dtype_bits(const std::string& dtype);

} // namespace peft
