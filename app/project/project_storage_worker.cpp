// SPDX-License-Identifier: MIT
#include "project/project_storage_worker.h"
#include "project/project_store.h"

#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace peft::project {

ProjectStorageWorker::ProjectStorageWorker(ProjectStore* store) : store_(store) {}

ProjectStorageWorker::~ProjectStorageWorker() = default;

void ProjectStorageWorker::post(const std::function<void(ProjectStore&)>& f) {
    ProjectStore* store = store_;
    QMetaObject::invokeMethod(store, [store, f] { f(*store); }, Qt::QueuedConnection);
}

void ProjectStorageWorker::reportError(const QString& message) {
    post([message](ProjectStore& s) { Q_EMIT s.error(message); });
}

void ProjectStorageWorker::ensureTimers() {
    if (flushTimer_) return;
    // Created here, on the storage thread, so they fire there.
    flushTimer_ = new QTimer(this);
    flushTimer_->setSingleShot(true);
    QObject::connect(flushTimer_, &QTimer::timeout, this, [this] { flushPending(); });
    watchTimer_ = new QTimer(this);
    QObject::connect(watchTimer_, &QTimer::timeout, this, [this] { pollDataVersion(); });
}

void ProjectStorageWorker::open(const QString& path, bool create) {
    ensureTimers();
    if (db_) close();
    db_ = std::make_unique<ProjectDatabase>();
    if (!db_->open(path, create ? ProjectDatabase::OpenMode::CreateIfMissing : ProjectDatabase::OpenMode::OpenExisting)) {
        const QString message = db_->lastError();
        db_.reset();
        post([path, message](ProjectStore& s) { s.onOpenFailed(path, message); });
        return;
    }
    dataVersion_ = db_->dataVersion();
    if (watchInterval_ > 0) watchTimer_->start(watchInterval_);
    const QString opened = db_->path();
    const int interrupted = db_->interruptedOnOpen();
    post([opened, interrupted](ProjectStore& s) { s.onOpened(opened, interrupted); });
}

void ProjectStorageWorker::close() {
    if (!db_) return;
    flushPending();
    if (watchTimer_) watchTimer_->stop();
    db_->close();
    db_.reset();
    post([](ProjectStore& s) { s.onClosed(); });
}

void ProjectStorageWorker::saveAs(const QString& target) {
    if (!db_) return reportError(u"no project is open to save"_s);
    flushPending();
    if (!db_->saveCopyAs(target)) return reportError(db_->lastError());
    // Continue in the copy.
    auto copy = std::make_unique<ProjectDatabase>();
    if (!copy->open(target, ProjectDatabase::OpenMode::OpenExisting)) return reportError(copy->lastError());
    db_->close();
    db_ = std::move(copy);
    dataVersion_ = db_->dataVersion();
    const QString path = db_->path();
    post([path](ProjectStore& s) { s.onSavedAs(path); });
}

void ProjectStorageWorker::appendSteps(qint64 runId, const QList<StepRecord>& steps) {
    if (!db_ || steps.isEmpty()) return;
    if (!pending_.isEmpty() && pending_.back().first == runId) pending_.back().second += steps;
    else pending_.append({runId, steps});
    pendingPoints_ += int(steps.size());
    if (pendingPoints_ >= maxBatch_) flushPending();
    else if (!flushTimer_->isActive()) flushTimer_->start(flushInterval_);
}

void ProjectStorageWorker::flushPending() {
    if (flushTimer_) flushTimer_->stop();
    if (pending_.isEmpty() || !db_) return;
    const auto batch = std::exchange(pending_, {});
    const int points = std::exchange(pendingPoints_, 0);
    // appendSteps also refreshes each run's heartbeat, in the same transaction.
    bool ok = db_->begin();
    for (const auto& [runId, steps] : batch) ok = ok && db_->appendSteps(runId, steps);
    ok = ok && db_->commit();
    if (!ok) {
        const QString message = db_->lastError();
        db_->rollback();
        return reportError(message);
    }
    post([points](ProjectStore& s) { Q_EMIT s.stepsCommitted(points); });
}

void ProjectStorageWorker::write(const std::function<bool(ProjectDatabase&)>& f) {
    if (!db_) return reportError(u"no project is open"_s);
    flushPending(); // keeps the order: steps before the eval, checkpoint or status that follows them
    if (!f(*db_)) reportError(db_->lastError());
}

void ProjectStorageWorker::read(const std::function<void(ProjectDatabase&)>& f) {
    if (!db_) return reportError(u"no project is open"_s);
    flushPending(); // a read sees every write queued before it
    f(*db_);
}

void ProjectStorageWorker::setFlushInterval(int ms) { flushInterval_ = std::max(0, ms); }

void ProjectStorageWorker::setMaxBatch(int points) { maxBatch_ = std::max(1, points); }

void ProjectStorageWorker::setWatchInterval(int ms) {
    ensureTimers();
    watchInterval_ = std::max(0, ms);
    if (!db_ || watchInterval_ == 0) watchTimer_->stop();
    else watchTimer_->start(watchInterval_);
}

void ProjectStorageWorker::pollDataVersion() {
    if (!db_) return;
    // data_version changes only for commits by other connections, never for this one's own.
    const qint64 version = db_->dataVersion();
    if (version == dataVersion_) return;
    dataVersion_ = version;
    post([](ProjectStore& s) { Q_EMIT s.externalChange(); });
}

void ProjectStorageWorker::shutdown() {
    if (db_) {
        flushPending();
        db_->checkpointWal();
        db_->close();
        db_.reset();
    }
    delete flushTimer_;
    delete watchTimer_;
    flushTimer_ = watchTimer_ = nullptr;
    QThread::currentThread()->quit();
}

} // namespace peft::project
