// SPDX-License-Identifier: MIT
// peft::linear: bf16 products on CPUs without bf16 instructions run in float32 and must give what
// a bf16 GEMM with float32 accumulation gives — forward and gradients — in the same dtypes as
// LibTorch's own linear, also under autocast. On a CPU with bf16 it is LibTorch's linear and the
// comparisons hold trivially.
#include "models/linear_op.h"

#include "tensor_compare.h"

#include <ATen/autocast_mode.h>
#include <gtest/gtest.h>

using namespace peft;
using peft::test::worst_relative;

namespace {

struct Operands {
    torch::Tensor x, w, b;
};

Operands operands(torch::ScalarType dtype) {
    torch::manual_seed(7);
    Operands o;
    o.x = torch::randn({3, 5, 48}).to(dtype).requires_grad_(true);
    o.w = (torch::randn({40, 48}) * 0.2).to(dtype).requires_grad_(true);
    o.b = torch::randn({40}).to(dtype).requires_grad_(true);
    return o;
}

} // namespace

TEST(LinearOp, float32_isLibTorchLinearExactly) {
    Operands o = operands(torch::kFloat);
    EXPECT_TRUE(torch::equal(peft::linear(o.x, o.w, o.b), torch::nn::functional::linear(o.x, o.w, o.b)));
}

TEST(LinearOp, bf16_forwardAndGradients_matchAFloat32AccumulatingBf16Product) {
    Operands ours = operands(torch::kBFloat16), ref = operands(torch::kBFloat16);
    const torch::Tensor y = peft::linear(ours.x, ours.w, ours.b);
    ASSERT_EQ(y.scalar_type(), torch::kBFloat16);
    // The exact reference: widen the bf16 operands, multiply in float32, round once.
    const torch::Tensor yf = torch::nn::functional::linear(ref.x.to(torch::kFloat), ref.w.to(torch::kFloat),
                                                           ref.b.to(torch::kFloat));
    EXPECT_LE(worst_relative(y, yf.to(torch::kBFloat16), "forward", 1e-2), 1e-2);
    // And LibTorch's own bf16 linear, which may round in between: within bf16's precision.
    const torch::Tensor yn = torch::nn::functional::linear(ref.x.detach(), ref.w.detach(), ref.b.detach());
    EXPECT_LE(worst_relative(y, yn, "forward vs LibTorch bf16", 2e-2), 2e-2);

    const torch::Tensor g = torch::randn(y.sizes()).to(torch::kBFloat16);
    y.backward(g);
    yf.backward(g.to(torch::kFloat));
    for (auto [mine, theirs, name] : {std::tuple{ours.x, ref.x, "dx"}, {ours.w, ref.w, "dW"}, {ours.b, ref.b, "db"}}) {
        ASSERT_TRUE(mine.grad().defined()) << name;
        EXPECT_EQ(mine.grad().scalar_type(), torch::kBFloat16) << name;
        EXPECT_LE(worst_relative(mine.grad(), theirs.grad(), name, 1e-2), 1e-2) << name;
    }
}

TEST(LinearOp, frozenWeightWithoutBias_getsNoGradient_andTheInputStillDoes) {
    Operands o = operands(torch::kBFloat16);
    o.w.requires_grad_(false);
    peft::linear(o.x, o.w).sum().backward();
    EXPECT_FALSE(o.w.grad().defined());
    ASSERT_TRUE(o.x.grad().defined());
    // d(sum)/dx = the column sums of W.
    const torch::Tensor expected = o.w.to(torch::kFloat).sum(0).expand({3, 5, 48});
    EXPECT_LE(worst_relative(o.x.grad(), expected, "dx", 1e-2), 1e-2);
}

TEST(LinearOp, autocastBf16_givesBf16Output_andFloat32GradientsLikeLibTorch) {
    Operands ours = operands(torch::kFloat), ref = operands(torch::kFloat);
    const torch::Tensor g = torch::randn({3, 5, 40});
    auto run = [&](Operands& o, bool mine) {
#if TORCH_VERSION_MAJOR == 1 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR < 4)
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
#else
        at::autocast::set_autocast_dtype(at::kCPU, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCPU, true);
#endif
        torch::Tensor y = mine ? peft::linear(o.x, o.w, o.b) : torch::nn::functional::linear(o.x, o.w, o.b);
#if TORCH_VERSION_MAJOR == 1 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR < 4)
        at::autocast::set_cpu_enabled(false);
#else
        at::autocast::set_autocast_enabled(at::kCPU, false);
#endif
        at::autocast::clear_cache();
        y.backward(g.to(y.scalar_type()));
        return y;
    };
    const torch::Tensor y = run(ours, true), yn = run(ref, false);
    EXPECT_EQ(y.scalar_type(), yn.scalar_type());
    EXPECT_LE(worst_relative(y, yn, "autocast forward", 2e-2), 2e-2);
    for (auto [mine, theirs, name] : {std::tuple{ours.x, ref.x, "dx"}, {ours.w, ref.w, "dW"}, {ours.b, ref.b, "db"}}) {
        ASSERT_TRUE(mine.grad().defined()) << name;
        EXPECT_EQ(mine.grad().scalar_type(), torch::kFloat) << name;
        EXPECT_LE(worst_relative(mine.grad(), theirs.grad(), name, 2e-2), 2e-2) << name;
    }
}
