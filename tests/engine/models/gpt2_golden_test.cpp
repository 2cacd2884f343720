// SPDX-License-Identifier: MIT
// tiny-gpt2 against nanoGPT's float64 logits (goldens/tiny-gpt2_logits.json).
#include "models/model_io.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;

TEST(Gpt2Golden, probeLogitsAndMeanLossMatchNanoGpt) {
    std::ifstream in(test::golden("tiny-gpt2_logits.json"));
    auto golden = nlohmann::json::parse(in);
    LoadOptions options;
    options.dtype = torch::kFloat64;
    Transformer model = load_model(test::model_dir("tiny-gpt2"), options);
    torch::NoGradGuard no_grad;
    const double tolerance = 1e-5;
    for (const auto& c : golden["cases"]) {
        auto ids = c["ids"].get<std::vector<int64_t>>();
        ForwardInput input;
        input.input_ids = torch::tensor(ids, torch::kLong).unsqueeze(0);
        torch::Tensor logits = model->forward(input)[0]; // [T, V]
        int mismatches = 0;
        for (const auto& [id_text, per_position] : c["logits_at_probe_ids"].items()) {
            const int64_t id = std::stoll(id_text);
            auto expected = per_position.get<std::vector<double>>();
            for (size_t t = 0; t < expected.size(); ++t) {
                const double got = logits[static_cast<int64_t>(t)][id].item<double>();
                if (std::abs(got - expected[t]) > tolerance && mismatches++ < 5)
                    ADD_FAILURE() << "'" << c["text"].get<std::string>() << "' id " << id << " position " << t
                                  << ": ours " << got << ", nanoGPT " << expected[t];
            }
        }
        const int64_t T = static_cast<int64_t>(ids.size());
        torch::Tensor loss = torch::nn::functional::cross_entropy(logits.narrow(0, 0, T - 1),
                                                                  input.input_ids[0].narrow(0, 1, T - 1));
        EXPECT_NEAR(loss.item<double>(), c["next_token_mean_nll"].get<double>(), tolerance) << c["text"].get<std::string>();
    }
}
