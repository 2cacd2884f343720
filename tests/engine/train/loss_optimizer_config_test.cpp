// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "train/loss.h"
#include "train/optimizer.h"
#include "train/train_config.h"
#include "train_test_util.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace peft;

TEST(CausalLmLoss, predictsNextTokenAndSkipsIgnoredLabels) {
    torch::manual_seed(0);
    auto logits = torch::randn({2, 4, 5});
    auto labels = torch::tensor({1, 2, 3, 4, 0, -100, 2, -100}, torch::kLong).reshape({2, 4});
    const auto r = causal_lm_loss(logits, labels);
    EXPECT_EQ(r.count, 4); // targets: (0: 2,3,4), (1: 2) — position 0 never a target
    auto logp = torch::log_softmax(logits, -1);
    const double expected = -(logp[0][0][2] + logp[0][1][3] + logp[0][2][4] + logp[1][1][2]).item<double>();
    EXPECT_NEAR(r.sum.item<double>(), expected, 1e-5);
    EXPECT_NEAR(r.loss.item<double>(), expected / 4, 1e-6);
}

TEST(CausalLmLoss, allIgnoredGivesZeroNotNaN) {
    auto logits = torch::randn({1, 3, 5}, torch::requires_grad());
    auto labels = torch::full({1, 3}, -100, torch::kLong);
    const auto r = causal_lm_loss(logits, labels);
    EXPECT_EQ(r.count, 0);
    EXPECT_EQ(r.loss.item<double>(), 0.0);
}

TEST(ClassificationLoss, meanCrossEntropyWithSampleCount) {
    auto logits = torch::tensor({2.0, 0.0, 0.0, 1.0}).reshape({2, 2});
    auto labels = torch::tensor({0, 1}, torch::kLong);
    const auto r = classification_loss(logits, labels);
    EXPECT_EQ(r.count, 2);
    const double expected = (std::log(1 + std::exp(-2.0)) + std::log(1 + std::exp(-1.0))) / 2;
    EXPECT_NEAR(r.loss.item<double>(), expected, 1e-6);
}

TEST(AdamW, decaysMatricesButNotBiasesOrNorms) {
    auto model = test::random_model(test::tiny_llama(), TaskHead::CausalLM);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q"],"r":2})"),
                                    test::module_spec(R"({"kind":"layernorm"})")}),
           1);
    const auto params = named_trainable_parameters(*model);
    auto opt = make_adamw(params, {1e-3, 0.9, 0.999, 1e-8, 0.1});
    ASSERT_EQ(opt->param_groups().size(), 2u);
    for (const auto& p : opt->param_groups()[0].params()) EXPECT_GE(p.dim(), 2);
    for (const auto& p : opt->param_groups()[1].params()) EXPECT_EQ(p.dim(), 1);
    EXPECT_DOUBLE_EQ(static_cast<torch::optim::AdamWOptions&>(opt->param_groups()[0].options()).weight_decay(), 0.1);
    EXPECT_DOUBLE_EQ(static_cast<torch::optim::AdamWOptions&>(opt->param_groups()[1].options()).weight_decay(), 0.0);
    set_learning_rate(*opt, 5e-4);
    for (auto& g : opt->param_groups())
        EXPECT_DOUBLE_EQ(static_cast<torch::optim::AdamWOptions&>(g.options()).lr(), 5e-4);
}

TEST(AdamW, refusesAModelWithNothingToTrain) {
    auto model = test::random_model(test::tiny_llama(), TaskHead::CausalLM);
    for (auto& p : model->parameters()) p.set_requires_grad(false);
    EXPECT_THROW(make_adamw(named_trainable_parameters(*model), {}), Error);
}

TEST(TrainConfigJson, roundTripsEveryField) {
    TrainConfig c;
    c.lr = 3e-4;
    c.schedule = ScheduleKind::Cosine;
    c.warmup_steps = 7;
    c.max_steps = 100;
    c.grad_accum = 4;
    c.eval_every = 10;
    c.seed = 9;
    c.bf16 = true;
    c.output_dir = "/tmp/x";
    const auto back = TrainConfig::from_json(c.to_json());
    EXPECT_EQ(back.to_json(), c.to_json());
}

TEST(TrainConfigJson, refusesUnknownKeyNamingIt) {
    try {
        TrainConfig::from_json(nlohmann::json{{"lr", 1e-3}, {"learning_rate", 1e-3}});
        FAIL() << "expected peft::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("learning_rate"), std::string::npos) << e.what();
    }
}

TEST(TrainConfigJson, refusesWrongTypesAndRanges) {
    EXPECT_THROW(TrainConfig::from_json(nlohmann::json{{"batch_size", "eight"}}), Error);
    EXPECT_THROW(TrainConfig::from_json(nlohmann::json{{"grad_accum", 0}}), Error);
    EXPECT_THROW(TrainConfig::from_json(nlohmann::json{{"schedule", "exponential"}}), Error);
}
