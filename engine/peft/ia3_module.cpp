// SPDX-License-Identifier: MIT
#include "peft/modules.h"

namespace peft {

IA3Module::IA3Module(const ModuleSpec& spec, const Target& target)
    : input_(spec.scale_input.value_or(target.site->role == "down")), out_features_(target.site->out_features) {
    const int64_t n = input_ ? target.site->in_features : target.selected_width();
    scale = register_parameter("ia3_l", torch::ones({n}));
    if (!input_) {
        index_ = slice_index(target);
        // Not a buffer: Module::to(dtype) would turn the indices into floats.
    }
}

torch::Tensor IA3Module::full_output_scale() const {
    if (!index_.defined()) return scale;
    return torch::ones({out_features_}, scale.options()).index_copy(0, index_.to(scale.device()), scale);
}

torch::Tensor IA3Module::transform_input(const torch::Tensor& x) {
    return input_ && !merged_ ? x * scale : x;
}

torch::Tensor IA3Module::transform_output(const torch::Tensor& x, const torch::Tensor& h) {
    (void)x;
    return !input_ && !merged_ ? h * full_output_scale() : h;
}

void IA3Module::merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) {
    torch::NoGradGuard no_grad;
    // In float64, so that merge followed by unmerge returns the weights up to one rounding.
    auto rescale = [direction](torch::Tensor& t, const torch::Tensor& s) {
        torch::Tensor wide = t.to(torch::kDouble);
        t.copy_(direction > 0 ? wide * s : wide / s);
    };
    if (input_) {
        // y = W (l ⊙ x) + b = (W diag(l)) x + b: scale the columns.
        rescale(weight, scale.detach().to(weight.device(), torch::kDouble).unsqueeze(0));
    } else {
        // y = l ⊙ (W x + b): scale the rows and the bias.
        torch::Tensor s = full_output_scale().detach().to(weight.device(), torch::kDouble);
        rescale(weight, s.unsqueeze(1));
        if (bias.defined()) rescale(bias, s);
    }
    merged_ = direction > 0;
}

} // namespace peft
