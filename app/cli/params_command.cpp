// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

namespace peft::cli {

int run_params(const std::vector<std::string>& argv) {
    throw Error("params: not available yet");
}

} // namespace peft::cli
