// SPDX-License-Identifier: MIT
#include "demo/build.h"

#include "core/error.h"
#include "data/causal_lm.h"
#include "data/token_encoder.h"
#include "demo/bpe_learner.h"
#include "demo/datasets.h"
#include "demo/demo_cache.h"
#include "demo/files.h"
#include "demo/grammar.h"
#include "demo/model_card.h"
#include "demo/pretrain.h"
#include "demo/tokenizer_files.h"
#include "models/model_io.h"
#include "tokenizers/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace peft::demo {
namespace fs = std::filesystem;
namespace {

void report(const DemoProgressFn& progress, const char* stage) {
    if (progress) progress({stage, 0, 0, 0.0});
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

void check_options(const DemoOptions& o) {
    auto require = [](bool ok, const std::string& what) {
        if (!ok) throw Error("demo options: " + what);
    };
    require(o.max_steps > 0, "max_steps must be positive");
    require(o.stories >= 20, "stories must be at least 20");
    require(o.vocab_size > 260, "vocab_size must exceed 260 (4 special tokens and 256 bytes)");
    require(o.hidden_size > 0 && o.heads > 0 && o.hidden_size % o.heads == 0,
            "hidden_size must be a positive multiple of heads");
    require(o.layers > 0 && o.block_size >= 8 && o.batch_size > 0 && o.lr > 0, "layers, block_size (>= 8), batch_size "
                                                                                 "and lr must be positive");
    require(o.sentiment_train > 0 && o.sentiment_dev > 0 && o.fables_train > 0 && o.fables_dev > 0,
            "dataset sizes must be positive");
}

/// The tokenizer must give back every text it encodes, or the model would learn garbage: checked
/// on real stories through the engine's own loader, as the studio will use it.
void check_round_trip(const Tokenizer& tokenizer, const std::vector<std::string>& samples, const std::string& dir) {
    for (const auto& text : samples) {
        const auto ids = tokenizer.encode(text, false).ids;
        if (tokenizer.decode(ids) != text)
            throw Error("the demo tokenizer in " + dir + " does not decode its own encoding of \"" + text.substr(0, 60) +
                        "...\"; this is a bug in PEFT Studio, please report it");
    }
}

} // namespace

std::optional<DemoResult> build_demo(const std::string& dir, const DemoOptions& o, const DemoProgressFn& progress,
                                     const std::atomic<bool>* cancel) {
    check_options(o);
    const auto started = std::chrono::steady_clock::now();
    const std::string model_dir = (fs::path(dir) / kModelFolder).string();
    const std::string data_dir = (fs::path(dir) / kDataFolder).string();
    create_folder(model_dir);
    create_folder(data_dir);

    report(progress, "corpus");
    std::vector<std::string> stories = make_stories(o.stories, o.seed);
    // The last twentieth (at least 4 stories) is held out to measure the loss before and after.
    const std::size_t held_out = std::max<std::size_t>(4, stories.size() / 20);
    const std::vector<std::string> eval_stories(stories.end() - static_cast<std::ptrdiff_t>(held_out), stories.end());
    stories.resize(stories.size() - held_out);
    if (cancelled(cancel)) return std::nullopt;

    report(progress, "tokenizer");
    const BpeVocabulary vocabulary = learn_byte_level_bpe(stories, o.vocab_size - 4);
    write_tokenizer_files(vocabulary, model_dir, o.block_size);
    const auto tokenizer = load_tokenizer(model_dir);
    check_round_trip(*tokenizer, {stories.front(), eval_stories.front(), make_fables(1, o.seed).front()}, model_dir);
    if (cancelled(cancel)) return std::nullopt;

    report(progress, "pretrain");
    const auto encoder = data::TokenEncoder::from(*tokenizer);
    const auto train_blocks = data::pack_documents(stories, encoder, {o.block_size, false});
    const auto eval_blocks = data::pack_documents(eval_stories, encoder, {o.block_size, true});
    if (train_blocks.examples.empty())
        throw Error("demo options: " + std::to_string(o.stories) + " stories do not fill one block of " +
                    std::to_string(o.block_size) + " tokens");
    const ModelConfig config = ModelConfig::from_json(tiny_llama_config_json(o, tokenizer_size(vocabulary)),
                                                      "the demo model's config");
    Transformer model = build_model(config, TaskHead::CausalLM);
    model->init_weights(o.seed);
    const PretrainOutcome trained = pretrain(*model, train_blocks.examples, eval_blocks.examples, o, progress, cancel);
    if (trained.cancelled || cancelled(cancel)) return std::nullopt;

    report(progress, "save");
    save_model(*model, model_dir);
    DemoResult r;
    r.root = dir;
    r.model_dir = model_dir;
    r.steps_done = trained.steps_done;
    r.initial_loss = trained.initial_loss;
    r.final_loss = trained.final_loss;
    r.final_perplexity = trained.final_perplexity;
    write_json_file(model_dir + "/generation_config.json",
                    {{"bos_token_id", kBosId}, {"eos_token_id", kEosId}, {"pad_token_id", kPadId},
                     {"_from_model_config", true}});
    if (cancelled(cancel)) return std::nullopt;

    report(progress, "datasets");
    const DatasetPaths paths = write_datasets(data_dir, o);
    r.sentiment_train = paths.sentiment_train;
    r.sentiment_dev = paths.sentiment_dev;
    r.stories_train = paths.stories_train;
    r.stories_dev = paths.stories_dev;

    int64_t parameters = 0;
    for (const auto& p : model->parameters()) parameters += p.numel();
    r.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    write_text_file(model_dir + "/README.md", model_card(o, r, tokenizer_size(vocabulary), parameters));
    write_json_file((fs::path(dir) / kStampFile).string(), make_stamp(o, r)); // last: marks the build complete
    return r;
}

} // namespace peft::demo
