// SPDX-License-Identifier: MIT
#include "project/project_store.h"
#include "project/project_storage_worker.h"

#include <QEventLoop>
#include <QHash>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace peft::project {
namespace {

void registerMetaTypes() {
    static const bool once = [] {
        qRegisterMetaType<RunSummary>();
        qRegisterMetaType<QList<RunSummary>>();
        qRegisterMetaType<RunSeries>();
        qRegisterMetaType<QList<RunSeries>>();
        qRegisterMetaType<CheckpointRecord>();
        qRegisterMetaType<QList<CheckpointRecord>>();
        qRegisterMetaType<StepRecord>();
        qRegisterMetaType<QList<StepRecord>>();
        qRegisterMetaType<EvalRecord>();
        qRegisterMetaType<ExportRecord>();
        qRegisterMetaType<ReferencedFile>();
        qRegisterMetaType<NewRun>();
        qRegisterMetaType<QHash<QString, QJsonObject>>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

ProjectStore::ProjectStore(QObject* parent) : QObject(parent), thread_(new QThread), worker_(nullptr) {
    registerMetaTypes();
    thread_->setObjectName(u"storage"_s); // the OS thread name, in debuggers and top
    worker_ = new ProjectStorageWorker(this);
    worker_->moveToThread(thread_);
    thread_->start();
}

ProjectStore::~ProjectStore() {
    // shutdown() flushes, checkpoints, closes and quits the thread's loop as its last queued call.
    toWorker([](ProjectStorageWorker& w) { w.shutdown(); });
    thread_->wait();
    delete worker_; // its timers went in shutdown(), on their own thread
    delete thread_;
}

void ProjectStore::toWorker(std::function<void(ProjectStorageWorker&)> f) {
    ProjectStorageWorker* worker = worker_;
    QMetaObject::invokeMethod(worker, [worker, f = std::move(f)] { f(*worker); }, Qt::QueuedConnection);
}

void ProjectStore::onOpened(const QString& path, int interruptedRuns) {
    path_ = path;
    open_ = true;
    Q_EMIT opened(path, interruptedRuns);
}

void ProjectStore::onOpenFailed(const QString& path, const QString& message) {
    if (path_ == path) path_.clear();
    open_ = false;
    Q_EMIT openFailed(path, message);
}

void ProjectStore::onClosed() {
    path_.clear();
    open_ = false;
    Q_EMIT closed();
}

void ProjectStore::onSavedAs(const QString& path) {
    path_ = path;
    Q_EMIT savedAs(path);
}

void ProjectStore::open(const QString& path, bool create) {
    path_ = path;
    open_ = false;
    toWorker([path, create](ProjectStorageWorker& w) { w.open(path, create); });
}

void ProjectStore::close() {
    toWorker([](ProjectStorageWorker& w) { w.close(); });
}

void ProjectStore::saveAs(const QString& target) {
    toWorker([target](ProjectStorageWorker& w) { w.saveAs(target); });
}

void ProjectStore::setUiState(const QString& key, const QJsonObject& value) {
    toWorker([key, value](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.setUiState(key, value); }); });
}

void ProjectStore::saveRecipe(const QString& name, const QJsonObject& recipe) {
    toWorker([name, recipe](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.saveRecipe(name, recipe); }); });
}

void ProjectStore::addReference(const ReferencedFile& file) {
    toWorker([file](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.addReference(file); }); });
}

void ProjectStore::createRun(qint64 requestId, const NewRun& run) {
    toWorker([requestId, run](ProjectStorageWorker& w) {
        w.write([&](ProjectDatabase& db) {
            const qint64 id = db.createRun(run);
            w.post([requestId, id](ProjectStore& s) { Q_EMIT s.runCreated(requestId, id); });
            return id != 0;
        });
    });
}

void ProjectStore::markRunStarted(qint64 runId) {
    toWorker([runId](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.markRunStarted(runId); }); });
}

void ProjectStore::truncateRunAfter(qint64 runId, qint64 step) {
    toWorker([runId, step](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.truncateRunAfter(runId, step); }); });
}

void ProjectStore::setRunSetup(qint64 runId, const QString& task, qint64 trainable, qint64 total, qint64 totalSteps,
                               qint64 trainExamples) {
    toWorker([=](ProjectStorageWorker& w) {
        w.write([&](ProjectDatabase& db) { return db.setRunSetup(runId, task, trainable, total, totalSteps, trainExamples); });
    });
}

void ProjectStore::appendSteps(qint64 runId, const QList<StepRecord>& steps) {
    if (steps.isEmpty()) return;
    toWorker([runId, steps](ProjectStorageWorker& w) { w.appendSteps(runId, steps); });
}

void ProjectStore::appendEval(qint64 runId, const EvalRecord& eval) {
    toWorker([runId, eval](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.appendEval(runId, eval); }); });
}

void ProjectStore::addCheckpoint(const CheckpointRecord& checkpoint) {
    toWorker([checkpoint](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.addCheckpoint(checkpoint); }); });
}

void ProjectStore::addExport(const ExportRecord& record) {
    toWorker([record](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.addExport(record); }); });
}

void ProjectStore::markRunEnded(qint64 runId, RunStatus status, const QString& message) {
    toWorker([runId, status, message](ProjectStorageWorker& w) {
        w.write([&](ProjectDatabase& db) {
            const bool ok = db.markRunEnded(runId, status, message);
            db.checkpointWal(); // a finished run is folded into the main file
            return ok;
        });
    });
}

void ProjectStore::removeRun(qint64 runId) {
    toWorker([runId](ProjectStorageWorker& w) { w.write([&](ProjectDatabase& db) { return db.removeRun(runId); }); });
}

void ProjectStore::flush() {
    toWorker([](ProjectStorageWorker& w) { w.flushPending(); });
}

void ProjectStore::loadRuns() {
    toWorker([](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            const QList<RunSummary> runs = db.runs();
            w.post([runs](ProjectStore& s) { Q_EMIT s.runsLoaded(runs); });
        });
    });
}

void ProjectStore::loadSeries(const QList<qint64>& runIds) {
    toWorker([runIds](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            const QList<RunSeries> series = db.seriesOf(runIds);
            w.post([series](ProjectStore& s) { Q_EMIT s.seriesLoaded(series); });
        });
    });
}

void ProjectStore::loadRunConfig(qint64 runId) {
    toWorker([runId](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            const QJsonObject config = db.runConfig(runId);
            w.post([runId, config](ProjectStore& s) { Q_EMIT s.runConfigLoaded(runId, config); });
        });
    });
}

void ProjectStore::loadUiState() {
    toWorker([](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            QHash<QString, QJsonObject> state;
            for (const QString& key : db.uiStateKeys()) state.insert(key, db.uiState(key));
            w.post([state](ProjectStore& s) { Q_EMIT s.uiStateLoaded(state); });
        });
    });
}

void ProjectStore::loadRecipes() {
    toWorker([](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            QHash<QString, QJsonObject> recipes;
            for (const QString& name : db.recipeNames()) recipes.insert(name, db.recipe(name));
            w.post([recipes](ProjectStore& s) { Q_EMIT s.recipesLoaded(recipes); });
        });
    });
}

void ProjectStore::loadReferences() {
    toWorker([](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            const QList<ReferencedFile> files = db.references();
            w.post([files](ProjectStore& s) { Q_EMIT s.referencesLoaded(files); });
        });
    });
}

void ProjectStore::loadCheckpoints(qint64 runId) {
    toWorker([runId](ProjectStorageWorker& w) {
        w.read([&](ProjectDatabase& db) {
            const QList<CheckpointRecord> list = db.checkpoints(runId);
            w.post([runId, list](ProjectStore& s) { Q_EMIT s.checkpointsLoaded(runId, list); });
        });
    });
}

void ProjectStore::setFlushInterval(int ms) {
    flushInterval_ = std::max(0, ms);
    toWorker([ms = flushInterval_](ProjectStorageWorker& w) { w.setFlushInterval(ms); });
}

void ProjectStore::setMaxBatch(int points) {
    maxBatch_ = std::max(1, points);
    toWorker([points = maxBatch_](ProjectStorageWorker& w) { w.setMaxBatch(points); });
}

void ProjectStore::setWatchInterval(int ms) {
    toWorker([ms](ProjectStorageWorker& w) { w.setWatchInterval(ms); });
}

bool ProjectStore::waitForIdle(int timeoutMs) {
    // Shared with the queued answer, which may arrive after a timeout returned.
    struct State {
        bool done = false;
        QEventLoop* loop = nullptr;
    };
    auto state = std::make_shared<State>();
    toWorker([state](ProjectStorageWorker& w) {
        w.post([state](ProjectStore&) {
            state->done = true;
            if (state->loop) state->loop->quit();
        });
    });
    QEventLoop loop;
    state->loop = &loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!state->done) loop.exec();
    state->loop = nullptr;
    return state->done;
}

} // namespace peft::project
