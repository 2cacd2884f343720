// SPDX-License-Identifier: MIT
// Greedy generation on CUDA reproduces the CPU golden (GPU machine; skipped without CUDA).
#include "generate/generate.h"
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;

TEST(Cuda, greedyGenerationReproducesTheGolden) {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
    std::ifstream in(test::golden("stories260K_greedy.json"));
    const auto golden = nlohmann::json::parse(in);
    Transformer model = load_model(test::model_dir("stories260K"));
    model->to(torch::Device(torch::kCUDA));
    const auto& c = golden["cases"][0];
    const auto expected = c["continuation_ids"].get<std::vector<int64_t>>();
    GenerationOptions options;
    options.greedy = true;
    options.max_new_tokens = static_cast<int>(expected.size());
    const auto got = generate(*model, c["prompt_ids"].get<std::vector<int64_t>>(), options);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], expected[i]) << "first mismatch at token " << i;
}
