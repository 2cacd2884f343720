// SPDX-License-Identifier: MIT
#include "train/run.h"

#include "peft/injector.h"
#include "peft/recipe.h"
#include "peft/report.h"
#include "train/run_setup.h"
#include "train/trainer.h"

#include <chrono>
#include <filesystem>
#include <fstream>

namespace peft {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

void write_json(const fs::path& path, const nlohmann::json& j) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump(2) << "\n";
        if (!out) throw Error("cannot write " + tmp + " (is the disk full or the folder read-only?)");
    }
    fs::rename(tmp, path);
}

nlohmann::json eval_json(const EvalMetrics& m, bool classification) {
    nlohmann::json j = {{"step", m.step}, {"loss", m.loss}};
    if (classification) {
        j["accuracy"] = m.accuracy;
        j["f1"] = m.f1;
        j["matthews"] = m.matthews;
    } else {
        j["perplexity"] = m.perplexity;
    }
    return j;
}

/// Forwards to the caller's observer; remembers the last evaluation and stamps every checkpoint
/// with the run record, so a checkpoint folder alone says how to rebuild its model.
class RunTracker : public TrainObserver {
public:
    RunTracker(RunObserver& outer, nlohmann::json record) : outer_(outer), record_(std::move(record)) {}

    void on_started(int64_t first, int64_t total) override { outer_.on_started(first, total); }
    void on_step(const StepMetrics& m) override { outer_.on_step(m); }
    void on_eval(const EvalMetrics& m) override {
        last_eval = m;
        outer_.on_eval(m);
    }
    void on_checkpoint(const std::string& path, int64_t step) override {
        write_json(fs::path(path) / "run.json", record_);
        outer_.on_checkpoint(path, step);
    }
    void on_finished(int64_t steps, bool cancelled) override { outer_.on_finished(steps, cancelled); }
    void on_failed(const std::string& message) override { outer_.on_failed(message); }

    std::optional<EvalMetrics> last_eval;

private:
    RunObserver& outer_;
    nlohmann::json record_;
};

void write_results(const RunConfig& run, const RunResult& r) {
    if (run.output_dir.empty()) return;
    nlohmann::json j = {{"name", run.name},
                        {"task", r.info.task},
                        {"recipe", r.info.recipe_name},
                        {"steps", r.steps_done},
                        {"total_steps", r.info.total_steps},
                        {"cancelled", r.cancelled},
                        {"failed", r.failed},
                        {"trainable_parameters", r.info.trainable_parameters},
                        {"total_parameters", r.info.total_parameters},
                        {"train_examples", r.info.train_examples},
                        {"eval_examples", r.info.eval_examples},
                        {"setup_seconds", r.info.setup_seconds},
                        {"train_seconds", r.train_seconds},
                        {"last_checkpoint", r.last_checkpoint},
                        {"best_checkpoint", r.best_checkpoint}};
    if (r.failed) j["error"] = r.error;
    if (r.final_eval) j["eval"] = eval_json(*r.final_eval, r.info.task == "classification");
    write_json(fs::path(run.output_dir) / "results.json", j);
}

} // namespace

RunResult run_training(const RunConfig& run, RunObserver& observer, TrainControl& control, const std::string& resume_dir) {
    RunResult result;
    auto fail = [&](const std::string& message, bool config_error) {
        result.failed = true;
        result.config_error = config_error;
        result.error = message;
        observer.on_failed(message);
        return result;
    };
    try {
        const auto setup_started = Clock::now();
        if (run.threads > 0) torch::set_num_threads(run.threads);
        if (!resume_dir.empty() && !fs::is_regular_file(fs::path(resume_dir) / "trainer_state.json"))
            throw RunConfigError(resume_dir, "", "not a checkpoint folder (no trainer_state.json); checkpoints are "
                                                 "output_dir/checkpoint-<step>");
        SetupRequest request;
        request.status = [&](const std::string& m) { observer.on_status(m); };
        RunSetup setup = setup_run(run, request);
        if (control.cancel.load()) { // cancelled while loading: nothing trained, nothing to keep
            result.cancelled = true;
            observer.on_finished(0, true);
            return result;
        }

        RunInfo& info = result.info;
        info.task = run.is_classification() ? "classification" : "causal_lm";
        info.device = setup.device.is_cuda() ? "cuda" : "cpu";
        info.recipe_name = setup.recipe.name;
        info.train_examples = static_cast<int64_t>(setup.data.train.examples.size());
        info.eval_examples = static_cast<int64_t>(setup.data.eval.examples.size());
        info.rows_skipped = setup.rows_skipped;
        info.num_labels = setup.num_labels;
        const auto [total, trainable] = count_parameters(*setup.model);
        info.total_parameters = total;
        info.trainable_parameters = trainable;
        info.total_steps = total_train_steps(run.training, setup.data.train.examples.size());
        {
            ModelConfig counted = setup.model_config;
            if (run.is_classification()) counted.num_labels = setup.num_labels;
            const TaskHead head = run.is_classification() ? TaskHead::SequenceClassification : TaskHead::CausalLM;
            for (const ModuleReport& m : make_report(counted, head, setup.recipe).modules)
                info.module_parameters.emplace_back(m.name, m.trainable());
        }
        info.setup_seconds = std::chrono::duration<double>(Clock::now() - setup_started).count();

        const nlohmann::json record = run_record(run, setup);
        if (!run.output_dir.empty()) write_json(fs::path(run.output_dir) / "run.json", record);
        observer.on_prepared(info);

        TrainData data;
        data.train = &setup.data.train.examples;
        data.eval = setup.data.eval.examples.empty() ? nullptr : &setup.data.eval.examples;
        data.collate = setup.collate;
        data.num_classes = setup.num_labels;
        data.eval_batch_size = run.eval_batch_size;

        RunTracker tracker(observer, record);
        const auto train_started = Clock::now();
        const TrainResult r = train(*setup.model, run.training, data, tracker, control, resume_dir);
        result.train_seconds = std::chrono::duration<double>(Clock::now() - train_started).count();
        result.steps_done = r.steps_done;
        result.cancelled = r.cancelled;
        result.failed = r.failed;
        result.error = r.error;
        result.last_checkpoint = r.last_checkpoint;
        result.best_checkpoint = r.best_checkpoint;
        result.final_eval = tracker.last_eval;
        write_results(run, result);
        return result;
    } catch (const RunConfigError& e) {
        return fail(e.what(), true);
    } catch (const RecipeError& e) {
        return fail(e.what(), true);
    } catch (const Error& e) {
        return fail(e.what(), false);
    } catch (const std::exception& e) {
        return fail(std::string("the run failed: ") + e.what(), false);
    }
}

EvaluationResult run_evaluation(const RunConfig& run, const std::string& checkpoint_dir) {
    if (!fs::is_directory(checkpoint_dir))
        throw RunConfigError(checkpoint_dir, "", "the checkpoint folder does not exist");
    if (run.threads > 0) torch::set_num_threads(run.threads);
    SetupRequest request;
    request.train_set = false;
    request.labels = checkpoint_labels(checkpoint_dir);
    RunSetup setup = setup_run(run, request);
    load_trained_weights(*setup.model, checkpoint_dir);
    if (setup.data.eval.examples.empty())
        throw Error("nothing to evaluate: " + (run.data.eval_file.empty() ? run.data.train_file : run.data.eval_file) +
                    " gave no examples");
    const int64_t batch = run.eval_batch_size > 0 ? run.eval_batch_size : run.training.batch_size;
    EvaluationResult out;
    out.metrics = evaluate(*setup.model, setup.data.eval.examples, setup.collate, batch, setup.num_labels);
    out.examples = static_cast<int64_t>(setup.data.eval.examples.size());
    out.task = run.is_classification() ? "classification" : "causal_lm";
    return out;
}

} // namespace peft
