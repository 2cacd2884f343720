// SPDX-License-Identifier: MIT
#include "models/rope.h"

namespace peft {

std::pair<torch::Tensor, torch::Tensor> rope_tables(const torch::Tensor& positions, int64_t head_dim, double theta,
                                                    torch::ScalarType dtype) {
    auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(positions.device());
    torch::Tensor exponents = torch::arange(0, head_dim, 2, f32.dtype(torch::kLong)).to(torch::kFloat32) / static_cast<double>(head_dim);
    torch::Tensor inv_freq = 1.0 / torch::pow(theta, exponents);                          // [D/2]
    torch::Tensor freqs = positions.to(torch::kFloat32).unsqueeze(-1) * inv_freq;         // [B, T, D/2]
    torch::Tensor emb = torch::cat({freqs, freqs}, -1);                                   // [B, T, D]
    return {emb.cos().to(dtype), emb.sin().to(dtype)};
}

torch::Tensor apply_rope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    torch::Tensor x1 = x.narrow(-1, 0, half), x2 = x.narrow(-1, half, half);
    torch::Tensor rotated = torch::cat({-x2, x1}, -1);
    return x * cos.unsqueeze(1) + rotated * sin.unsqueeze(1);
}

torch::Tensor positions_for(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens, int64_t past,
                            int64_t offset, torch::Device device) {
    auto longs = torch::TensorOptions().dtype(torch::kLong).device(device);
    if (attention_mask.defined() && attention_mask.size(1) == past + new_tokens) {
        torch::Tensor m = attention_mask.to(device).to(torch::kLong);
        torch::Tensor pos = (m.cumsum(1) - 1).clamp_min(0);
        return pos.narrow(1, past, new_tokens) + offset;
    }
    if (attention_mask.defined() && past == 0 && attention_mask.size(1) == new_tokens) {
        torch::Tensor m = attention_mask.to(device).to(torch::kLong);
        return (m.cumsum(1) - 1).clamp_min(0) + offset;
    }
    return (torch::arange(past, past + new_tokens, longs) + offset).unsqueeze(0).expand({batch, new_tokens});
}

} // namespace peft
