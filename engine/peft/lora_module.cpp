// SPDX-License-Identifier: MIT
#include "peft/modules.h"
#include "models/linear_op.h"

#include <cmath>

namespace peft {

LoraModule::LoraModule(const ModuleSpec& spec, const Target& target)
    : parallel_(spec.insertion == Insertion::Parallel),
      scaling_(spec.rslora ? spec.alpha / std::sqrt(static_cast<double>(spec.r)) : spec.alpha / static_cast<double>(spec.r)),
      dropout_(spec.dropout) {
    const SiteInfo& site = *target.site;
    const int64_t z = parallel_ ? site.in_features : site.out_features;
    A = register_parameter("lora_A", torch::empty({spec.r, z}));
    B = register_parameter("lora_B", torch::zeros({target.selected_width(), spec.r}));
    {
        torch::NoGradGuard no_grad;
        // PEFT: nn.init.kaiming_uniform_(lora_A, a=math.sqrt(5)) -> U(-1/√z, 1/√z); B = 0.
        torch::nn::init::kaiming_uniform_(A, std::sqrt(5.0));
    }
    index_ = slice_index(target);
    // Not a buffer: Module::to(dtype) would turn the indices into floats.
    composer_ = register_module("compose", Composer(spec.composition, spec.scale, site.in_features, target.selected_width()));
}

torch::Tensor LoraModule::transform_output(const torch::Tensor& x, const torch::Tensor& h) {
    if (merged_) return h;
    torch::Tensor z = parallel_ ? x : h;
    if (dropout_ > 0 && is_training()) z = torch::dropout(z, dropout_, true);
    torch::Tensor delta = peft::linear(peft::linear(z, A), B) * scaling_;
    delta = composer_->forward(x, delta);
    if (!index_.defined()) return h + delta;
    if (index_.device() != h.device()) index_ = index_.to(h.device());
    return h.index_add(h.dim() - 1, index_, delta);
}

bool LoraModule::can_merge() const {
    return parallel_ && composer_->constant_scale().defined();
}

void LoraModule::merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) {
    (void)bias;
    torch::NoGradGuard no_grad;
    // In float64, so that merge followed by unmerge returns the weights up to one rounding.
    torch::Tensor s = composer_->constant_scale().to(weight.device(), torch::kDouble);
    torch::Tensor update = torch::matmul(B.to(torch::kDouble), A.to(torch::kDouble)) * scaling_;
    // Per-channel scales multiply rows of B A (one per output column).
    update = (s.numel() == 1 ? update * s : update * s.unsqueeze(1)) * static_cast<double>(direction);
    torch::Tensor wide = weight.to(torch::kDouble);
    if (index_.defined()) wide.index_add_(0, index_.to(weight.device()), update);
    else wide.add_(update);
    weight.copy_(wide);
    merged_ = direction > 0;
}

} // namespace peft
