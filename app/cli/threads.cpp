// SPDX-License-Identifier: MIT
#include "commands.h"

#include <torch/torch.h>

#include <cstdlib>
#include <thread>

namespace peft::cli {

void configure_threads(long long requested) {
    long long n = requested;
    if (n <= 0) {
        if (const char* env = std::getenv("PEFT_THREADS"); env && *env) n = std::atoll(env);
    }
    if (n <= 0) n = std::max(1u, std::thread::hardware_concurrency());
    torch::set_num_threads(static_cast<int>(n));
}

} // namespace peft::cli
