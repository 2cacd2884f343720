// SPDX-License-Identifier: MIT
#include "demo/pretrain.h"

#include "core/error.h"
#include "demo/tokenizer_files.h"
#include "train/trainer.h"

#include <algorithm>
#include <chrono>

namespace peft::demo {
namespace {

/// Forwards steps to the caller's progress callback and turns the caller's cancel flag and the
/// time budget into the trainer's own cancel flag (read before every micro-batch).
class PretrainObserver : public TrainObserver {
public:
    PretrainObserver(TrainControl& control, const DemoProgressFn& progress, const std::atomic<bool>* cancel,
                     double max_seconds)
        : control_(control), progress_(progress), cancel_(cancel), max_seconds_(max_seconds) {}

    void on_started(int64_t /*first_step*/, int64_t total_steps) override {
        total_ = total_steps;
        poll(0);
    }
    void on_step(const StepMetrics& m) override {
        if (progress_) progress_({"pretrain", m.step, total_, m.loss});
        poll(m.elapsed);
    }
    void on_failed(const std::string& message) override { failure = message; }

    bool cancelled = false, time_capped = false;
    std::string failure;

private:
    void poll(double elapsed) {
        if (cancel_ && cancel_->load()) {
            cancelled = true;
            control_.cancel = true;
        } else if (max_seconds_ > 0 && elapsed >= max_seconds_) {
            time_capped = true;
            control_.cancel = true;
        }
    }

    TrainControl& control_;
    const DemoProgressFn& progress_;
    const std::atomic<bool>* cancel_;
    double max_seconds_;
    int64_t total_ = 0;
};

/// Sets torch's intra-op threads for the build and restores them after: the studio's other work
/// keeps its own setting.
class ThreadScope {
public:
    explicit ThreadScope(int threads) : previous_(torch::get_num_threads()) {
        if (threads > 0) torch::set_num_threads(threads);
    }
    ~ThreadScope() { torch::set_num_threads(previous_); }
    ThreadScope(const ThreadScope&) = delete;
    ThreadScope& operator=(const ThreadScope&) = delete;

private:
    int previous_;
};

} // namespace

nlohmann::json tiny_llama_config_json(const DemoOptions& o, int64_t vocab_size) {
    const int64_t ffn = (o.hidden_size * 8 / 3 + 31) / 32 * 32;
    return {{"architectures", {"LlamaForCausalLM"}},
            {"model_type", "llama"},
            {"vocab_size", vocab_size},
            {"hidden_size", o.hidden_size},
            {"intermediate_size", ffn},
            {"num_hidden_layers", o.layers},
            {"num_attention_heads", o.heads},
            {"num_key_value_heads", o.heads},
            {"max_position_embeddings", o.block_size},
            {"rms_norm_eps", 1e-5},
            {"rope_theta", 10000.0},
            {"hidden_act", "silu"},
            {"initializer_range", 0.02},
            {"tie_word_embeddings", false},
            {"attention_bias", false},
            {"mlp_bias", false},
            {"bos_token_id", kBosId},
            {"eos_token_id", kEosId},
            {"pad_token_id", kPadId},
            {"use_cache", true},
            {"torch_dtype", "float32"}};
}

PretrainOutcome pretrain(TransformerImpl& model, const std::vector<data::Example>& train,
                         const std::vector<data::Example>& eval, const DemoOptions& options,
                         const DemoProgressFn& progress, const std::atomic<bool>* cancel) {
    ThreadScope threads(options.threads);
    data::CollateOptions collate;
    collate.pad_id = kPadId;
    PretrainOutcome out;
    const auto initial = evaluate(model, eval, collate, options.batch_size, 0);
    out.initial_loss = initial.loss;

    TrainConfig config;
    config.lr = options.lr;
    config.schedule = ScheduleKind::Cosine;
    config.warmup_steps = std::max<int64_t>(1, options.max_steps / 20);
    config.max_steps = options.max_steps;
    config.batch_size = options.batch_size;
    config.weight_decay = 0.1; // small-model pretraining habit; only matrices decay (see training.md)
    config.beta2 = 0.95;
    config.seed = options.seed;
    config.threads = 0;        // ThreadScope has set them, and restores them afterwards
    config.output_dir.clear(); // no checkpoints: the demo is rebuilt from scratch if interrupted

    TrainData data;
    data.train = &train;
    data.eval = nullptr; // measured here, before and after, rather than by the loop
    data.collate = collate;
    TrainControl control;
    PretrainObserver observer(control, progress, cancel, options.max_seconds);
    const TrainResult r = peft::train(model, config, data, observer, control);
    if (r.failed) throw Error("pretraining the demo model failed: " + r.error);
    out.steps_done = r.steps_done;
    out.cancelled = observer.cancelled;
    out.time_capped = observer.time_capped && !observer.cancelled;
    if (out.cancelled) return out;

    const auto after = evaluate(model, eval, collate, options.batch_size, 0);
    out.final_loss = after.loss;
    out.final_perplexity = after.perplexity;
    return out;
}

} // namespace peft::demo
