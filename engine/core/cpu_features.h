// SPDX-License-Identifier: MIT
// What the processor can do, where the engine picks kernels by it. No LibTorch.
#pragma once

namespace peft {

/// True when this x86 CPU multiplies bfloat16 natively (AVX512-BF16, which every AMX CPU also
/// has). PEFT_BF16_MATMUL=native or =float overrides the answer (tests, benchmarks).
bool cpu_has_native_bf16();

} // namespace peft
