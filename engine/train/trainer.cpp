// SPDX-License-Identifier: MIT
#include "train/trainer.h"

#include "core/error.h"
#include "train/autocast.h"
#include "train/checkpoint.h"
#include "train/loss.h"
#include "train/metrics.h"
#include "train/optimizer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <thread>

namespace peft {
namespace {

using Clock = std::chrono::steady_clock;

torch::Device model_device(TransformerImpl& model) {
    auto params = model.parameters();
    return params.empty() ? torch::Device(torch::kCPU) : params.front().device();
}

ForwardInput to_input(const data::Batch& batch, const torch::Device& device) {
    ForwardInput input;
    input.input_ids = batch.input_ids.to(device);
    input.attention_mask = batch.attention_mask.to(device);
    if (batch.token_type_ids.defined()) input.token_type_ids = batch.token_type_ids.to(device);
    return input;
}

/// Walks the training set in micro-batches, epoch after epoch, in epoch_batches' shuffled order.
class DataCursor {
public:
    DataCursor(const TrainConfig& config, std::size_t n) : config_(config), n_(n) {}

    std::vector<std::size_t> next(int64_t& epoch, int64_t& index) {
        if (cached_epoch_ != epoch) load(epoch);
        if (index >= static_cast<int64_t>(batches_.size())) {
            ++epoch;
            index = 0;
            load(epoch);
        }
        return batches_[static_cast<std::size_t>(index++)];
    }

private:
    void load(int64_t epoch) {
        batches_ = data::epoch_batches(n_, static_cast<std::size_t>(config_.batch_size), config_.shuffle, config_.seed,
                                       static_cast<uint64_t>(epoch));
        cached_epoch_ = epoch;
    }
    const TrainConfig& config_;
    std::size_t n_;
    int64_t cached_epoch_ = -1;
    std::vector<std::vector<std::size_t>> batches_;
};

std::string format_step_failure(int64_t step, const std::string& what) {
    std::ostringstream out;
    out << "training stopped at step " << step << ": " << what
        << "; the update was not applied and the last good checkpoint is kept. Try a lower learning rate, "
           "gradient clipping (max_grad_norm) or full precision.";
    return out.str();
}

double total_grad_norm(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> norms;
    for (const auto& t : tensors)
        if (t.grad().defined()) norms.push_back(t.grad().detach().to(torch::kFloat).norm());
    return norms.empty() ? 0.0 : torch::stack(norms).norm().item<double>();
}

/// The first trainable parameter whose gradient holds NaN or inf.
std::string first_bad_gradient(const std::vector<NamedParameter>& params) {
    for (const auto& p : params) {
        const auto& g = p.tensor.grad();
        if (g.defined() && !torch::isfinite(g).all().item<bool>()) return p.name;
    }
    return "(unknown parameter)";
}

} // namespace

int64_t total_train_steps(const TrainConfig& config, std::size_t examples) {
    if (config.max_steps > 0) return config.max_steps;
    const auto batches = static_cast<int64_t>((examples + static_cast<std::size_t>(config.batch_size) - 1) /
                                              static_cast<std::size_t>(config.batch_size));
    const int64_t per_epoch = std::max<int64_t>(1, (batches + config.grad_accum - 1) / config.grad_accum);
    return per_epoch * config.epochs;
}

EvalMetrics evaluate(TransformerImpl& model, const std::vector<data::Example>& examples,
                     const data::CollateOptions& collate, int64_t batch_size, int64_t num_classes) {
    const bool was_training = model.is_training();
    model.eval();
    torch::NoGradGuard no_grad;
    const auto device = model_device(model);
    double total = 0;
    int64_t count = 0;
    std::vector<int64_t> predicted;
    std::vector<int64_t> truth;
    for (const auto& indices : data::epoch_batches(examples.size(), static_cast<std::size_t>(batch_size), false, 0, 0)) {
        const auto batch = data::collate(examples, indices, collate);
        const auto labels = batch.labels.to(device);
        torch::Tensor logits;
        const bool classification = model.head() == TaskHead::SequenceClassification;
        const auto loss = batch_loss(model, to_input(batch, device), labels, classification ? &logits : nullptr);
        total += loss.sum.item<double>();
        count += loss.count;
        if (model.head() == TaskHead::SequenceClassification) {
            const auto pred = logits.argmax(-1).to(torch::kCPU).contiguous();
            const auto gold = batch.labels.to(torch::kCPU).contiguous();
            for (int64_t i = 0; i < pred.size(0); ++i) {
                predicted.push_back(pred[i].item<int64_t>());
                truth.push_back(gold[i].item<int64_t>());
            }
        }
    }
    if (was_training) model.train();
    EvalMetrics m;
    m.loss = count > 0 ? total / static_cast<double>(count) : 0.0;
    if (model.head() == TaskHead::CausalLM) {
        m.perplexity = perplexity(total, count);
    } else if (!predicted.empty()) {
        int64_t classes = num_classes;
        for (auto id : truth) classes = std::max(classes, id + 1);
        for (auto id : predicted) classes = std::max(classes, id + 1);
        const auto c = classification_metrics(predicted, truth, classes);
        m.accuracy = c.accuracy;
        m.f1 = c.f1;
        m.matthews = c.matthews;
    }
    return m;
}

TrainResult train(TransformerImpl& model, const TrainConfig& config, const TrainData& data, TrainObserver& observer,
                  TrainControl& control, const std::string& resume_dir) {
    TrainResult result;
    auto fail = [&](const std::string& message) {
        result.failed = true;
        result.error = message;
        observer.on_failed(message);
        return result;
    };
    try {
        config.validate();
        if (!data.train || data.train->empty()) throw Error("the training set is empty: nothing to train on");
        if (config.threads > 0) torch::set_num_threads(config.threads);
        namespace fs = std::filesystem;
        const auto params = named_trainable_parameters(model);
        std::vector<torch::Tensor> tensors;
        for (const auto& p : params) tensors.push_back(p.tensor);
        auto optimizer = make_adamw(params, {config.lr, config.beta1, config.beta2, config.eps, config.weight_decay});

        const int64_t total = total_train_steps(config, data.train->size());
        Schedule schedule;
        schedule.kind = config.schedule;
        schedule.base_lr = config.lr;
        schedule.total_steps = total;
        schedule.warmup_steps = config.warmup_steps > 0
                                    ? config.warmup_steps
                                    : static_cast<int64_t>(std::ceil(config.warmup_ratio * static_cast<double>(total)));

        TrainProgress progress;
        if (!resume_dir.empty()) {
            progress = load_checkpoint(resume_dir, params, *optimizer);
        } else {
            torch::manual_seed(config.seed);
        }
        if (progress.has_best && !config.output_dir.empty())
            result.best_checkpoint = (fs::path(config.output_dir) / "best").string();

        auto save = [&](const std::string& name) {
            if (config.output_dir.empty()) return;
            const auto path = (fs::path(config.output_dir) / name).string();
            save_checkpoint(path, params, *optimizer, progress, config.to_json());
            result.last_checkpoint = path;
            observer.on_checkpoint(path, progress.step);
        };
        auto run_eval = [&]() {
            if (!data.eval || data.eval->empty()) return;
            auto m = evaluate(model, *data.eval, data.collate,
                              data.eval_batch_size > 0 ? data.eval_batch_size : config.batch_size, data.num_classes);
            m.step = progress.step;
            observer.on_eval(m);
            if (!progress.has_best || m.loss < progress.best_eval_loss) {
                progress.has_best = true;
                progress.best_eval_loss = m.loss;
                progress.best_step = progress.step;
                if (!config.output_dir.empty()) {
                    save("best");
                    result.best_checkpoint = result.last_checkpoint;
                }
            }
        };

        const auto device = model_device(model);
        DataCursor cursor(config, data.train->size());
        model.train();
        // Recompute block activations in backward when asked; the model's own setting comes back after.
        struct CheckpointingScope {
            TransformerImpl& model;
            bool was;
            ~CheckpointingScope() { model.set_gradient_checkpointing(was); }
        } checkpointing{model, model.gradient_checkpointing()};
        model.set_gradient_checkpointing(config.gradient_checkpointing);
        observer.on_started(progress.step, total);
        const auto started = Clock::now();
        bool cancelled = false;

        while (progress.step < total && !cancelled) {
            // What a checkpoint taken now must describe, should the step be abandoned half-way.
            const TrainProgress at_start = progress;
            const auto rng_at_start = cpu_rng_state();
            const auto step_started = Clock::now();
            const double lr = schedule.lr_at(progress.step);
            set_learning_rate(*optimizer, lr);
            optimizer->zero_grad();
            double loss_sum = 0;
            int64_t tokens = 0;
            int64_t samples = 0;
            for (int64_t micro = 0; micro < config.grad_accum; ++micro) {
                while (control.pause.load() && !control.cancel.load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                if (control.cancel.load()) {
                    cancelled = true;
                    break;
                }
                const auto indices = cursor.next(progress.epoch, progress.batch_index);
                const auto batch = data::collate(*data.train, indices, data.collate);
                LossResult loss;
                {
                    AutocastScope autocast(config.bf16, device);
                    loss = batch_loss(model, to_input(batch, device), batch.labels.to(device));
                }
                const double value = loss.loss.item<double>();
                if (!std::isfinite(value))
                    return fail(format_step_failure(at_start.step + 1, std::string("the loss is ") +
                                                                           (std::isnan(value) ? "NaN" : "infinite")));
                (loss.loss / static_cast<double>(config.grad_accum)).backward();
                loss_sum += value;
                tokens += batch.attention_mask.sum().item<int64_t>();
                samples += static_cast<int64_t>(indices.size());
            }
            if (cancelled) {
                // Abandon the partial step: same weights, data position and RNG as at its start.
                progress = at_start;
                set_cpu_rng_state(rng_at_start);
                optimizer->zero_grad();
                break;
            }
            // Checked before clipping: clipping by a NaN norm would spread NaN to every gradient and
            // hide which parameter went bad.
            if (!std::isfinite(total_grad_norm(tensors)))
                return fail(format_step_failure(at_start.step + 1,
                                                "the gradient of '" + first_bad_gradient(params) + "' is not finite"));
            const double max_norm = config.max_grad_norm > 0 ? config.max_grad_norm
                                                             : std::numeric_limits<double>::infinity();
            const double grad_norm = torch::nn::utils::clip_grad_norm_(tensors, max_norm);
            optimizer->step();
            ++progress.step;
            result.steps_done = progress.step;

            const double seconds = std::chrono::duration<double>(Clock::now() - step_started).count();
            StepMetrics m;
            m.step = progress.step;
            m.loss = loss_sum / static_cast<double>(config.grad_accum);
            m.lr = lr;
            m.grad_norm = grad_norm;
            m.tokens_per_s = seconds > 0 ? static_cast<double>(tokens) / seconds : 0;
            m.samples_per_s = seconds > 0 ? static_cast<double>(samples) / seconds : 0;
            m.tokens = tokens;
            m.elapsed = std::chrono::duration<double>(Clock::now() - started).count();
            observer.on_step(m);

            if (config.eval_every > 0 && progress.step % config.eval_every == 0) run_eval();
            if (config.save_every > 0 && progress.step % config.save_every == 0)
                save("checkpoint-" + std::to_string(progress.step));
            if (control.cancel.load()) cancelled = true;
            if (config.max_seconds > 0 && m.elapsed >= config.max_seconds) break; // the time budget is spent
        }

        result.steps_done = progress.step;
        result.cancelled = cancelled;
        // The run's final metrics always describe its final weights, whatever eval_every is.
        const bool evaluated_here = config.eval_every > 0 && progress.step % config.eval_every == 0 && progress.step > 0;
        if (!cancelled && !evaluated_here) run_eval();
        const bool saved_here = config.save_every > 0 && progress.step % config.save_every == 0 && progress.step > 0;
        if (!saved_here || cancelled) save("checkpoint-" + std::to_string(progress.step));
        observer.on_finished(progress.step, cancelled);
        return result;
    } catch (const Error& e) {
        return fail(e.what());
    } catch (const std::exception& e) {
        return fail(std::string("training failed: ") + e.what());
    }
}

} // namespace peft
