// SPDX-License-Identifier: MIT
// Greedy generation over the real stories260K reproduces llama2.c's run.c, id for id.
#include "generate/generate.h"
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;

TEST(GreedyGeneration, reproducesLlama2cGoldenIdsForEveryCase) {
    std::ifstream in(test::golden("stories260K_greedy.json"));
    auto golden = nlohmann::json::parse(in);
    Transformer model = load_model(test::model_dir("stories260K"));
    ASSERT_GE(golden["cases"].size(), 2u);
    for (const auto& c : golden["cases"]) {
        auto prompt = c["prompt_ids"].get<std::vector<int64_t>>();
        auto expected = c["continuation_ids"].get<std::vector<int64_t>>();
        GenerationOptions options;
        options.greedy = true;
        options.max_new_tokens = static_cast<int>(expected.size());
        auto got = generate(*model, prompt, options);
        ASSERT_EQ(got.size(), expected.size()) << "prompt '" << c["prompt"].get<std::string>() << "'";
        for (size_t i = 0; i < got.size(); ++i)
            ASSERT_EQ(got[i], expected[i]) << "first mismatch at token " << i << " of prompt '" << c["prompt"].get<std::string>() << "'";
    }
}

TEST(GreedyGeneration, cachedDecodingMatchesFullRecomputation) {
    Transformer model = load_model(test::model_dir("stories260K"));
    torch::NoGradGuard no_grad;
    std::vector<int64_t> ids = {1, 291, 400, 428, 352, 303, 403, 407, 261};
    ForwardInput full;
    full.input_ids = torch::tensor(ids, torch::kLong).unsqueeze(0);
    torch::Tensor expected = model->forward(full)[0];

    KVCache cache;
    ForwardInput step;
    step.cache = &cache;
    step.input_ids = torch::tensor(std::vector<int64_t>(ids.begin(), ids.begin() + 4), torch::kLong).unsqueeze(0);
    std::vector<torch::Tensor> rows{model->forward(step)[0]};
    for (size_t i = 4; i < ids.size(); ++i) {
        step.input_ids = torch::tensor({ids[i]}, torch::kLong).unsqueeze(0);
        rows.push_back(model->forward(step)[0]);
    }
    torch::Tensor got = torch::cat(rows, 0);
    // Logits are O(10); cached and full attention sum in different orders (SDPA on LibTorch 2.x).
    EXPECT_LT((got - expected).abs().max().item<double>(), 1e-4);
}

TEST(Sampling, sameSeedSameTokensAndTopKOneIsGreedy) {
    Transformer model = load_model(test::model_dir("stories260K"));
    GenerationOptions sampled;
    sampled.temperature = 1.0;
    sampled.top_p = 0.9;
    sampled.seed = 7;
    sampled.max_new_tokens = 20;
    EXPECT_EQ(generate(*model, {1}, sampled), generate(*model, {1}, sampled));
    GenerationOptions top1 = sampled;
    top1.top_k = 1;
    GenerationOptions greedy;
    greedy.greedy = true;
    greedy.max_new_tokens = 20;
    EXPECT_EQ(generate(*model, {1}, top1), generate(*model, {1}, greedy));
}

TEST(Generation, stopsAtEosWithoutEmittingIt) {
    Transformer model = load_model(test::model_dir("stories260K"));
    GenerationOptions options;
    options.greedy = true;
    options.max_new_tokens = 30;
    const auto free_run = generate(*model, {1}, options);
    ASSERT_EQ(free_run.size(), 30u);
    // Declare the 11th generated token an end-of-sequence token: generation must stop before it.
    options.eos_ids = {free_run[10]};
    const auto stopped = generate(*model, {1}, options);
    const auto first = std::find(free_run.begin(), free_run.end(), free_run[10]) - free_run.begin();
    EXPECT_EQ(stopped, std::vector<int64_t>(free_run.begin(), free_run.begin() + first));
}
