// SPDX-License-Identifier: MIT
// Makes OpenBLAS use the matrix kernels this CPU supports. No LibTorch: every program's main()
// calls it first, Qt ones included.
#pragma once

namespace peft {

/// OpenBLAS picks its kernels from the CPU model at load time and falls back to its generic
/// "Prescott" (SSE3) kernels on CPUs it does not know, such as the anonymous "Intel Xeon
/// Processor" of many cloud VMs, even when AVX-512 is there: matrix products then run ~3.7x
/// slower (docs/benchmarks.md). OpenBLAS only reads OPENBLAS_CORETYPE while loading, so when it
/// chose generic kernels on a CPU with AVX2 or AVX-512, this sets the variable and re-executes the
/// program (argv unchanged). It does nothing when OPENBLAS_CORETYPE or PEFT_KEEP_BLAS_KERNELS is
/// set, when the BLAS is not OpenBLAS, or when the kernels are already fine; it returns normally
/// when re-executing fails.
void select_native_blas_kernels(char** argv);

/// The kernel set OpenBLAS is using ("SkylakeX", "Haswell", "Prescott", ...), or "" when the
/// BLAS is not OpenBLAS.
const char* blas_kernel_name();

} // namespace peft
