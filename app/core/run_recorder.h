// SPDX-License-Identifier: MIT
// Writes what the training controller reports into the open project: the run's row with its full
// configuration, its setup, every step point (with cumulative tokens, for the Runs page's token
// axis), evaluations, checkpoints and how it ended. Everything goes through the ProjectStore's
// queue, so recording never makes the GUI thread wait on SQLite; a run whose row is still being
// created keeps its points until the id comes back.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace peft {

class TrainingController;
struct EvalPoint;
struct TrainSetupInfo;

namespace project {
class ProjectStore;
}

class RunRecorder final : public QObject {
    Q_OBJECT
public:
    RunRecorder(TrainingController* controller, project::ProjectStore* store, QObject* parent = nullptr);

    struct NewRunInfo {
        QJsonObject config;        ///< the run configuration the controller runs
        QString name;
        QString method;            ///< the recipe's name
        QString modelPath;
        QString datasetPath;
        QString outputDir;
        qint64 examplesPerStep = 0;
    };
    /// Records the run the controller has just started as a new run of the project.
    void recordNew(const NewRunInfo& info);
    /// Records the run the controller has just resumed from the checkpoint at `step` into the
    /// existing run `runId`: what was recorded after the checkpoint is dropped (it is redone);
    /// `tokensSeen` and `elapsed` are the run's at the checkpoint (the token and time axes go on).
    void recordResumed(qint64 runId, qint64 step, qint64 tokensSeen, double elapsed);
    /// Stops recording (the project closed); the controller's run goes on.
    void detach();

    /// The run being (or last) recorded; 0 while its row is still being created.
    qint64 runId() const { return runId_; }
    bool isRecording() const { return active_; }

Q_SIGNALS:
    /// The run's row exists (new runs: once created).
    void runRecorded(qint64 runId);

private:
    void whenRunKnown(std::function<void(qint64)> write);
    void stepsAdded(qsizetype from, qsizetype count);

    TrainingController* controller_;
    project::ProjectStore* store_;
    bool active_ = false;
    qint64 runId_ = 0;
    qint64 requestId_ = 0;
    qint64 nextRequestId_ = 1;
    qint64 tokensSeen_ = 0;
    double elapsedBase_ = 0;
    QList<std::function<void(qint64)>> pending_;
};

} // namespace peft
