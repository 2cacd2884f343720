// SPDX-License-Identifier: MIT
// The studio's training controller: owns the training QThread and its TrainingWorker, takes
// commands (start, pause, resume, stop) from the GUI thread, and hands out what the run reports
// as signals on the GUI thread. Step points are kept in full in history(); stepsAdded is
// coalesced to at most one per updateInterval() (20 a second by default), so the charts redraw
// at a steady pace however fast the loop runs. No call here waits for the training thread,
// except the destructor, which stops the run (the engine abandons the step in progress).
#pragma once

#include "core/training_history.h"
#include "core/training_types.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QThread;

namespace peft {

class TrainingWorker;

class TrainingController final : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Preparing, Running, Paused, Stopping, Finished, Cancelled, Failed };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    /// Starts `request` off the GUI thread. False (and nothing started) while a run is active or
    /// when an input is missing: `failed` then says which.
    bool start(const TrainRequest& request);
    /// Starts a run from its configuration (docs/run-config.md) as stored in a project: `name`
    /// and `folder` say where it writes; a non-empty `resumeDir` continues from that checkpoint
    /// (the history then starts with `previous`, the points recorded before it). False while a run
    /// is active.
    bool startConfig(const QJsonObject& config, const QString& name, const QString& folder,
                     const QString& resumeDir = {}, const TrainingHistory& previous = {});
    void pause();
    void resume();
    /// Stops the run: the engine abandons the step in progress and saves a checkpoint of the
    /// last completed one; finished(steps, cancelled = true) follows.
    void stop();

    State state() const { return state_; }
    /// Preparing, running, paused or stopping.
    bool isActive() const;
    const TrainingHistory& history() const { return history_; }
    /// The folder the current (or last) run writes to; empty when it writes nothing.
    QString runFolder() const { return runFolder_; }
    QString runName() const { return runName_; }

    /// The least time between two stepsAdded signals (ms).
    void setUpdateInterval(int ms) { interval_ = ms; }
    int updateInterval() const { return interval_; }

Q_SIGNALS:
    void stateChanged(peft::TrainingController::State state);
    void status(const QString& message);
    void prepared(const peft::TrainSetupInfo& info);
    void started(qint64 firstStep, qint64 totalSteps);
    /// history().steps() grew by `count` points from index `from`.
    void stepsAdded(qsizetype from, qsizetype count);
    void evaluated(const peft::EvalPoint& point);
    void checkpointSaved(const QString& path, qint64 step);
    void finished(qint64 stepsDone, bool cancelled);
    void failed(const QString& message, bool configError);

private:
    void setState(State state);
    void stepsPending();
    /// Moves the worker's pending points into the history and announces them.
    void flush();

    QThread* thread_;
    TrainingWorker* worker_;
    TrainingHistory history_;
    State state_ = State::Idle;
    QString runFolder_;
    QString runName_;
    int interval_ = 50;
    QElapsedTimer sinceFlush_;
    QTimer flushTimer_;
};

} // namespace peft
