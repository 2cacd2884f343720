// SPDX-License-Identifier: MIT
#include "core/training_worker.h"

#include "train/run.h" // torch-free: the run API, observer and control flags

#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <utility>

namespace peft {

struct TrainingWorker::Control {
    TrainControl flags;
};

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
} // namespace

/// The engine's observer, called on the training thread. Signals it emits are queued to the
/// controller (which lives on the GUI thread), so nothing here touches a widget.
class TrainingObserverAdapter final : public RunObserver {
public:
    explicit TrainingObserverAdapter(TrainingWorker& worker, bool classification)
        : worker_(worker), classification_(classification) {}

    void on_status(const std::string& message) override { Q_EMIT worker_.status(qs(message)); }
    void on_prepared(const RunInfo& info) override {
        TrainSetupInfo out;
        out.task = qs(info.task);
        out.device = qs(info.device);
        out.recipeName = qs(info.recipe_name);
        out.trainExamples = info.train_examples;
        out.evalExamples = info.eval_examples;
        out.rowsSkipped = info.rows_skipped;
        out.trainableParameters = info.trainable_parameters;
        out.totalParameters = info.total_parameters;
        out.totalSteps = info.total_steps;
        out.setupSeconds = info.setup_seconds;
        for (const auto& [name, count] : info.module_parameters) out.moduleParameters.append({qs(name), count});
        Q_EMIT worker_.prepared(out);
    }
    void on_started(int64_t first, int64_t total) override { Q_EMIT worker_.started(first, total); }
    void on_step(const StepMetrics& m) override {
        worker_.pushStep(TrainPoint{m.step, m.loss, m.lr, m.grad_norm, m.tokens_per_s, m.samples_per_s, m.elapsed, m.tokens});
    }
    void on_eval(const EvalMetrics& m) override {
        Q_EMIT worker_.evaluated(EvalPoint{m.step, m.loss, m.accuracy, m.f1, m.matthews, m.perplexity, classification_});
    }
    void on_checkpoint(const std::string& path, int64_t step) override { Q_EMIT worker_.checkpointSaved(qs(path), step); }
    // on_finished and on_failed are reported from the RunResult instead: run_training calls
    // on_failed for setup errors too, and the result also says whether the config was at fault.

private:
    TrainingWorker& worker_;
    bool classification_;
};

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent), control_(std::make_unique<Control>()) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::setPaused(bool paused) { control_->flags.pause.store(paused); }

void TrainingWorker::cancel() { control_->flags.cancel.store(true); }

QList<TrainPoint> TrainingWorker::takeSteps() {
    const QMutexLocker lock(&mutex_);
    return std::exchange(pending_, {});
}

void TrainingWorker::pushStep(const TrainPoint& point) {
    bool wasEmpty = false;
    {
        const QMutexLocker lock(&mutex_);
        wasEmpty = pending_.isEmpty();
        pending_ << point;
    }
    // One wake-up per batch: the GUI drains everything that arrived in the meantime.
    if (wasEmpty) Q_EMIT stepsPending();
}

void TrainingWorker::run(const QByteArray& configJson, const QString& baseDir, const QString& resumeDir) {
    // A new run starts from clear flags (a Stop of the previous run must not end this one).
    control_->flags.cancel.store(false);
    control_->flags.pause.store(false);
    {
        const QMutexLocker lock(&mutex_);
        pending_.clear();
    }
    RunConfig config;
    try {
        config = RunConfig::from_json(nlohmann::json::parse(configJson.toStdString()), baseDir.toStdString(), {});
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()), true);
        return;
    }
    TrainingObserverAdapter observer(*this, config.is_classification());
    const RunResult result = run_training(config, observer, control_->flags, resumeDir.toStdString());
    if (result.failed) Q_EMIT failed(qs(result.error), result.config_error);
    else Q_EMIT finished(result.steps_done, result.cancelled);
}

} // namespace peft
