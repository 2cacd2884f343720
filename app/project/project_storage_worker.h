// SPDX-License-Identifier: MIT
// The storage thread's side of ProjectStore: owns the ProjectDatabase (a SQLite connection belongs
// to the thread that opened it), buffers step points into batches, polls the file for other
// processes' commits and answers reads by posting to the store. Every method runs on the storage
// thread; ProjectStore reaches it only through queued calls. Internal to peft_project.
#pragma once

#include "project/project_database.h"
#include "project/project_types.h"

#include <QList>
#include <QObject>
#include <QPair>

#include <functional>
#include <memory>

class QTimer;

namespace peft::project {

class ProjectStore;

class ProjectStorageWorker final : public QObject {
public:
    explicit ProjectStorageWorker(ProjectStore* store);
    ~ProjectStorageWorker() override;

    void open(const QString& path, bool create);
    void close();
    void saveAs(const QString& target);
    void appendSteps(qint64 runId, const QList<StepRecord>& steps);
    /// Commits the buffered step points in one transaction (and touches the runs' heartbeats).
    void flushPending();
    /// Commits the buffered points, then runs `write` on the database; a false result is reported
    /// through ProjectStore::error.
    void write(const std::function<bool(ProjectDatabase&)>& f);
    /// Commits the buffered points, then runs `read` (which posts its answer) when a project is open.
    void read(const std::function<void(ProjectDatabase&)>& f);
    void setFlushInterval(int ms);
    void setMaxBatch(int points);
    void setWatchInterval(int ms);
    /// Flushes, checkpoints the WAL, closes the file, stops the timers and quits the thread.
    void shutdown();

    /// Runs `f` on the GUI thread (the store's), after everything posted before it.
    void post(const std::function<void(ProjectStore&)>& f);

private:
    void ensureTimers();
    void pollDataVersion();
    void reportError(const QString& message);

    ProjectStore* store_;
    std::unique_ptr<ProjectDatabase> db_;
    QList<QPair<qint64, QList<StepRecord>>> pending_; ///< in arrival order
    int pendingPoints_ = 0;
    int flushInterval_ = 500;
    int maxBatch_ = 2000;
    int watchInterval_ = 1000;
    qint64 dataVersion_ = -1;
    QTimer* flushTimer_ = nullptr;
    QTimer* watchTimer_ = nullptr;
};

} // namespace peft::project
