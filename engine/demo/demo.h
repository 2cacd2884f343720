// SPDX-License-Identifier: MIT
// The studio's self-contained demo: a tiny Llama pretrained on a generated corpus, with its
// tokenizer and two small task datasets, built on first use into a cache folder and reused after.
// Plain types only (no LibTorch): the Qt side includes this to start and follow the build.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace peft::demo {

/// Bumped whenever the corpus, tokenizer, model or file layout changes: a cached demo with
/// another version is rebuilt.
inline constexpr int kDemoVersion = 1;

/// What to build. Every field except `max_seconds` and `threads` is part of the cache key: a
/// cached demo built with other values is rebuilt.
struct DemoOptions {
    uint64_t seed = 1234;           ///< corpus, tokenizer, initial weights and data order
    int64_t max_steps = 200;        ///< pretraining optimizer steps (the deterministic budget;
                                    ///< about a minute on 2 idle cores)
    /// Wall-clock cap on pretraining in seconds; 0 = none. When it stops the run before
    /// `max_steps`, the model is kept (it is complete, just trained less) but is no longer
    /// reproducible from the seed.
    double max_seconds = 0;
    int threads = 0;                ///< torch intra-op threads while building; 0 = leave as is

    int64_t stories = 1500;         ///< pretraining stories (~420 bytes each)
    int64_t vocab_size = 768;       ///< at most this many tokens (4 special + 256 bytes + merges);
                                    ///< fewer when every word of the corpus is one token already
    int64_t hidden_size = 96;
    int64_t layers = 4;
    int64_t heads = 4;
    int64_t block_size = 128;       ///< pretraining sequence length (also max_position_embeddings)
    int64_t batch_size = 16;
    double lr = 3e-3;

    int64_t sentiment_train = 3000; ///< rows of demo-sentiment.csv
    int64_t sentiment_dev = 400;    ///< rows of demo-sentiment-dev.csv
    int64_t fables_train = 800;     ///< stories of demo-stories.txt
    int64_t fables_dev = 100;       ///< stories of demo-stories-dev.txt
};

/// One progress report. Stages, in order: "corpus", "tokenizer", "pretrain" (step of total,
/// with the step's loss), "save", "datasets", "done". A cached demo reports only "done".
struct DemoProgress {
    std::string stage;
    int64_t step = 0;
    int64_t total = 0;
    double loss = 0;
};

struct DemoResult {
    bool cancelled = false;         ///< the build was cancelled: nothing was kept, paths are empty
    bool from_cache = false;        ///< found complete in the cache; nothing was built
    std::string root;               ///< <cache_dir>/peft-demo-v<version>
    std::string model_dir;          ///< Hugging Face folder: config.json, model.safetensors, tokenizer
    std::string sentiment_train;    ///< CSV text,label (positive/negative)
    std::string sentiment_dev;
    std::string stories_train;      ///< plain text, stories separated by blank lines (paragraphs)
    std::string stories_dev;
    int64_t steps_done = 0;         ///< pretraining steps actually made
    double initial_loss = 0;        ///< held-out loss of the untrained model
    double final_loss = 0;          ///< held-out loss after pretraining
    double final_perplexity = 0;
    double build_seconds = 0;       ///< of the build that made it (also when read from the cache)
};

using DemoProgressFn = std::function<void(const DemoProgress&)>;

/// Returns the demo under `cache_dir`, building it first when no complete one for these options
/// is there. A build happens in a temporary sibling folder that is renamed into place only when
/// complete, so an interrupted build is never used (and its leftovers are removed by a later
/// call). Runs on the caller's thread; `progress` is called on it. `cancel` (may be null) is read
/// between stages and before every training step. Throws peft::Error naming the folder when it
/// cannot be written (disk full, read-only).
DemoResult ensure_demo(const std::string& cache_dir, const DemoOptions& options = {},
                       const DemoProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

/// The complete demo for these options under `cache_dir`, if there is one; never builds.
std::optional<DemoResult> find_demo(const std::string& cache_dir, const DemoOptions& options = {});

} // namespace peft::demo
