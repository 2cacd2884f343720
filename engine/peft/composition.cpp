// SPDX-License-Identifier: MIT
#include "peft/modules.h"

namespace peft {

ComposerImpl::ComposerImpl(Composition composition, double scale, int64_t x_width, int64_t h_width)
    : composition_(composition), scale_(scale) {
    switch (composition) {
    case Composition::LearnedScalar:
        learned_ = register_parameter("scale", torch::full({1}, scale));
        break;
    case Composition::LearnedChannel:
        learned_ = register_parameter("scale", torch::full({h_width}, scale));
        break;
    case Composition::Gated:
        // Zero weight and bias: the gate starts at σ(0) = 0.5 for every input, so it can open or
        // close from the middle; identity at init comes from the module's own zero Δh.
        gate_ = register_module("gate", torch::nn::Linear(x_width, 1));
        {
            torch::NoGradGuard no_grad;
            gate_->weight.zero_();
            gate_->bias.zero_();
        }
        break;
    default: break;
    }
}

torch::Tensor ComposerImpl::forward(const torch::Tensor& x, const torch::Tensor& delta) {
    switch (composition_) {
    case Composition::Add: return delta;
    case Composition::Scaled: return delta * scale_;
    case Composition::LearnedScalar: return delta * learned_;
    case Composition::LearnedChannel:
        // Per-head deltas are [B, T, H, d_h]: the channel vector covers H·d_h.
        return delta * (delta.dim() == 4 ? learned_.view({delta.size(2), delta.size(3)}) : learned_);
    case Composition::Gated: {
        torch::Tensor g = torch::sigmoid(gate_->forward(x)); // [.., 1]
        while (g.dim() < delta.dim()) g = g.unsqueeze(-1);
        return delta * g;
    }
    }
    return delta;
}

torch::Tensor ComposerImpl::constant_scale() const {
    switch (composition_) {
    case Composition::Add: return torch::ones({1});
    case Composition::Scaled: return torch::full({1}, scale_);
    case Composition::LearnedScalar:
    case Composition::LearnedChannel: return learned_.detach();
    case Composition::Gated: return {};
    }
    return {};
}

torch::Tensor slice_index(const Target& target) {
    if (target.slices.empty()) return {};
    std::vector<int64_t> columns;
    for (const auto& s : target.slices)
        for (int64_t c = s.begin; c < s.end; ++c) columns.push_back(c);
    return torch::tensor(columns, torch::kLong);
}

torch::Tensor apply_activation(Activation activation, const torch::Tensor& x) {
    switch (activation) {
    case Activation::ReLU: return torch::relu(x);
    case Activation::GELU: return torch::gelu(x);
    case Activation::SiLU: return torch::silu(x);
    case Activation::Tanh: return torch::tanh(x);
    case Activation::Identity: return x;
    }
    return x;
}

} // namespace peft
