// SPDX-License-Identifier: MIT
#include "io/safetensors.h"
#include "train/optimizer.h"
#include "train_test_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <thread>

using namespace peft;
namespace fs = std::filesystem;

namespace {

TrainConfig small_config(const std::string& output_dir) {
    TrainConfig c;
    c.lr = 1e-2;
    c.schedule = ScheduleKind::Linear;
    c.warmup_steps = 2;
    c.max_steps = 8;
    c.batch_size = 2;
    c.grad_accum = 2;
    c.weight_decay = 0.01;
    c.threads = 1;
    c.seed = 3;
    c.output_dir = output_dir;
    return c;
}

} // namespace

TEST(Trainer, resumedRunRepeatsTheUninterruptedLossCurve) {
    const auto examples = test::counting_examples(12); // 6 micro-batches = 3 steps per epoch: crosses epochs
    TrainData data;
    data.train = &examples;

    auto full_model = test::tiny_lora_llama();
    test::RecordingObserver full;
    TrainControl full_control;
    auto r = train(*full_model, small_config(test::train_dir("resume_full")), data, full, full_control);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_EQ(full.steps.size(), 8u);

    // Stop after step 4 (cancel from the observer), then resume from the checkpoint it leaves.
    const auto dir = test::train_dir("resume_parts");
    auto first_model = test::tiny_lora_llama();
    test::RecordingObserver first;
    TrainControl first_control;
    first.after_step = [&](const StepMetrics& m) {
        if (m.step == 4) first_control.cancel = true;
    };
    r = train(*first_model, small_config(dir), data, first, first_control);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_TRUE(r.cancelled);
    ASSERT_EQ(r.steps_done, 4);
    ASSERT_TRUE(fs::exists(fs::path(dir) / "checkpoint-4"));

    torch::manual_seed(12345); // the checkpoint's RNG state must win over whatever state is current
    auto second_model = test::tiny_lora_llama();
    test::RecordingObserver second;
    TrainControl second_control;
    r = train(*second_model, small_config(dir), data, second, second_control, r.last_checkpoint);
    ASSERT_FALSE(r.failed) << r.error;
    EXPECT_EQ(r.steps_done, 8);

    std::vector<StepMetrics> joined = first.steps;
    joined.insert(joined.end(), second.steps.begin(), second.steps.end());
    ASSERT_EQ(joined.size(), full.steps.size());
    for (std::size_t i = 0; i < joined.size(); ++i) {
        EXPECT_EQ(joined[i].step, full.steps[i].step);
        EXPECT_NEAR(joined[i].loss, full.steps[i].loss, 1e-6) << "step " << full.steps[i].step;
        EXPECT_NEAR(joined[i].grad_norm, full.steps[i].grad_norm, 1e-6) << "step " << full.steps[i].step;
        EXPECT_DOUBLE_EQ(joined[i].lr, full.steps[i].lr);
    }
}

TEST(Trainer, lossGoesDownAndEvaluationTracksTheBestCheckpoint) {
    const auto examples = test::counting_examples(16);
    const auto held_out = test::counting_examples(4);
    TrainData data;
    data.train = &examples;
    data.eval = &held_out;
    auto config = small_config(test::train_dir("learns"));
    config.max_steps = 30;
    config.schedule = ScheduleKind::Constant;
    config.eval_every = 10;
    config.save_every = 15;
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_EQ(obs.steps.size(), 30u);
    EXPECT_LT(obs.steps.back().loss, obs.steps.front().loss);
    ASSERT_EQ(obs.evals.size(), 3u);
    for (const auto& e : obs.evals) EXPECT_NEAR(e.perplexity, std::exp(e.loss), 1e-6 * e.perplexity);
    EXPECT_TRUE(fs::exists(fs::path(r.best_checkpoint) / "weights.safetensors"));
    EXPECT_TRUE(fs::exists(fs::path(config.output_dir) / "checkpoint-15"));
    EXPECT_TRUE(fs::exists(fs::path(config.output_dir) / "checkpoint-30"));
    EXPECT_TRUE(obs.finished);
}

TEST(Trainer, nanLossStopsAtThatStepAndKeepsTheLastGoodCheckpoint) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    auto config = small_config(test::train_dir("nan_loss"));
    config.save_every = 1;
    auto model = test::tiny_lora_llama();
    const auto params = named_trainable_parameters(*model);
    test::RecordingObserver obs;
    obs.after_checkpoint = [&](int64_t step) { // once checkpoint-2 is safely written
        if (step != 2) return;
        torch::NoGradGuard no_grad;
        params.front().tensor.fill_(std::numeric_limits<float>::quiet_NaN()); // poison a LoRA weight
    };
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    ASSERT_TRUE(r.failed);
    EXPECT_NE(r.error.find("step 3"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("loss"), std::string::npos) << r.error;
    EXPECT_EQ(obs.failure, r.error);
    EXPECT_EQ(obs.steps.size(), 2u);
    EXPECT_FALSE(fs::exists(fs::path(config.output_dir) / "checkpoint-3"));
    auto kept = SafetensorsFile::open((fs::path(config.output_dir) / "checkpoint-2" / "weights.safetensors").string());
    EXPECT_TRUE(torch::isfinite(kept.tensor(params.front().name)).all().item<bool>());
}

TEST(Trainer, nonFiniteGradientNamesTheParameterAndSkipsTheUpdate) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    auto config = small_config("");
    auto model = test::tiny_lora_llama();
    const auto params = named_trainable_parameters(*model);
    const auto& victim = params.back();
    victim.tensor.register_hook(
        [](torch::Tensor g) { return g * std::numeric_limits<float>::infinity(); });
    std::vector<torch::Tensor> before;
    for (const auto& p : params) before.push_back(p.tensor.detach().clone());
    test::RecordingObserver obs;
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    ASSERT_TRUE(r.failed);
    EXPECT_NE(r.error.find("step 1"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("gradient of '" + victim.name + "'"), std::string::npos) << r.error;
    EXPECT_TRUE(obs.steps.empty());
    for (std::size_t i = 0; i < params.size(); ++i)
        EXPECT_TRUE(torch::equal(before[i], params[i].tensor.detach())) << params[i].name;
}

TEST(Trainer, cancelStopsWithinOneStep) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    auto config = small_config("");
    config.max_steps = 1000;
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    obs.after_step = [&](const StepMetrics& m) {
        if (m.step == 1) control.cancel = true;
    };
    const auto r = train(*model, config, data, obs, control);
    EXPECT_FALSE(r.failed) << r.error;
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.steps_done, 1);
    EXPECT_EQ(obs.steps.size(), 1u);
    EXPECT_TRUE(obs.finished);
}

TEST(Trainer, timeBudgetEndsTheRunNormallyWithFinalEvaluation) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    data.eval = &examples;
    auto config = small_config("");
    config.max_steps = 1000;
    config.max_seconds = 1e-9; // spent by the first step
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    EXPECT_FALSE(r.failed) << r.error;
    EXPECT_FALSE(r.cancelled);
    EXPECT_EQ(r.steps_done, 1);
    ASSERT_EQ(obs.evals.size(), 1u);
    EXPECT_EQ(obs.evals[0].step, 1);
    EXPECT_TRUE(obs.finished);
}

TEST(Trainer, cancelWhilePausedReturnsWithoutAStep) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    control.pause = true;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        control.cancel = true;
    });
    const auto r = train(*model, small_config(""), data, obs, control);
    canceller.join();
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.steps_done, 0);
    EXPECT_TRUE(obs.steps.empty());
}

TEST(Trainer, classificationReportsAccuracyF1AndMatthews) {
    std::vector<data::Example> examples;
    for (int i = 0; i < 12; ++i) {
        data::Example e;
        e.label = i % 2;
        for (int t = 0; t < 5; ++t) e.input_ids.push_back(e.label == 0 ? 3 + t : 20 + t);
        examples.push_back(e);
    }
    TrainData data;
    data.train = &examples;
    data.eval = &examples;
    data.num_classes = 2;
    auto model = test::random_model(test::tiny_llama(), TaskHead::SequenceClassification, 1);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":2})"),
                                    test::module_spec(R"({"kind":"task_head"})")}),
           5);
    auto config = small_config("");
    config.max_steps = 20;
    config.schedule = ScheduleKind::Constant;
    test::RecordingObserver obs;
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_EQ(obs.evals.size(), 1u);
    EXPECT_GE(obs.evals[0].accuracy, 0.0);
    EXPECT_LE(obs.evals[0].accuracy, 1.0);
    EXPECT_LT(obs.evals[0].loss, obs.steps.front().loss);
}

TEST(Trainer, bf16AutocastRunsWithFiniteLoss) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    auto config = small_config("");
    config.max_steps = 3;
    config.bf16 = true;
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    const auto r = train(*model, config, data, obs, control);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_EQ(obs.steps.size(), 3u);
    for (const auto& s : obs.steps) EXPECT_TRUE(std::isfinite(s.loss));
    // Parameters stay in float32: autocast only changes the compute dtype.
    for (const auto& p : named_trainable_parameters(*model)) EXPECT_EQ(p.tensor.scalar_type(), torch::kFloat);
}

TEST(Trainer, resumeFromACheckpointOfAnotherRecipeFailsNamingTheTensor) {
    const auto examples = test::counting_examples(8);
    TrainData data;
    data.train = &examples;
    const auto dir = test::train_dir("resume_mismatch");
    auto config = small_config(dir);
    config.max_steps = 1;
    auto model = test::tiny_lora_llama();
    test::RecordingObserver obs;
    TrainControl control;
    auto r = train(*model, config, data, obs, control);
    ASSERT_FALSE(r.failed) << r.error;

    auto other = test::random_model(test::tiny_llama(), TaskHead::CausalLM, 1);
    inject(*other, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["k"],"r":2})")}), 5);
    test::RecordingObserver other_obs;
    r = train(*other, config, data, other_obs, control, r.last_checkpoint);
    ASSERT_TRUE(r.failed);
    EXPECT_NE(r.error.find("weights.safetensors"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find(named_trainable_parameters(*other).front().name), std::string::npos) << r.error;
}
