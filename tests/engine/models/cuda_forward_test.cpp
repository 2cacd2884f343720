// SPDX-License-Identifier: MIT
// The same models on CUDA (fused attention kernels with LibTorch 2.x) agree with the CPU. Runs on
// the GPU machine (scripts/gpu-check.sh); skipped where no CUDA device is present.
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kCPU).to(torch::kDouble) - b.to(torch::kCPU).to(torch::kDouble)).abs().max().item<double>();
}

ForwardInput padded_batch(torch::Device device) {
    ForwardInput in;
    in.input_ids = torch::tensor({1, 291, 400, 428, 352, 303, 403, 407, 0, 0, 1, 261, 350, 300, 291, 400}, torch::kLong)
                       .view({2, 8})
                       .to(device);
    in.attention_mask = torch::tensor({1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1}, torch::kLong).view({2, 8}).to(device);
    return in;
}

} // namespace

TEST(Cuda, forwardMatchesCpuForEveryHeadAndBatchLayout) {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
    torch::NoGradGuard no_grad;
    const torch::Device gpu(torch::kCUDA);
    Transformer cpu = load_model(test::model_dir("stories260K"));
    Transformer cuda = load_model(test::model_dir("stories260K"));
    cuda->to(gpu);
    ForwardInput plain;
    plain.input_ids = torch::tensor({1, 291, 400, 428, 352, 303, 403, 407}, torch::kLong).unsqueeze(0);
    ForwardInput plain_gpu = plain;
    plain_gpu.input_ids = plain.input_ids.to(gpu);
    // TF32 matmuls are off by default in LibTorch; float32 kernels differ from the CPU only by summation order.
    EXPECT_LT(max_difference(cuda->forward(plain_gpu), cpu->forward(plain)), 1e-4) << "causal, no mask (fused path)";
    const ForwardInput padded_cpu = padded_batch(torch::kCPU);
    const torch::Tensor expected = cpu->forward(padded_cpu);
    const torch::Tensor got = cuda->forward(padded_batch(gpu)).to(torch::kCPU);
    torch::Tensor real = padded_cpu.attention_mask.to(torch::kBool).unsqueeze(-1).expand_as(expected);
    EXPECT_LT(max_difference(got.masked_select(real), expected.masked_select(real)), 1e-4) << "left-padded batch";

    LoadOptions bf16;
    bf16.dtype = torch::kBFloat16;
    Transformer half = load_model(test::model_dir("stories260K"), bf16);
    half->to(gpu);
    const torch::Tensor low = half->forward(plain_gpu);
    EXPECT_TRUE(torch::isfinite(low).all().item<bool>());
    EXPECT_LT(max_difference(low, cpu->forward(plain)), 0.5) << "bfloat16 keeps about 3 significant digits";
}

TEST(Cuda, encoderAndGpt2MatchCpu) {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
    torch::NoGradGuard no_grad;
    const torch::Device gpu(torch::kCUDA);
    Transformer cpu = load_model(test::model_dir("tiny-gpt2"));
    Transformer cuda = load_model(test::model_dir("tiny-gpt2"));
    cuda->to(gpu);
    ForwardInput in;
    in.input_ids = torch::tensor({464, 2068, 7586, 21831, 18045, 625, 262, 16931}, torch::kLong).unsqueeze(0).remainder(cpu->config().vocab_size);
    ForwardInput in_gpu = in;
    in_gpu.input_ids = in.input_ids.to(gpu);
    EXPECT_LT(max_difference(cuda->forward(in_gpu), cpu->forward(in)), 1e-4);

    const ModelConfig bert_config = load_model_config(test::model_dir("bert-tiny-untrained"));
    Transformer bert = build_model(bert_config, TaskHead::SequenceClassification);
    bert->init_weights(1);
    bert->eval();
    Transformer bert_gpu = build_model(bert_config, TaskHead::SequenceClassification);
    bert_gpu->init_weights(1);
    bert_gpu->eval();
    bert_gpu->to(gpu);
    ForwardInput pair;
    pair.input_ids = torch::tensor({101, 7592, 2088, 102, 0, 0}, torch::kLong).unsqueeze(0);
    pair.attention_mask = torch::tensor({1, 1, 1, 1, 0, 0}, torch::kLong).unsqueeze(0);
    ForwardInput pair_gpu = pair;
    pair_gpu.input_ids = pair.input_ids.to(gpu);
    pair_gpu.attention_mask = pair.attention_mask.to(gpu);
    EXPECT_LT(max_difference(bert_gpu->forward(pair_gpu), bert->forward(pair)), 1e-4);
}
