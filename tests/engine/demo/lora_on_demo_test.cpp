// SPDX-License-Identifier: MIT
// The demo is something to train: a LoRA run configuration on the demo model and its datasets
// goes through the same engine entry point as the studio's Train page.
#include "demo/demo.h"
#include "demo_test_util.h"
#include "train/run.h"
#include "train/run_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstdio>

using namespace peft;
using namespace peft::demo;

namespace {

struct EvalLog : RunObserver {
    std::vector<EvalMetrics> evals;
    std::string failure;
    void on_eval(const EvalMetrics& m) override { evals.push_back(m); }
    void on_failed(const std::string& message) override { failure = message; }
};

nlohmann::json sentiment_run(const DemoResult& demo, int64_t steps) {
    return {{"version", 1},
            {"name", "demo-sentiment-lora"},
            {"model", demo.model_dir},
            {"data",
             {{"train_file", demo.sentiment_train},
              {"eval_file", demo.sentiment_dev},
              {"format", "classification"},
              {"columns", {{"text", "text"}, {"label", "label"}}},
              {"max_length", 64}}},
            {"recipe", "lora"},
            {"training", {{"lr", 3e-3}, {"max_steps", steps}, {"batch_size", 16}, {"eval_every", steps / 2}}},
            {"seed", 0}};
}

nlohmann::json stories_run(const DemoResult& demo, int64_t steps, int64_t block_size) {
    return {{"version", 1},
            {"name", "demo-stories-lora"},
            {"model", demo.model_dir},
            {"data",
             {{"train_file", demo.stories_train},
              {"eval_file", demo.stories_dev},
              {"format", "text"},
              {"text_split", "paragraphs"},
              {"block_size", block_size}}},
            {"recipe", "lora"},
            {"training", {{"lr", 3e-3}, {"max_steps", steps}, {"batch_size", 8}, {"eval_every", 1}}},
            {"seed", 0}};
}

RunResult run(const nlohmann::json& j, EvalLog& log) {
    const RunConfig config = RunConfig::from_json(j, ".", "demo run");
    TrainControl control;
    return run_training(config, log, control);
}

} // namespace

TEST(LoraOnDemo, sentimentAndStoriesRunsTrainOnTheTinyDemo) {
    test::TempFolder cache("lora");
    const DemoResult demo = ensure_demo(cache.str(), test::tiny_demo_options());

    EvalLog sentiment;
    const RunResult s = run(sentiment_run(demo, 20), sentiment);
    ASSERT_FALSE(s.failed) << s.error;
    EXPECT_EQ(s.info.task, "classification");
    EXPECT_EQ(s.info.num_labels, 2);
    ASSERT_FALSE(sentiment.evals.empty());

    EvalLog stories;
    const RunResult t = run(stories_run(demo, 20, 64), stories);
    ASSERT_FALSE(t.failed) << t.error;
    ASSERT_GE(stories.evals.size(), 2u);
    EXPECT_LT(stories.evals.back().loss, stories.evals.front().loss) << "the fable style is learnable";
}

/// Not a test: LoRA on the default demo, for docs/demo.md (about two minutes). Uses the demo in
/// PEFT_DEMO_MEASURE_DIR when one is there (see default_budget_measure_test.cpp).
TEST(LoraOnDemo, DISABLED_measureDefault) {
    test::TempFolder temp("lora-measure");
    const char* keep = std::getenv("PEFT_DEMO_MEASURE_DIR");
    const DemoResult demo = ensure_demo(keep && *keep ? keep : temp.str());
    // The untrained adapter (a run that cannot move): where both curves start.
    for (auto j : {sentiment_run(demo, 1), stories_run(demo, 1, 128)}) {
        j["training"]["lr"] = 1e-12;
        EvalLog base;
        ASSERT_FALSE(run(j, base).failed);
        std::printf("base %s: loss %.3f accuracy %.3f perplexity %.2f\n", j["name"].get<std::string>().c_str(),
                    base.evals.back().loss, base.evals.back().accuracy, base.evals.back().perplexity);
    }
    EvalLog sentiment;
    auto sj = sentiment_run(demo, 150);
    sj["training"]["eval_every"] = 10;
    const RunResult s = run(sj, sentiment);
    ASSERT_FALSE(s.failed) << s.error;
    for (const auto& e : sentiment.evals)
        std::printf("sentiment step %lld: loss %.3f accuracy %.3f\n", static_cast<long long>(e.step), e.loss, e.accuracy);
    std::printf("sentiment: %lld trainable of %lld, %.1f s\n", static_cast<long long>(s.info.trainable_parameters),
                static_cast<long long>(s.info.total_parameters), s.train_seconds);
    EvalLog stories;
    auto j = stories_run(demo, 100, 128);
    j["training"]["eval_every"] = 25;
    const RunResult t = run(j, stories);
    ASSERT_FALSE(t.failed) << t.error;
    for (const auto& e : stories.evals)
        std::printf("stories step %lld: loss %.3f perplexity %.2f\n", static_cast<long long>(e.step), e.loss, e.perplexity);
    std::printf("stories: %.1f s\n", t.train_seconds);
}
