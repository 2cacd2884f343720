// SPDX-License-Identifier: MIT
#include "peft/modules.h"

#include "core/error.h"

namespace peft {

PrefixModule::PrefixModule(const ModuleSpec& spec, const Target& target, const ModelConfig& config)
    : length_(spec.length), kv_heads_(config.num_kv_heads > 0 ? config.num_kv_heads : config.num_heads) {
    // With grouped-query attention the prefix lives in KV-head space: kv_heads · d_h per layer.
    const int64_t kv_width = target.site->out_features;
    head_dim_ = kv_width / kv_heads_;
    if (spec.reparam_hidden <= 0) {
        // PEFT's PrefixEncoder is an nn.Embedding: N(0, 1).
        prefix_ = register_parameter("prefix", torch::randn({length_, 2 * kv_width}));
        return;
    }
    // Reparameterisation (Li & Liang): E [l, d] -> Linear(d, b) -> tanh -> Linear(b, 2·kv).
    // One MLP per layer here (PEFT shares one across layers, producing all of them at once).
    reparam_ = register_module("reparam", std::make_shared<torch::nn::Module>());
    embedding_ = reparam_->register_parameter("embedding", torch::randn({length_, config.hidden_size}));
    mlp_in_ = reparam_->register_module("mlp_in", torch::nn::Linear(config.hidden_size, spec.reparam_hidden));
    mlp_out_ = reparam_->register_module("mlp_out", torch::nn::Linear(spec.reparam_hidden, 2 * kv_width));
}

torch::Tensor PrefixModule::prefix_matrix() {
    if (!reparam_) return prefix_;
    return mlp_out_->forward(torch::tanh(mlp_in_->forward(embedding_)));
}

void PrefixModule::set_prefix(const torch::Tensor& keys, const torch::Tensor& values) {
    if (reparam_) throw Error("prefix: cannot set the keys and values of a reparameterised prefix");
    auto flat = [&](const torch::Tensor& t) { // [kv_heads, l, d_h] -> [l, kv_heads·d_h]
        if (t.dim() != 3 || t.size(0) != kv_heads_ || t.size(1) != length_ || t.size(2) != head_dim_)
            throw Error("prefix: initial keys/values have the wrong shape");
        return t.detach().permute({1, 0, 2}).reshape({length_, kv_heads_ * head_dim_});
    };
    torch::NoGradGuard no_grad;
    prefix_.copy_(torch::cat({flat(keys), flat(values)}, 1).to(prefix_.device(), prefix_.scalar_type()));
}

std::optional<std::pair<torch::Tensor, torch::Tensor>> PrefixModule::prefix_kv(int64_t batch) {
    torch::Tensor kv = prefix_matrix();                   // [l, 2·kv_heads·d_h], keys first
    auto to_heads = [&](const torch::Tensor& t) {         // -> [B, kv_heads, l, d_h]
        return t.view({length_, kv_heads_, head_dim_}).permute({1, 0, 2}).unsqueeze(0).expand({batch, -1, -1, -1});
    };
    auto parts = kv.chunk(2, 1);
    return std::make_pair(to_heads(parts[0]), to_heads(parts[1]));
}

void PrefixModule::fold() {
    if (!reparam_) return;
    torch::Tensor folded;
    {
        torch::NoGradGuard no_grad;
        folded = prefix_matrix().detach().clone();
    }
    unregister_module("reparam");
    reparam_.reset();
    mlp_in_ = nullptr;
    mlp_out_ = nullptr;
    embedding_ = torch::Tensor();
    prefix_ = register_parameter("prefix", folded);
}

} // namespace peft
