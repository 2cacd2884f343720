// SPDX-License-Identifier: MIT
// Training losses: next-token cross-entropy for causal LMs and cross-entropy for classifiers.
#pragma once

#include "models/model.h"

#include <torch/torch.h>

#include <cstdint>

namespace peft {

/// A mean loss (differentiable) with the summed negative log-likelihood and how many targets it
/// covers, so evaluation can aggregate over batches exactly.
struct LossResult {
    torch::Tensor loss;     ///< scalar mean over counted targets (0 when there are none)
    torch::Tensor sum;      ///< scalar summed NLL (detached)
    int64_t count = 0;      ///< predicted tokens (causal LM) or samples (classification)
};

/// Causal LM: logits [B, T, V] at position t predict labels[t + 1]; labels [B, T] equal to -100
/// (data::kIgnoreIndex) are skipped.
LossResult causal_lm_loss(const torch::Tensor& logits, const torch::Tensor& labels);

/// Classification: logits [B, C], labels [B] class ids (-100 skipped).
LossResult classification_loss(const torch::Tensor& logits, const torch::Tensor& labels);

/// The model's loss on one batch for its task head. A causal LM with a plain head goes through
/// fused_causal_lm_loss (no logits tensor); otherwise the head's output is computed and, when
/// `head_output` is given, handed back (classification metrics read it).
LossResult batch_loss(TransformerImpl& model, const ForwardInput& input, const torch::Tensor& labels,
                      torch::Tensor* head_output = nullptr);

} // namespace peft
