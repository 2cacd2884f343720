// SPDX-License-Identifier: MIT
#include "core/blas_kernels.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace peft {
namespace {

using CoreNameFn = char* (*)();

CoreNameFn openblas_core_name_fn() {
    return reinterpret_cast<CoreNameFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
}

/// OpenBLAS cores without AVX2: what it falls back to for unknown CPUs, and older generations.
bool is_pre_avx2_core(std::string core) {
    std::transform(core.begin(), core.end(), core.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char* const generic[] = {"prescott", "core2", "penryn", "dunnington", "nehalem", "atom",
                                          "katmai", "coppermine", "northwood", "banias", "sandybridge",
                                          "barcelona", "opteron", "athlon", "bobcat", "unknown"};
    for (const char* g : generic)
        if (core == g) return true;
    return false;
}

const char* best_core_for_this_cpu() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
#endif
    return nullptr;
}

} // namespace

const char* blas_kernel_name() {
    CoreNameFn fn = openblas_core_name_fn();
    return fn ? fn() : "";
}

void select_native_blas_kernels(char** argv) {
    if (std::getenv("OPENBLAS_CORETYPE") || std::getenv("PEFT_KEEP_BLAS_KERNELS")) return;
    CoreNameFn fn = openblas_core_name_fn();
    if (!fn || !is_pre_avx2_core(fn())) return;
    const char* better = best_core_for_this_cpu();
    if (!better) return;
    setenv("OPENBLAS_CORETYPE", better, 1); // also stops a second round: the check above returns
    execv("/proc/self/exe", argv);
    // execv failed (no /proc?): carry on with the kernels OpenBLAS chose.
}

} // namespace peft
