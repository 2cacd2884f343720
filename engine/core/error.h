// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace peft {

/// The one exception type the engine throws for bad input or impossible requests.
/// The message is written for a user: it names the file, tensor, field or line, says what is
/// wrong and, where there is one, what to do. Callers show it as is.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace peft
