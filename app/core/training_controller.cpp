// SPDX-License-Identifier: MIT
#include "core/training_controller.h"

#include "core/training_request.h"
#include "core/training_worker.h"

#include <QDir>
#include <QJsonDocument>
#include <QThread>

namespace peft {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), thread_(new QThread(this)), worker_(new TrainingWorker) {
    qRegisterMetaType<TrainPoint>();
    qRegisterMetaType<EvalPoint>();
    qRegisterMetaType<TrainSetupInfo>();
    thread_->setObjectName(QStringLiteral("training"));
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);

    flushTimer_.setSingleShot(true);
    connect(&flushTimer_, &QTimer::timeout, this, &TrainingController::flush);
    sinceFlush_.start();

    // The worker lives on the training thread, so these connections are queued: each handler runs
    // on the GUI thread, in the order the run reported. The end of a run first drains the pending
    // steps, so no point arrives after it. Evaluations and checkpoints do not: they are drawn apart
    // from the step curves, and draining for each would break the update rate's bound.
    connect(worker_, &TrainingWorker::stepsPending, this, &TrainingController::stepsPending);
    connect(worker_, &TrainingWorker::status, this, &TrainingController::status);
    connect(worker_, &TrainingWorker::prepared, this, [this](const TrainSetupInfo& info) {
        history_.setTotalSteps(info.totalSteps);
        Q_EMIT prepared(info);
    });
    connect(worker_, &TrainingWorker::started, this, [this](qint64 first, qint64 total) {
        history_.setTotalSteps(total);
        if (state_ == State::Preparing) setState(State::Running);
        Q_EMIT started(first, total);
    });
    connect(worker_, &TrainingWorker::evaluated, this, [this](const EvalPoint& point) {
        history_.appendEval(point);
        Q_EMIT evaluated(point);
    });
    connect(worker_, &TrainingWorker::checkpointSaved, this, &TrainingController::checkpointSaved);
    connect(worker_, &TrainingWorker::finished, this, [this](qint64 steps, bool cancelled) {
        flush();
        setState(cancelled ? State::Cancelled : State::Finished);
        Q_EMIT finished(steps, cancelled);
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message, bool configError) {
        flush();
        setState(State::Failed);
        Q_EMIT failed(message, configError);
    });
    thread_->start();
}

TrainingController::~TrainingController() {
    // The run stops at its next micro-batch (or after setup); then the thread's loop can quit.
    worker_->cancel();
    worker_->setPaused(false);
    thread_->quit();
    thread_->wait();
}

bool TrainingController::isActive() const {
    return state_ == State::Preparing || state_ == State::Running || state_ == State::Paused || state_ == State::Stopping;
}

bool TrainingController::start(const TrainRequest& request) {
    if (isActive()) return false;
    const QString missing = missingTrainInput(request);
    if (!missing.isEmpty()) {
        setState(State::Failed);
        Q_EMIT failed(missing, true);
        return false;
    }
    return startConfig(runConfigJson(request), request.name, peft::runFolder(request));
}

bool TrainingController::startConfig(const QJsonObject& config, const QString& name, const QString& folder,
                                     const QString& resumeDir, const TrainingHistory& previous) {
    if (isActive()) return false;
    flushTimer_.stop();
    (void)worker_->takeSteps(); // nothing of a previous run may leak into this one
    history_ = previous;
    runName_ = name;
    runFolder_ = folder;
    const QByteArray json = QJsonDocument(config).toJson(QJsonDocument::Compact);
    const QString base = runFolder_.isEmpty() ? QDir::currentPath() : runFolder_;
    setState(State::Preparing);
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, json, base, resumeDir] { worker->run(json, base, resumeDir); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::pause() {
    if (state_ != State::Running && state_ != State::Preparing) return;
    worker_->setPaused(true);
    setState(State::Paused);
}

void TrainingController::resume() {
    if (state_ != State::Paused) return;
    worker_->setPaused(false);
    setState(history_.totalSteps() > 0 ? State::Running : State::Preparing);
}

void TrainingController::stop() {
    if (!isActive() || state_ == State::Stopping) return;
    worker_->cancel();
    worker_->setPaused(false);
    setState(State::Stopping);
}

void TrainingController::setState(State state) {
    if (state == state_) return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

void TrainingController::stepsPending() {
    if (flushTimer_.isActive()) return; // the next flush takes these too
    const qint64 wait = interval_ - sinceFlush_.elapsed();
    if (wait <= 0) flush();
    else flushTimer_.start(int(wait));
}

void TrainingController::flush() {
    flushTimer_.stop();
    const QList<TrainPoint> points = worker_->takeSteps();
    if (points.isEmpty()) return;
    const qsizetype from = history_.steps().size();
    history_.appendSteps(points);
    sinceFlush_.restart();
    Q_EMIT stepsAdded(from, points.size());
}

} // namespace peft
