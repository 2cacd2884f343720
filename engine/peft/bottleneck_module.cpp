// SPDX-License-Identifier: MIT
#include "peft/modules.h"

#include "models/linear_op.h"
#include "peft/report.h"

#include <cmath>

namespace peft {
namespace {

/// Fills an adapter's weights by its init scheme (biases are always zero).
void init_adapter(AdapterInit init, torch::Tensor& down, torch::Tensor& up, int64_t fan_in) {
    torch::NoGradGuard no_grad;
    switch (init) {
    case AdapterInit::Bert:
        down.normal_(0.0, 0.02);
        up.normal_(0.0, 0.02);
        break;
    case AdapterInit::Lora: {
        // Kaiming-uniform with a = √5, as nn.Linear and LoRA's A: U(-1/√fan_in, 1/√fan_in).
        const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
        down.uniform_(-bound, bound);
        up.zero_();
        break;
    }
    case AdapterInit::Houlsby: {
        // Houlsby et al.: zero-mean Gaussian, std 1e-2, truncated at two standard deviations.
        constexpr double kStd = 1e-2;
        down.normal_(0.0, kStd).clamp_(-2 * kStd, 2 * kStd);
        up.normal_(0.0, kStd).clamp_(-2 * kStd, 2 * kStd);
        break;
    }
    }
}

} // namespace

BottleneckModule::BottleneckModule(const ModuleSpec& spec, const Target& target, const ModelConfig& config)
    : parallel_(spec.insertion == Insertion::Parallel),
      per_head_(target.site->kind == SiteKind::HeadOutput),
      site_has_bias_(target.site->has_bias),
      linear_site_(target.site->kind == SiteKind::Linear),
      activation_(spec.activation),
      norm_kind_(spec.adapter_norm),
      dropout_(spec.dropout) {
    const SiteInfo& site = *target.site;
    const int64_t r = bottleneck_size(spec, config);
    const int64_t x_width = site.in_features;
    int64_t h_width = linear_site_ ? target.selected_width() : site.in_features;
    int64_t z_width = 0, norm_width = 0;
    if (per_head_) {
        const int64_t heads = config.num_heads, dh = site.out_features / config.num_heads;
        h_width = site.out_features;
        z_width = parallel_ ? x_width : dh;
        down_weight = register_parameter("down_weight", torch::empty({heads, z_width, r}));
        down_bias = register_parameter("down_bias", torch::zeros({heads, r}));
        up_weight = register_parameter("up_weight", torch::empty({heads, r, dh}));
        up_bias = register_parameter("up_bias", torch::zeros({heads, dh}));
        norm_width = norm_kind_ == AdapterNorm::In ? z_width : dh;
    } else {
        z_width = parallel_ ? x_width : h_width;
        // nn.Linear layout: [out, in].
        down_weight = register_parameter("down_weight", torch::empty({r, z_width}));
        down_bias = register_parameter("down_bias", torch::zeros({r}));
        up_weight = register_parameter("up_weight", torch::empty({h_width, r}));
        up_bias = register_parameter("up_bias", torch::zeros({h_width}));
        norm_width = norm_kind_ == AdapterNorm::In ? z_width : h_width;
    }
    init_adapter(spec.init, down_weight, up_weight, z_width);
    if (norm_kind_ != AdapterNorm::None)
        norm_ = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({norm_width})));
    composer_ = register_module("compose", Composer(spec.composition, spec.scale, x_width, h_width));
}

torch::Tensor BottleneckModule::delta(const torch::Tensor& z_in) {
    torch::Tensor z = z_in;
    if (norm_kind_ == AdapterNorm::In) z = norm_->forward(z);
    if (dropout_ > 0 && is_training()) z = torch::dropout(z, dropout_, true);
    torch::Tensor out;
    if (per_head_) {
        // Parallel: z = x [B,T,d] feeds every head; sequential: z = h [B,T,H,d_h], head by head.
        // Batched matmuls over heads: [.., H, 1, in] @ [H, in, out] -> [.., H, 1, out]. (einsum gave
        // garbage gradients here under LibTorch 1.13 when the input held expanded prompt tokens.)
        torch::Tensor rows = z.dim() == 3 ? z.unsqueeze(-2).unsqueeze(-2) : z.unsqueeze(-2);
        torch::Tensor mid = torch::matmul(rows, down_weight).squeeze(-2);
        mid = apply_activation(activation_, mid + down_bias);
        out = torch::matmul(mid.unsqueeze(-2), up_weight).squeeze(-2) + up_bias;
    } else {
        torch::Tensor mid = apply_activation(activation_, peft::linear(z, down_weight, down_bias));
        out = peft::linear(mid, up_weight, up_bias);
    }
    if (norm_kind_ == AdapterNorm::Out) out = norm_->forward(out);
    return out;
}

torch::Tensor BottleneckModule::transform_output(const torch::Tensor& x, const torch::Tensor& h) {
    if (merged_) return h;
    return h + composer_->forward(x, delta(parallel_ ? x : h));
}

bool BottleneckModule::can_merge() const {
    // Only a linear map of x added to a linear site's output folds into W and b.
    return linear_site_ && parallel_ && site_has_bias_ && activation_ == Activation::Identity &&
           norm_kind_ == AdapterNorm::None && composer_->constant_scale().defined();
}

void BottleneckModule::merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) {
    torch::NoGradGuard no_grad;
    // Δ = s ⊙ (U (D x + b_d) + b_u)  ->  W += s ⊙ U D,  b += s ⊙ (U b_d + b_u); in float64.
    const auto wide = [](const torch::Tensor& t) { return t.detach().to(torch::kDouble); };
    torch::Tensor s = composer_->constant_scale().to(weight.device(), torch::kDouble);
    torch::Tensor row_scale = s.numel() > 1 ? s.unsqueeze(1) : s;
    const double sign = static_cast<double>(direction);
    weight.copy_(wide(weight) + torch::matmul(wide(up_weight), wide(down_weight)) * row_scale * sign);
    torch::Tensor b = torch::matmul(wide(up_weight), wide(down_bias)) + wide(up_bias);
    bias.copy_(wide(bias) + b * s * sign);
    merged_ = direction > 0;
}

} // namespace peft
