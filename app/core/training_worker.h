// SPDX-License-Identifier: MIT
// Runs the engine's run_training on the thread this object lives on (TrainingController moves
// it to its own QThread) and turns the engine's observer calls into queued signals. Step points
// are not one signal each: they collect in a buffer that the GUI thread drains at its own pace
// (stepsPending says the buffer went from empty to non-empty), so a fast loop cannot flood the
// GUI's event queue. Qt types only; the engine stays inside training_worker.cpp.
#pragma once

#include "core/training_types.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>

#include <memory>

namespace peft {

class TrainingWorker final : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe: called from the GUI thread while run() blocks this object's thread. They set
    // the atomics the training loop reads before every micro-batch.
    void setPaused(bool paused);
    void cancel();
    /// The step points reported since the last call, in order.
    QList<TrainPoint> takeSteps();

public Q_SLOTS:
    /// Trains from a run configuration (JSON, docs/run-config.md); returns when the run ends.
    /// Relative paths resolve against `baseDir`; a non-empty `resumeDir` continues the run from
    /// that checkpoint. Exactly one of finished() or failed() follows.
    void run(const QByteArray& configJson, const QString& baseDir, const QString& resumeDir = {});

Q_SIGNALS:
    void status(const QString& message);          ///< setup progress ("loading the model")
    void prepared(const peft::TrainSetupInfo& info);
    void started(qint64 firstStep, qint64 totalSteps);
    void stepsPending();
    void evaluated(const peft::EvalPoint& point);
    void checkpointSaved(const QString& path, qint64 step);
    void finished(qint64 stepsDone, bool cancelled);
    /// The engine's message; `configError` when the configuration is at fault (bad recipe, file).
    void failed(const QString& message, bool configError);

private:
    friend class TrainingObserverAdapter;
    void pushStep(const TrainPoint& point);

    struct Control;
    std::unique_ptr<Control> control_;
    QMutex mutex_;
    QList<TrainPoint> pending_;
};

} // namespace peft
