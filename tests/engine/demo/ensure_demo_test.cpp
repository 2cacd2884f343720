// SPDX-License-Identifier: MIT
// Building, caching and reloading the demo with a tiny budget.
#include "core/error.h"
#include "data/prepare.h"
#include "data/token_encoder.h"
#include "demo/demo.h"
#include "demo/demo_cache.h"
#include "demo/files.h"
#include "demo/tokenizer_files.h"
#include "demo_test_util.h"
#include "generate/generate.h"
#include "io/model_config.h"
#include "models/model_io.h"
#include "tokenizers/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace peft;
using namespace peft::demo;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One tiny demo shared by the tests that only read it (building takes a few seconds).
class BuiltDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        folder_ = new test::TempFolder("built");
        result_ = new DemoResult(ensure_demo(folder_->str(), test::tiny_demo_options(),
                                             [](const DemoProgress& p) { stages_.push_back(p); }));
    }
    static void TearDownTestSuite() {
        delete result_;
        delete folder_;
    }
    static test::TempFolder* folder_;
    static DemoResult* result_;
    static std::vector<DemoProgress> stages_;
};
test::TempFolder* BuiltDemo::folder_ = nullptr;
DemoResult* BuiltDemo::result_ = nullptr;
std::vector<DemoProgress> BuiltDemo::stages_;

} // namespace

TEST_F(BuiltDemo, reportsEveryStageInOrder) {
    std::vector<std::string> order;
    for (const auto& p : stages_)
        if (order.empty() || order.back() != p.stage) order.push_back(p.stage);
    EXPECT_EQ(order, (std::vector<std::string>{"corpus", "tokenizer", "pretrain", "save", "datasets", "done"}));
    int64_t steps = 0;
    for (const auto& p : stages_)
        if (p.stage == "pretrain" && p.total > 0) {
            EXPECT_EQ(p.total, 40);
            steps = p.step;
        }
    EXPECT_EQ(steps, 40);
}

TEST_F(BuiltDemo, isAHuggingFaceFolderTheEngineLoads) {
    const DemoResult& r = *result_;
    EXPECT_FALSE(r.cancelled);
    EXPECT_FALSE(r.from_cache);
    EXPECT_EQ(r.root, demo_root(folder_->str()));
    EXPECT_EQ(r.steps_done, 40);
    for (const char* f : {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                          "special_tokens_map.json", "generation_config.json", "README.md"})
        EXPECT_TRUE(fs::is_regular_file(fs::path(r.model_dir) / f)) << f;
    EXPECT_NE(read_all(fs::path(r.model_dir) / "README.md").find("PEFT Studio demo model"), std::string::npos);

    const auto config = ModelConfig::load(r.model_dir + "/config.json");
    EXPECT_EQ(config.model_type, "llama");
    EXPECT_EQ(config.architectures, std::vector<std::string>{"LlamaForCausalLM"});
    EXPECT_EQ(config.hidden_size, 32);
    EXPECT_EQ(config.num_layers, 2);
    EXPECT_EQ(config.vocab_size, 400);

    const auto tokenizer = load_tokenizer(r.model_dir);
    EXPECT_EQ(tokenizer->vocab_size(), config.vocab_size);
    const std::string text = "Lily went to the park with Tom.";
    EXPECT_EQ(tokenizer->decode(tokenizer->encode(text).ids), text);

    Transformer model = load_model(r.model_dir);
    GenerationOptions g;
    g.greedy = true;
    g.max_new_tokens = 12;
    g.eos_ids = {kEosId};
    const auto ids = generate(*model, tokenizer->encode("Once upon a time,").ids, g);
    EXPECT_FALSE(ids.empty());
    for (auto id : ids) EXPECT_LT(id, config.vocab_size);
}

TEST_F(BuiltDemo, pretrainingLowersTheHeldOutLoss) {
    const DemoResult& r = *result_;
    EXPECT_NEAR(r.initial_loss, std::log(400.0), 0.3) << "an untrained model is close to uniform";
    EXPECT_LT(r.final_loss, r.initial_loss - 1.5) << r.initial_loss << " -> " << r.final_loss;
    EXPECT_NEAR(r.final_perplexity, std::exp(r.final_loss), 1e-3 * r.final_perplexity);
}

TEST_F(BuiltDemo, secondCallUsesTheCacheAtOnce) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> stages;
    const DemoResult again = ensure_demo(folder_->str(), test::tiny_demo_options(),
                                         [&](const DemoProgress& p) { stages.push_back(p.stage); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_TRUE(again.from_cache);
    EXPECT_LT(seconds, 0.5);
    EXPECT_EQ(stages, std::vector<std::string>{"done"});
    EXPECT_EQ(again.model_dir, result_->model_dir);
    EXPECT_EQ(again.final_loss, result_->final_loss);
    ASSERT_TRUE(find_demo(folder_->str(), test::tiny_demo_options()));
    // Other content options are another demo; the time cap and threads are not.
    auto other = test::tiny_demo_options();
    other.seed = 8;
    EXPECT_FALSE(find_demo(folder_->str(), other));
    other = test::tiny_demo_options();
    other.max_seconds = 99;
    other.threads = 1;
    EXPECT_TRUE(find_demo(folder_->str(), other));
    // Nothing but the demo itself is left in the cache folder.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder_->path())) names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{fs::path(result_->root).filename().string()});
}

TEST_F(BuiltDemo, datasetsLoadAsTheStudioWillUseThem) {
    const DemoResult& r = *result_;
    const auto tokenizer = load_tokenizer(r.model_dir);
    const auto encoder = data::TokenEncoder::from(*tokenizer);

    data::DataConfig sentiment;
    sentiment.train_file = r.sentiment_train;
    sentiment.eval_file = r.sentiment_dev;
    sentiment.format = data::DataFormat::Classification;
    sentiment.columns = data::ColumnMapping::from_json({{"text", "text"}, {"label", "label"}});
    const auto s = data::prepare_data(sentiment, encoder);
    EXPECT_EQ(s.train.examples.size(), 200u);
    EXPECT_EQ(s.eval.examples.size(), 40u);
    ASSERT_TRUE(s.train.labels);
    EXPECT_EQ(s.train.labels->names, (std::vector<std::string>{"negative", "positive"}));

    data::DataConfig stories;
    stories.train_file = r.stories_train;
    stories.eval_file = r.stories_dev;
    stories.format = data::DataFormat::Text;
    stories.text_split = data::TextSplit::Paragraphs;
    stories.block_size = 64;
    const auto t = data::prepare_data(stories, encoder);
    EXPECT_EQ(t.train.source_rows, 30u);
    EXPECT_GT(t.train.examples.size(), 10u);
    EXPECT_FALSE(t.eval.examples.empty());
    EXPECT_NE(read_all(r.stories_train).find("The lesson: "), std::string::npos);
}

TEST(EnsureDemo, isDeterministicForASeed) {
    test::TempFolder a("det-a"), b("det-b");
    auto options = test::tiny_demo_options();
    options.max_steps = 5;
    options.threads = 1; // same threads, same sums
    const auto ra = ensure_demo(a.str(), options), rb = ensure_demo(b.str(), options);
    for (const char* f : {"model/model.safetensors", "model/tokenizer.json", "data/demo-sentiment.csv",
                          "data/demo-stories.txt"})
        EXPECT_EQ(read_all(fs::path(ra.root) / f), read_all(fs::path(rb.root) / f)) << f;
    EXPECT_EQ(ra.final_loss, rb.final_loss);
}

TEST(EnsureDemo, aFolderWithoutItsStampIsRebuiltNotUsed) {
    test::TempFolder cache("partial");
    auto options = test::tiny_demo_options();
    options.max_steps = 3;
    const auto first = ensure_demo(cache.str(), options);
    fs::remove(fs::path(first.root) / kStampFile); // as if the build had died before finishing
    EXPECT_FALSE(find_demo(cache.str(), options));
    const auto second = ensure_demo(cache.str(), options);
    EXPECT_FALSE(second.from_cache);
    EXPECT_TRUE(fs::exists(fs::path(second.root) / kStampFile));

    // A damaged stamp or a missing file counts as incomplete too.
    { std::ofstream(fs::path(second.root) / kStampFile) << "{\"version\": "; }
    EXPECT_FALSE(find_demo(cache.str(), options));
    ensure_demo(cache.str(), options);
    fs::remove(fs::path(second.root) / "model" / "model.safetensors");
    EXPECT_FALSE(find_demo(cache.str(), options));
}

TEST(EnsureDemo, leftoversOfDeadBuildsAreRemoved) {
    test::TempFolder cache("stale");
    // A build folder of a process that no longer exists (pids never reach 2^30 on Linux).
    const fs::path stale = cache.path() / (".peft-demo-v" + std::to_string(kDemoVersion) + ".partial-1073741823-0");
    fs::create_directories(stale / "model");
    auto options = test::tiny_demo_options();
    options.max_steps = 2;
    ensure_demo(cache.str(), options);
    EXPECT_FALSE(fs::exists(stale));
}

TEST(EnsureDemo, cancelKeepsNothing) {
    test::TempFolder cache("cancel");
    std::atomic<bool> cancel{false};
    int64_t last_step = 0;
    const auto r = ensure_demo(cache.str(), test::tiny_demo_options(),
                               [&](const DemoProgress& p) {
                                   if (p.stage == "pretrain" && p.step >= 3) cancel = true;
                                   if (p.stage == "pretrain") last_step = p.step;
                               },
                               &cancel);
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.model_dir.empty());
    EXPECT_LT(last_step, 10);
    EXPECT_TRUE(fs::is_empty(cache.path())) << "no demo and no temporary folder";
}

TEST(EnsureDemo, anUnwritableFolderIsNamedInTheError) {
    test::TempFolder cache("unwritable");
    const fs::path file = cache.path() / "not-a-folder";
    std::ofstream(file) << "x";
    try {
        ensure_demo((file / "demo").string(), test::tiny_demo_options());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find((file / "demo").string()), std::string::npos) << e.what();
    }
}

TEST(EnsureDemo, aFullDiskIsNamedInTheError) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
    try {
        write_text_file("/dev/full", std::string(1 << 16, 'x')); // every write fails with ENOSPC
        FAIL() << "expected an error";
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("/dev/full"), std::string::npos) << message;
        EXPECT_NE(message.find("disk full"), std::string::npos) << message;
    }
}

TEST(EnsureDemo, badOptionsAreRefused) {
    test::TempFolder cache("options");
    auto options = test::tiny_demo_options();
    options.hidden_size = 31; // not a multiple of the 2 heads
    EXPECT_THROW(ensure_demo(cache.str(), options), Error);
    EXPECT_THROW(ensure_demo("", test::tiny_demo_options()), Error);
}
