// SPDX-License-Identifier: MIT
// Positions of tokens and rotary position embeddings (internal to engine/models).
//
// Shapes: B batch, T new tokens, D head dim.
#pragma once

#include <torch/torch.h>

#include <utility>

namespace peft {

/// RoPE tables for one forward pass; undefined for models with learned positions.
struct RopeTables {
    torch::Tensor cos, sin; ///< [B, T, D]
};

/// cos and sin tables [B, T, D] for positions [B, T], computed in float32 exactly as transformers
/// does (then cast to `dtype`), so float64 runs agree with it to rounding.
std::pair<torch::Tensor, torch::Tensor> rope_tables(const torch::Tensor& positions, int64_t head_dim, double theta,
                                                    torch::ScalarType dtype);
/// Applies rotate-half RoPE (Hugging Face layout) to x [B, heads, T, D] with tables [B, T, D].
torch::Tensor apply_rope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

/// Positions of new tokens [B, T]: from the padding mask when given (so left padding keeps real
/// tokens at 0, 1, ...), else consecutive; offset by `offset` (prefix length).
torch::Tensor positions_for(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens, int64_t past,
                            int64_t offset, torch::Device device);

} // namespace peft
