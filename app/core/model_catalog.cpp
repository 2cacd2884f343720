// SPDX-License-Identifier: MIT
#include "core/model_catalog.h"

#include "inspect/model_summary.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace peft {

namespace {

QString canonical(const QString& path) {
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(path) : c;
}

struct Found {
    QString path;
    ModelRow::Source source;
    QString origin;
};

/// Runs on a pool thread: lists the model folders first (cheap) so progress has a total, then
/// summarises each one (reads config.json and safetensors headers).
void scanFolders(QPromise<QList<ModelRow>>& promise, const QStringList& roots, const QString& hubCache) {
    QList<Found> found;
    QSet<QString> seen;
    auto list = [&](const QString& root, ModelRow::Source source) {
        if (root.isEmpty() || !QFileInfo(root).isDir()) return;
        for (const auto& dir : find_model_dirs(root.toStdString())) {
            const QString path = canonical(QString::fromStdString(dir));
            if (seen.contains(path)) continue;
            seen.insert(path);
            found.append({path, source, root});
        }
    };
    list(hubCache, ModelRow::Source::HubCache);
    for (const auto& root : roots) list(root, ModelRow::Source::Folder);

    promise.setProgressRange(0, int(found.size()));
    QList<ModelRow> rows;
    for (const auto& f : found) {
        if (promise.isCanceled()) return;
        ModelRow row = summarizeModelFolder(f.path);
        row.path = f.path;
        row.source = f.source;
        row.origin = f.origin;
        rows.append(row);
        promise.setProgressValue(int(rows.size()));
    }
    promise.addResult(rows);
}

} // namespace

ModelCatalog::ModelCatalog(QObject* parent) : QObject(parent) { qRegisterMetaType<ModelRow>(); }

ModelCatalog::~ModelCatalog() {
    if (watcher_) {
        watcher_->cancel();
        watcher_->waitForFinished();
    }
}

void ModelCatalog::setFolders(const QStringList& folders) { folders_ = folders; }

QString ModelCatalog::hubCache() { return QString::fromStdString(default_hf_hub_cache()); }

void ModelCatalog::rescan() {
    if (watcher_) {
        // Superseded: the old worker stops at its next folder; its watcher goes with it.
        watcher_->disconnect(this);
        watcher_->cancel();
        connect(watcher_, &QFutureWatcherBase::finished, watcher_, &QObject::deleteLater);
    }
    auto* watcher = new QFutureWatcher<QList<ModelRow>>(this);
    watcher_ = watcher;
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this,
            [this](int, int total) { Q_EMIT scanProgress(0, total); });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, watcher](int done) { Q_EMIT scanProgress(done, watcher->progressMaximum()); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] { takeScanResult(watcher); });
    Q_EMIT scanStarted();
    Q_EMIT scanProgress(0, 0);
    watcher->setFuture(QtConcurrent::run(scanFolders, folders_, hubCache()));
}

void ModelCatalog::takeScanResult(QFutureWatcher<QList<ModelRow>>* watcher) {
    watcher->deleteLater();
    if (watcher != watcher_) return;
    watcher_ = nullptr;
    if (watcher->future().resultCount() == 0) return; // cancelled
    QList<ModelRow> scanned = watcher->result();
    // Keep folders opened by hand that the scan does not cover.
    QSet<QString> paths;
    for (const auto& r : scanned) paths.insert(r.path);
    for (const auto& r : rows_)
        if (r.source == ModelRow::Source::Opened && !paths.contains(r.path)) scanned.append(r);
    rows_ = scanned;
    Q_EMIT scanFinished();
}

void ModelCatalog::addModelFolder(const QString& path) {
    const QString folder = canonical(path);
    auto* watcher = new QFutureWatcher<ModelRow>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, folder] {
        watcher->deleteLater();
        for (const auto& existing : std::as_const(rows_)) {
            if (existing.path == folder) {
                Q_EMIT modelAdded(existing);
                return;
            }
        }
        ModelRow row = watcher->result();
        row.path = folder;
        row.source = ModelRow::Source::Opened;
        row.origin = folder;
        rows_.append(row);
        Q_EMIT modelAdded(row);
    });
    watcher->setFuture(QtConcurrent::run(summarizeModelFolder, folder));
}

} // namespace peft
