// SPDX-License-Identifier: MIT
#include "core/cpu_features.h"

#include <cstdlib>
#include <cstring>

namespace peft {

namespace {
bool detect_native_bf16() {
    if (const char* force = std::getenv("PEFT_BF16_MATMUL")) {
        if (std::strcmp(force, "native") == 0) return true;
        if (std::strcmp(force, "float") == 0) return false;
    }
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16");
#else
    return true; // Arm and others: LibTorch's own bfloat16 kernels
#endif
}
} // namespace

bool cpu_has_native_bf16() {
    static const bool native = detect_native_bf16();
    return native;
}

} // namespace peft
