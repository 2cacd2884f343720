// SPDX-License-Identifier: MIT
// The matrix product every linear layer of the engine goes through (model sites, LM head, LoRA),
// so bfloat16 runs at the speed the CPU allows.
//
// Without bfloat16 instructions (no AVX512-BF16 / AMX) oneDNN emulates bf16 GEMMs, 3–5× slower
// than OpenBLAS's float32 GEMM on the same operands (docs/benchmarks.md). There, bf16 operands
// (bf16 tensors, or autocast's bf16 copies) are widened to float32 — exactly, every bf16 value is
// a float — multiplied with float32 accumulation, as a native bf16 GEMM accumulates, and the result
// is rounded to bf16 once. Backward does the same; only the bf16 operands are kept for it, so
// memory stays that of bf16. Elsewhere (CUDA, float32, CPUs with bf16) it is plain linear().
#pragma once

#include <torch/torch.h>

namespace peft {

/// y = x Wᵀ + b (b may be undefined), with the bf16 rule above.
torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias = {});

} // namespace peft
