// SPDX-License-Identifier: MIT
// AdamW over the trainable parameters, with weight decay on matrices only.
#pragma once

#include "models/model.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace peft {

struct OptimizerConfig {
    double lr = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weight_decay = 0.0;
};

/// A trainable parameter under its module path (stable across runs: checkpoint keys).
struct NamedParameter {
    std::string name;
    torch::Tensor tensor;
};

/// Parameters with requires_grad, each once (tied weights under their first name), in module order.
std::vector<NamedParameter> named_trainable_parameters(TransformerImpl& model);

/// AdamW with two groups: group 0 = parameters of 2+ dimensions with `weight_decay`, group 1 =
/// biases and norm weights (1-D) without decay (as transformers' Trainer); an empty group is left
/// out. Throws peft::Error when there is nothing to train.
std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<NamedParameter>& params, const OptimizerConfig& config);

/// Sets the learning rate of every group (the schedule's rate for the coming step).
void set_learning_rate(torch::optim::Optimizer& optimizer, double lr);

} // namespace peft
