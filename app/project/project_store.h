// SPDX-License-Identifier: MIT
// The studio's open project: a ProjectDatabase living on its own storage thread, reached only by
// queued calls, so the GUI thread never waits on SQLite. Writes are fire-and-forget; metric points
// are buffered and committed in one transaction per batch (every flushInterval() ms or
// maxBatch() points, whichever comes first), so a run at thousands of steps per second costs a few
// commits a second. Reads answer with signals on the GUI thread. The store also polls the file's
// data_version, so runs another process (the CLI) writes into the project show up live.
//
// Crash safety comes from SQLite's WAL: what was committed survives a SIGKILL; at most the last
// batch (flushInterval) of points is lost, and the run shows as Interrupted on the next open.
#pragma once

#include "project/project_types.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace peft::project {

class ProjectStorageWorker;

class ProjectStore final : public QObject {
    Q_OBJECT
public:
    explicit ProjectStore(QObject* parent = nullptr);
    /// Flushes pending writes, checkpoints the WAL and stops the storage thread.
    ~ProjectStore() override;

    /// Opens or creates a project; opened() or openFailed() follows. A project already open is
    /// closed first (its pending writes flushed).
    void open(const QString& path, bool create);
    /// Flushes and closes; closed() follows.
    void close();
    /// The file of the project that is open (or being opened); empty when none.
    QString path() const { return path_; }
    bool isOpen() const { return open_; }
    /// Copies the project to `target` and continues in the copy (File > Save As); savedAs() or
    /// error() follows.
    void saveAs(const QString& target);

    // Writes (queued; in order).
    void setUiState(const QString& key, const QJsonObject& value);
    void saveRecipe(const QString& name, const QJsonObject& recipe);
    void addReference(const ReferencedFile& file);
    /// Creates a run; runCreated(requestId, runId) follows. `requestId` lets the caller match it.
    void createRun(qint64 requestId, const NewRun& run);
    void markRunStarted(qint64 runId);
    /// A run resumed from the checkpoint at `step`: what was recorded after it is deleted (it is redone).
    void truncateRunAfter(qint64 runId, qint64 step);
    void setRunSetup(qint64 runId, const QString& task, qint64 trainable, qint64 total, qint64 totalSteps,
                     qint64 trainExamples);
    void appendSteps(qint64 runId, const QList<StepRecord>& steps);   ///< buffered
    void appendEval(qint64 runId, const EvalRecord& eval);
    void addCheckpoint(const CheckpointRecord& checkpoint);
    void addExport(const ExportRecord& record);
    void markRunEnded(qint64 runId, RunStatus status, const QString& message = {});
    void removeRun(qint64 runId);
    /// Commits buffered points now (before a screenshot, on close).
    void flush();

    // Reads (answered by the matching signal).
    void loadRuns();                                  ///< -> runsLoaded
    void loadSeries(const QList<qint64>& runIds);     ///< -> seriesLoaded
    void loadRunConfig(qint64 runId);                 ///< -> runConfigLoaded
    void loadUiState();                               ///< -> uiStateLoaded (all keys)
    void loadRecipes();                               ///< -> recipesLoaded
    void loadReferences();                            ///< -> referencesLoaded
    void loadCheckpoints(qint64 runId);               ///< -> checkpointsLoaded

    void setFlushInterval(int ms);
    int flushInterval() const { return flushInterval_; }
    void setMaxBatch(int points);
    int maxBatch() const { return maxBatch_; }
    /// How often the file is polled for commits by other processes (ms; 0 = never).
    void setWatchInterval(int ms);

    /// Waits (with a local event loop, for tests and shutdown only) until every queued call so far
    /// has been carried out. Never called by widgets.
    bool waitForIdle(int timeoutMs = 10000);

Q_SIGNALS:
    void opened(const QString& path, int interruptedRuns);
    void openFailed(const QString& path, const QString& message);
    void closed();
    void savedAs(const QString& path);
    void error(const QString& message);
    void runCreated(qint64 requestId, qint64 runId);
    void runsLoaded(const QList<peft::project::RunSummary>& runs);
    void seriesLoaded(const QList<peft::project::RunSeries>& series);
    void runConfigLoaded(qint64 runId, const QJsonObject& config);
    void uiStateLoaded(const QHash<QString, QJsonObject>& state);
    void recipesLoaded(const QHash<QString, QJsonObject>& recipes);
    void referencesLoaded(const QList<peft::project::ReferencedFile>& files);
    void checkpointsLoaded(qint64 runId, const QList<peft::project::CheckpointRecord>& checkpoints);
    /// Another process committed to the file (a CLI run writing points): reload what is shown.
    void externalChange();
    /// A batch of buffered step points was committed (one transaction).
    void stepsCommitted(int points);

private:
    friend class ProjectStorageWorker;
    /// Queues `f` to run on the storage thread, after everything queued before.
    void toWorker(std::function<void(ProjectStorageWorker&)> f);
    // Answers from the storage thread (run on the GUI thread).
    void onOpened(const QString& path, int interruptedRuns);
    void onOpenFailed(const QString& path, const QString& message);
    void onClosed();
    void onSavedAs(const QString& path);

    QThread* thread_;
    ProjectStorageWorker* worker_;
    QString path_;
    bool open_ = false;
    int flushInterval_ = 500;
    int maxBatch_ = 2000;
};

} // namespace peft::project
