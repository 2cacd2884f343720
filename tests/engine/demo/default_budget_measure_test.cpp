// SPDX-License-Identifier: MIT
// Not a test: builds the demo with the default options and prints the time, the held-out loss and
// a greedy sample, for docs/demo.md. Takes about a minute, so it is disabled; run it with
//   engine_demo_tests --gtest_also_run_disabled_tests --gtest_filter='*DefaultBudget*'
// PEFT_DEMO_MEASURE_DIR keeps the demo in that folder (default: a temporary folder).
#include "demo/demo.h"
#include "demo/tokenizer_files.h"
#include "demo_test_util.h"
#include "generate/generate.h"
#include "models/model_io.h"
#include "tokenizers/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace peft;
using namespace peft::demo;

TEST(DefaultBudget, DISABLED_measure) {
    test::TempFolder temp("measure");
    const char* keep = std::getenv("PEFT_DEMO_MEASURE_DIR");
    const std::string cache = keep && *keep ? keep : temp.str();
    DemoOptions options;
    // Overrides for trying other budgets.
    if (const char* v = std::getenv("PEFT_DEMO_MEASURE_STEPS")) options.max_steps = std::atoll(v);
    if (const char* v = std::getenv("PEFT_DEMO_MEASURE_HIDDEN")) options.hidden_size = std::atoll(v);
    if (const char* v = std::getenv("PEFT_DEMO_MEASURE_BATCH")) options.batch_size = std::atoll(v);
    if (const char* v = std::getenv("PEFT_DEMO_MEASURE_LR")) options.lr = std::atof(v);
    const auto started = std::chrono::steady_clock::now();
    double pretrain_started = -1;
    const auto r = ensure_demo(cache, options, [&](const DemoProgress& p) {
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (p.stage == "pretrain" && pretrain_started < 0) pretrain_started = t;
        if (p.stage != "pretrain" || p.step % 50 == 0)
            std::printf("progress %7.2f s  %-9s %4lld/%-4lld loss %.4f\n", t, p.stage.c_str(), static_cast<long long>(p.step),
                        static_cast<long long>(p.total), p.loss);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("built in %.1f s (pretraining from %.1f s): %lld steps, held-out loss %.3f -> %.3f, perplexity %.2f\n",
                seconds, pretrain_started, static_cast<long long>(r.steps_done), r.initial_loss, r.final_loss,
                r.final_perplexity);

    const auto tokenizer = load_tokenizer(r.model_dir);
    Transformer model = load_model(r.model_dir);
    GenerationOptions g;
    g.greedy = true;
    g.max_new_tokens = 100;
    g.eos_ids = {kEosId};
    for (const char* prompt : {"Once upon a time, there was a little girl named Lily.", "One sunny day, Tom went to the",
                               "Title: The brave fox and the kite\n"}) {
        const auto ids = generate(*model, tokenizer->encode(prompt).ids, g);
        std::printf("\nPROMPT: %s\nGREEDY: %s\n", prompt, tokenizer->decode(ids).c_str());
    }
    EXPECT_LT(r.final_loss, r.initial_loss);
}
