// SPDX-License-Identifier: MIT
// Causal-LM cross-entropy straight from the last hidden states and the LM head's weight, without
// materialising the [B·T, V] logits and their gradient.
#pragma once

#include "train/loss.h"

#include <torch/torch.h>

namespace peft {

/// The loss causal_lm_loss(hidden · Wᵀ, labels) gives, computed in float32 over chunks of rows: per
/// chunk the logits, their log-sum-exp, the summed NLL and ∂loss/∂logits = softmax − one-hot are
/// formed at once and multiplied back into ∂hidden (and ∂W when the head trains) right away, so
/// the full logits (262 MB for 8 × 256 tokens and a 32,000-token vocabulary) and their gradient
/// never exist. Gradients are computed in forward and scaled by the incoming gradient in backward;
/// without autograd (evaluation) only the loss is computed.
/// hidden [B, T, d], head_weight [V, d], labels [B, T] (-100 = ignored).
LossResult fused_causal_lm_loss(const torch::Tensor& hidden, const torch::Tensor& head_weight, const torch::Tensor& labels);

} // namespace peft
