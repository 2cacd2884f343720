// SPDX-License-Identifier: MIT
#include "train/optimizer.h"

#include "core/error.h"

#include <unordered_set>

namespace peft {

std::vector<NamedParameter> named_trainable_parameters(TransformerImpl& model) {
    std::vector<NamedParameter> out;
    std::unordered_set<const void*> seen;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        const auto& tensor = item.value();
        if (!tensor.requires_grad()) continue;
        if (!seen.insert(tensor.unsafeGetTensorImpl()).second) continue;
        out.push_back({item.key(), tensor});
    }
    return out;
}

std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<NamedParameter>& params, const OptimizerConfig& config) {
    if (params.empty()) throw Error("nothing to train: the recipe leaves no trainable parameter");
    std::vector<torch::Tensor> decay;
    std::vector<torch::Tensor> no_decay;
    for (const auto& p : params) (p.tensor.dim() >= 2 ? decay : no_decay).push_back(p.tensor);
    auto base = torch::optim::AdamWOptions(config.lr)
                    .betas(std::make_tuple(config.beta1, config.beta2))
                    .eps(config.eps)
                    .weight_decay(config.weight_decay);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    if (!decay.empty()) groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(base));
    auto no_decay_options = base;
    no_decay_options.weight_decay(0.0);
    if (!no_decay.empty())
        groups.emplace_back(no_decay, std::make_unique<torch::optim::AdamWOptions>(no_decay_options));
    return std::make_unique<torch::optim::AdamW>(std::move(groups), base);
}

void set_learning_rate(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

} // namespace peft
