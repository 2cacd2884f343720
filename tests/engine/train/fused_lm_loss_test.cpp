// SPDX-License-Identifier: MIT
// fused_causal_lm_loss must give what the logits path gives — loss, count and the gradients of
// the hidden states and the head weight — across chunk boundaries, with ignored labels, without
// autograd and in bf16.
#include "train/fused_lm_loss.h"

#include "tensor_compare.h"

#include <gtest/gtest.h>

using namespace peft;
using peft::test::worst_relative;

namespace {

struct Case {
    torch::Tensor hidden, weight, labels;
};

/// 3 × 400 tokens: 1,197 predicted rows, more than one chunk of 1,024.
Case make_case(torch::ScalarType dtype) {
    torch::manual_seed(3);
    Case c;
    c.hidden = torch::randn({3, 400, 24}).to(dtype).requires_grad_(true);
    c.weight = (torch::randn({50, 24}) * 0.3).to(dtype).requires_grad_(true);
    c.labels = torch::randint(50, {3, 400}, torch::kLong);
    c.labels.index_put_({0, torch::indexing::Slice(0, 37)}, -100); // a prompt without loss
    c.labels.index_put_({2, 399}, -100);
    return c;
}

} // namespace

TEST(FusedLmLoss, float32_lossAndGradientsEqualTheLogitsPath) {
    Case fused = make_case(torch::kFloat), plain = make_case(torch::kFloat);
    const LossResult a = fused_causal_lm_loss(fused.hidden, fused.weight, fused.labels);
    const LossResult b = causal_lm_loss(torch::nn::functional::linear(plain.hidden, plain.weight), plain.labels);
    EXPECT_EQ(a.count, b.count);
    EXPECT_EQ(a.count, 3 * 399 - 36 - 1);
    EXPECT_LE(worst_relative(a.loss, b.loss, "loss", 1e-5), 1e-5);
    EXPECT_LE(worst_relative(a.sum, b.sum, "summed NLL", 1e-5), 1e-5);
    (a.loss * 3.0).backward(); // a scaled loss (gradient accumulation) scales both gradients
    (b.loss * 3.0).backward();
    EXPECT_LE(worst_relative(fused.hidden.grad(), plain.hidden.grad(), "d hidden", 1e-5), 1e-5);
    EXPECT_LE(worst_relative(fused.weight.grad(), plain.weight.grad(), "d weight", 1e-5), 1e-5);
    // The last position predicts nothing: no gradient there.
    EXPECT_EQ(fused.hidden.grad().select(1, 399).abs().max().item<float>(), 0.0f);
}

TEST(FusedLmLoss, frozenHead_getsNoGradient) {
    Case c = make_case(torch::kFloat);
    c.weight.requires_grad_(false);
    fused_causal_lm_loss(c.hidden, c.weight, c.labels).loss.backward();
    EXPECT_FALSE(c.weight.grad().defined());
    EXPECT_TRUE(c.hidden.grad().defined());
}

TEST(FusedLmLoss, withoutAutograd_givesTheSameLoss) {
    Case c = make_case(torch::kFloat);
    const LossResult with = fused_causal_lm_loss(c.hidden, c.weight, c.labels);
    torch::NoGradGuard no_grad;
    const LossResult without = fused_causal_lm_loss(c.hidden, c.weight, c.labels);
    EXPECT_FALSE(without.loss.requires_grad());
    EXPECT_LE(worst_relative(without.loss, with.loss.detach(), "loss", 1e-7), 1e-7);
}

TEST(FusedLmLoss, bf16_isComputedInFloat32_andGradientsKeepTheDtypes) {
    Case fused = make_case(torch::kBFloat16);
    const LossResult a = fused_causal_lm_loss(fused.hidden, fused.weight, fused.labels);
    // Reference: the same bf16 values, logits and loss in float32.
    const torch::Tensor h = fused.hidden.detach().to(torch::kFloat).requires_grad_(true);
    const torch::Tensor w = fused.weight.detach().to(torch::kFloat).requires_grad_(true);
    const LossResult b = causal_lm_loss(torch::nn::functional::linear(h, w), fused.labels);
    EXPECT_EQ(a.loss.scalar_type(), torch::kFloat);
    EXPECT_LE(worst_relative(a.loss, b.loss, "bf16 loss", 1e-5), 1e-5);
    a.loss.backward();
    b.loss.backward();
    EXPECT_EQ(fused.hidden.grad().scalar_type(), torch::kBFloat16);
    EXPECT_EQ(fused.weight.grad().scalar_type(), torch::kBFloat16);
    EXPECT_LE(worst_relative(fused.hidden.grad(), h.grad(), "bf16 d hidden", 1e-2), 1e-2);
    EXPECT_LE(worst_relative(fused.weight.grad(), w.grad(), "bf16 d weight", 1e-2), 1e-2);
}
