// SPDX-License-Identifier: MIT
// README.md of the demo model folder: what it is, how it was made, what it is for.
#pragma once

#include "demo/demo.h"

#include <string>

namespace peft::demo {

std::string model_card(const DemoOptions& options, const DemoResult& built, int64_t vocab_size,
                       int64_t parameters);

} // namespace peft::demo
