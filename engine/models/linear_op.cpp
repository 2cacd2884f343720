// SPDX-License-Identifier: MIT
#include "models/linear_op.h"

#include "core/cpu_features.h"

#include <ATen/autocast_mode.h>
#include <c10/core/impl/LocalDispatchKeySet.h>

namespace peft {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

/// Which bf16 product a CPU linear would run: with bf16 tensors, or under CPU autocast to bf16.
bool emulated_bf16(const torch::Tensor& x, const torch::Tensor& weight) {
    if (!x.device().is_cpu() || cpu_has_native_bf16()) return false;
    if (x.scalar_type() == torch::kBFloat16 || weight.scalar_type() == torch::kBFloat16) return true;
#if TORCH_VERSION_MAJOR == 1 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR < 4)
    return at::autocast::is_cpu_enabled() && at::autocast::get_autocast_cpu_dtype() == at::kBFloat16 &&
           x.is_floating_point();
#else
    return at::autocast::is_autocast_enabled(at::kCPU) && at::autocast::get_autocast_dtype(at::kCPU) == at::kBFloat16 &&
           x.is_floating_point();
#endif
}

torch::Tensor widened(const torch::Tensor& t) { return t.to(torch::kFloat); }

/// The product in float32 of the bf16 operands; gradients in the inputs' own dtypes. LibTorch's
/// custom functions take no undefined tensor, so a linear without bias passes none.
torch::Tensor forward_in_float(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                               const torch::Tensor& bias) {
    // The operands a bf16 product would see (autocast rounds float32 inputs to bf16 first).
    const torch::Tensor xq = x.to(torch::kBFloat16), wq = weight.to(torch::kBFloat16);
    ctx->save_for_backward({xq, wq});
    ctx->saved_data["x_dtype"] = x.scalar_type();
    ctx->saved_data["w_dtype"] = weight.scalar_type();
    ctx->saved_data["b_dtype"] = bias.defined() ? bias.scalar_type() : x.scalar_type();
    const torch::Tensor bq = bias.defined() ? widened(bias.to(torch::kBFloat16)) : torch::Tensor();
    return at::linear(widened(xq), widened(wq), bq).to(torch::kBFloat16);
}

tensor_list backward_in_float(AutogradContext* ctx, const torch::Tensor& grad, bool with_bias) {
    c10::impl::ExcludeDispatchKeyGuard no_autocast(c10::DispatchKey::AutocastCPU);
    const auto saved = ctx->get_saved_variables();
    const torch::Tensor& xq = saved[0];
    const torch::Tensor& wq = saved[1];
    const torch::Tensor g = widened(grad);
    const int64_t out = wq.size(0), in = wq.size(1);
    tensor_list grads(with_bias ? 3 : 2);
    if (ctx->needs_input_grad(0)) grads[0] = at::matmul(g, widened(wq)).to(ctx->saved_data["x_dtype"].toScalarType());
    if (ctx->needs_input_grad(1))
        grads[1] = g.reshape({-1, out}).t().mm(widened(xq).reshape({-1, in})).to(ctx->saved_data["w_dtype"].toScalarType());
    if (with_bias && ctx->needs_input_grad(2))
        grads[2] = g.reshape({-1, out}).sum(0).to(ctx->saved_data["b_dtype"].toScalarType());
    return grads;
}

class Bf16LinearInFloat : public torch::autograd::Function<Bf16LinearInFloat> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                                 const torch::Tensor& bias) {
        return forward_in_float(ctx, x, weight, bias);
    }
    static tensor_list backward(AutogradContext* ctx, tensor_list grads) { return backward_in_float(ctx, grads[0], true); }
};

class Bf16LinearInFloatNoBias : public torch::autograd::Function<Bf16LinearInFloatNoBias> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight) {
        return forward_in_float(ctx, x, weight, torch::Tensor());
    }
    static tensor_list backward(AutogradContext* ctx, tensor_list grads) { return backward_in_float(ctx, grads[0], false); }
};

} // namespace

torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    if (!emulated_bf16(x, weight)) return torch::nn::functional::linear(x, weight, bias);
    // Autocast must not turn the float32 product back into a bf16 one.
    c10::impl::ExcludeDispatchKeyGuard no_autocast(c10::DispatchKey::AutocastCPU);
    return bias.defined() ? Bf16LinearInFloat::apply(x, weight, bias) : Bf16LinearInFloatNoBias::apply(x, weight);
}

} // namespace peft
