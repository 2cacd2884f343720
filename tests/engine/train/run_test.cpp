// SPDX-License-Identifier: MIT
// Whole runs from a RunConfig on stories260K: LoRA on Shakespeare (the loss drops), a
// classification head on SST-2 (evaluating the saved checkpoint gives the run's own metrics),
// cancel + resume, and configuration failures reported without throwing.
#include "test_assets.h"
#include "train/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>

using namespace peft;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Recorder : RunObserver {
    std::vector<StepMetrics> steps;
    std::vector<EvalMetrics> evals;
    std::vector<std::string> checkpoints;
    std::optional<RunInfo> info;
    std::string failure;
    std::function<void(const StepMetrics&)> after_step;

    void on_prepared(const RunInfo& i) override { info = i; }
    void on_step(const StepMetrics& m) override {
        steps.push_back(m);
        if (after_step) after_step(m);
    }
    void on_eval(const EvalMetrics& m) override { evals.push_back(m); }
    void on_checkpoint(const std::string& path, int64_t) override { checkpoints.push_back(path); }
    void on_failed(const std::string& message) override { failure = message; }
};

json shakespeare_lora(const std::string& assets, const std::string& out) {
    return json{{"version", 1},
                {"model", assets + "/models/stories260K"},
                {"data", {{"train_file", assets + "/data/text/tinyshakespeare.txt"}, {"format", "text"},
                          {"block_size", 64}, {"max_train_examples", 64}}},
                {"recipe", {{"preset", "lora"}, {"overrides", {{"lora", {{"r", 8}, {"alpha", 16}}}}}}},
                {"training", {{"lr", 1e-2}, {"max_steps", 16}, {"batch_size", 8}, {"warmup_steps", 2},
                              {"schedule", "constant"}}},
                {"output_dir", out},
                {"seed", 0},
                {"threads", 1}};
}

json sst2_head(const std::string& assets, const std::string& out) {
    const std::string dev = assets + "/data/glue/SST-2/dev.tsv";
    return json{{"version", 1},
                {"model", assets + "/models/stories260K"},
                {"data", {{"train_file", dev}, {"eval_file", dev}, {"format", "classification"},
                          {"columns", {{"text", "sentence"}, {"label", "label"}}}, {"max_length", 64},
                          {"max_train_examples", 96}, {"max_eval_examples", 48}}},
                {"recipe", {{"preset", "lora"}, {"overrides", {{"lora", {{"r", 8}, {"alpha", 16}}}}}}},
                {"training", {{"lr", 2e-3}, {"max_steps", 6}, {"batch_size", 16}, {"warmup_ratio", 0.06}}},
                {"eval", {{"batch_size", 24}}},
                {"output_dir", out},
                {"seed", 0},
                {"threads", 1}};
}

double mean_loss(const std::vector<StepMetrics>& steps, std::size_t from, std::size_t to) {
    double sum = 0;
    for (std::size_t i = from; i < to; ++i) sum += steps[i].loss;
    return sum / static_cast<double>(to - from);
}

} // namespace

TEST(Run, loraOnShakespeareLowersTheLossAndWritesTheRun) {
    const auto out = test::temp_dir("run_lm");
    const auto run = RunConfig::from_json(shakespeare_lora(test::assets_dir(), out.string()), "/", "run.json");
    Recorder observer;
    TrainControl control;
    const auto result = run_training(run, observer, control);
    ASSERT_FALSE(result.failed) << result.error;
    ASSERT_TRUE(observer.info);
    EXPECT_EQ(observer.info->task, "causal_lm");
    EXPECT_EQ(observer.info->train_examples, 64);
    EXPECT_GT(observer.info->trainable_parameters, 0);
    EXPECT_LT(observer.info->trainable_parameters, observer.info->total_parameters / 5);
    ASSERT_EQ(observer.steps.size(), 16u);
    const double first = mean_loss(observer.steps, 0, 4), last = mean_loss(observer.steps, 12, 16);
    EXPECT_LT(last, first - 0.05) << "first steps " << first << ", last steps " << last;
    EXPECT_TRUE(fs::exists(out / "run.json"));
    EXPECT_TRUE(fs::exists(out / "results.json"));
    EXPECT_TRUE(fs::exists(out / "checkpoint-16" / "weights.safetensors"));
    EXPECT_TRUE(fs::exists(out / "checkpoint-16" / "run.json")); // a checkpoint says how to rebuild its model
    const auto results = json::parse(std::ifstream(out / "results.json"));
    EXPECT_EQ(results["steps"], 16);
    EXPECT_EQ(results["trainable_parameters"], observer.info->trainable_parameters);
    fs::remove_all(out);
}

TEST(Run, classificationCheckpointEvaluatesToTheRunsOwnMetrics) {
    const auto out = test::temp_dir("run_cls");
    const auto run = RunConfig::from_json(sst2_head(test::assets_dir(), out.string()), "/", "run.json");
    Recorder observer;
    TrainControl control;
    const auto result = run_training(run, observer, control);
    ASSERT_FALSE(result.failed) << result.error;
    EXPECT_EQ(observer.info->task, "classification");
    EXPECT_EQ(observer.info->num_labels, 2);
    EXPECT_EQ(observer.info->eval_examples, 48);
    ASSERT_TRUE(result.final_eval);
    EXPECT_EQ(result.final_eval->step, 6);
    EXPECT_GE(result.final_eval->accuracy, 0.0);
    ASSERT_FALSE(result.last_checkpoint.empty());

    const auto evaluation = run_evaluation(run, result.last_checkpoint);
    EXPECT_EQ(evaluation.examples, 48);
    EXPECT_NEAR(evaluation.metrics.loss, result.final_eval->loss, 1e-5);
    EXPECT_DOUBLE_EQ(evaluation.metrics.accuracy, result.final_eval->accuracy);

    // A checkpoint from another recipe is refused, naming the tensor.
    auto other = sst2_head(test::assets_dir(), out.string());
    other["recipe"] = "ia3";
    EXPECT_THROW((void)run_evaluation(RunConfig::from_json(other, "/", "run.json"), result.last_checkpoint), Error);
    fs::remove_all(out);
}

TEST(Run, cancelKeepsACheckpointAndResumeFinishesTheRun) {
    const auto out = test::temp_dir("run_cancel");
    auto j = shakespeare_lora(test::assets_dir(), out.string());
    j["training"]["max_steps"] = 6;
    const auto run = RunConfig::from_json(j, "/", "run.json");

    Recorder first;
    TrainControl control;
    first.after_step = [&](const StepMetrics& m) {
        if (m.step == 3) control.cancel = true;
    };
    const auto stopped = run_training(run, first, control);
    ASSERT_FALSE(stopped.failed) << stopped.error;
    ASSERT_TRUE(stopped.cancelled);
    EXPECT_EQ(stopped.steps_done, 3);
    ASSERT_TRUE(fs::exists(fs::path(stopped.last_checkpoint) / "trainer_state.json"));

    Recorder second;
    TrainControl fresh;
    const auto resumed = run_training(run, second, fresh, stopped.last_checkpoint);
    ASSERT_FALSE(resumed.failed) << resumed.error;
    EXPECT_EQ(resumed.steps_done, 6);
    ASSERT_EQ(second.steps.size(), 3u);
    EXPECT_EQ(second.steps.front().step, 4);
    fs::remove_all(out);
}

TEST(Run, configurationFailuresAreReportedNotThrown) {
    auto j = sst2_head(test::assets_dir(), "");
    j["recipe"] = {{"version", 1}, {"modules", {{{"kind", "lora"}, {"sites", {"no_such_site"}}}}}};
    const auto run = RunConfig::from_json(j, "/", "run.json");
    Recorder observer;
    TrainControl control;
    const auto result = run_training(run, observer, control);
    EXPECT_TRUE(result.failed);
    EXPECT_TRUE(result.config_error);
    EXPECT_NE(result.error.find("run.json: key 'recipe'"), std::string::npos) << result.error;
    EXPECT_EQ(observer.failure, result.error);

    const auto bad_resume = run_training(RunConfig::from_json(sst2_head(test::assets_dir(), ""), "/", "run.json"),
                                         observer, control, "/nonexistent/checkpoint-3");
    EXPECT_TRUE(bad_resume.failed);
    EXPECT_TRUE(bad_resume.config_error);
    EXPECT_NE(bad_resume.error.find("trainer_state.json"), std::string::npos) << bad_resume.error;
}
