// SPDX-License-Identifier: MIT
#include "train/loss.h"

#include "core/error.h"
#include "train/fused_lm_loss.h"

#include <cstdlib>
#include <string>

namespace peft {
namespace {

constexpr int64_t kIgnore = -100;

/// PEFT_FUSED_LM_LOSS=0 computes the logits instead (to compare the two paths).
bool fused_lm_loss_enabled() {
    static const bool enabled = [] {
        const char* value = std::getenv("PEFT_FUSED_LM_LOSS");
        return !(value && std::string(value) == "0");
    }();
    return enabled;
}

LossResult mean_cross_entropy(const torch::Tensor& logits2d, const torch::Tensor& targets1d) {
    // Float32 log-softmax even for half-precision logits: the loss is what the guard and the
    // curves read, and bf16 rounding there would hide small improvements.
    auto sum = torch::nn::functional::cross_entropy(
        logits2d.to(torch::kFloat), targets1d,
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kIgnore).reduction(torch::kSum));
    const int64_t count = targets1d.ne(kIgnore).sum().item<int64_t>();
    LossResult result;
    result.loss = count > 0 ? sum / static_cast<double>(count) : sum * 0.0;
    result.sum = sum.detach();
    result.count = count;
    return result;
}

} // namespace

LossResult causal_lm_loss(const torch::Tensor& logits, const torch::Tensor& labels) {
    if (logits.dim() != 3 || labels.dim() != 2 || logits.size(0) != labels.size(0) || logits.size(1) != labels.size(1))
        throw Error("causal LM loss: logits must be [B, T, V] and labels [B, T] with the same B and T");
    const int64_t vocab = logits.size(2);
    auto shifted_logits = logits.narrow(1, 0, logits.size(1) - 1).reshape({-1, vocab});
    auto shifted_labels = labels.narrow(1, 1, labels.size(1) - 1).reshape({-1}).to(torch::kLong);
    return mean_cross_entropy(shifted_logits, shifted_labels);
}

LossResult classification_loss(const torch::Tensor& logits, const torch::Tensor& labels) {
    if (logits.dim() != 2 || labels.dim() != 1 || logits.size(0) != labels.size(0))
        throw Error("classification loss: logits must be [B, C] and labels [B]");
    return mean_cross_entropy(logits, labels.to(torch::kLong));
}

LossResult batch_loss(TransformerImpl& model, const ForwardInput& input, const torch::Tensor& labels,
                      torch::Tensor* head_output) {
    switch (model.head()) {
    case TaskHead::CausalLM: {
        const torch::Tensor weight = model.plain_lm_head_weight();
        if (weight.defined() && !head_output && fused_lm_loss_enabled())
            return fused_causal_lm_loss(model.hidden_states(input), weight, labels);
        torch::Tensor logits = model.forward(input);
        if (head_output) *head_output = logits;
        return causal_lm_loss(logits, labels);
    }
    case TaskHead::SequenceClassification: {
        torch::Tensor logits = model.forward(input);
        if (head_output) *head_output = logits;
        return classification_loss(logits, labels);
    }
    case TaskHead::None: break;
    }
    throw Error("cannot train a model without a task head (choose causal LM or sequence classification)");
}

} // namespace peft
