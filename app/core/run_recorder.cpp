// SPDX-License-Identifier: MIT
#include "core/run_recorder.h"

#include "core/training_controller.h"
#include "project/project_store.h"

#include <utility>

namespace peft {

using project::ProjectStore;

RunRecorder::RunRecorder(TrainingController* controller, ProjectStore* store, QObject* parent)
    : QObject(parent), controller_(controller), store_(store) {
    connect(store_, &ProjectStore::runCreated, this, [this](qint64 requestId, qint64 runId) {
        if (!active_ || requestId != requestId_) return;
        runId_ = runId;
        if (runId == 0) { // the store said why (error signal); the run trains on, unrecorded
            active_ = false;
            pending_.clear();
            return;
        }
        store_->markRunStarted(runId);
        for (const auto& write : std::exchange(pending_, {})) write(runId);
        Q_EMIT runRecorded(runId);
    });
    connect(controller_, &TrainingController::prepared, this, [this](const TrainSetupInfo& info) {
        whenRunKnown([this, info](qint64 id) {
            store_->setRunSetup(id, info.task, info.trainableParameters, info.totalParameters, info.totalSteps,
                                info.trainExamples);
        });
    });
    connect(controller_, &TrainingController::stepsAdded, this, &RunRecorder::stepsAdded);
    connect(controller_, &TrainingController::evaluated, this, [this](const EvalPoint& p) {
        whenRunKnown([this, p](qint64 id) {
            store_->appendEval(id, project::EvalRecord{p.step, p.loss, p.accuracy, p.f1, p.matthews, p.perplexity});
        });
    });
    connect(controller_, &TrainingController::checkpointSaved, this, [this](const QString& path, qint64 step) {
        whenRunKnown([this, path, step](qint64 id) {
            store_->addCheckpoint(project::CheckpointRecord{id, step, path, QDateTime::currentDateTimeUtc()});
        });
    });
    connect(controller_, &TrainingController::finished, this, [this](qint64, bool cancelled) {
        whenRunKnown([this, cancelled](qint64 id) {
            store_->markRunEnded(id, cancelled ? project::RunStatus::Cancelled : project::RunStatus::Finished);
        });
        active_ = false;
    });
    connect(controller_, &TrainingController::failed, this, [this](const QString& message, bool) {
        whenRunKnown([this, message](qint64 id) { store_->markRunEnded(id, project::RunStatus::Failed, message); });
        active_ = false;
    });
}

void RunRecorder::recordNew(const NewRunInfo& info) {
    active_ = true;
    runId_ = 0;
    tokensSeen_ = 0;
    elapsedBase_ = 0;
    pending_.clear();
    requestId_ = nextRequestId_++;
    project::NewRun run;
    run.name = info.name;
    run.config = info.config;
    run.method = info.method;
    run.modelPath = info.modelPath;
    run.datasetPath = info.datasetPath;
    run.outputDir = info.outputDir;
    run.examplesPerStep = info.examplesPerStep;
    store_->createRun(requestId_, run);
}

void RunRecorder::recordResumed(qint64 runId, qint64 step, qint64 tokensSeen, double elapsed) {
    active_ = true;
    pending_.clear();
    requestId_ = 0;
    runId_ = runId;
    tokensSeen_ = tokensSeen;
    elapsedBase_ = elapsed;
    store_->truncateRunAfter(runId, step);
    store_->markRunStarted(runId);
    Q_EMIT runRecorded(runId);
}

void RunRecorder::detach() {
    active_ = false;
    pending_.clear();
}

void RunRecorder::whenRunKnown(std::function<void(qint64)> write) {
    // Only the events of the run being recorded: a finished() after detach() writes nothing.
    if (!active_) return;
    if (runId_ != 0) write(runId_);
    else pending_ << std::move(write);
}

void RunRecorder::stepsAdded(qsizetype from, qsizetype count) {
    if (!active_) return;
    const auto& steps = controller_->history().steps();
    QList<project::StepRecord> records;
    records.reserve(count);
    for (qsizetype i = from; i < from + count && i < steps.size(); ++i) {
        const TrainPoint& p = steps[i];
        tokensSeen_ += p.tokens;
        records << project::StepRecord{p.step, p.loss, p.lr, p.gradNorm, p.tokensPerSecond, p.samplesPerSecond,
                                       elapsedBase_ + p.elapsed, tokensSeen_};
    }
    whenRunKnown([this, records](qint64 id) { store_->appendSteps(id, records); });
}

} // namespace peft
