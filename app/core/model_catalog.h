// SPDX-License-Identifier: MIT
// The models the studio knows: the Hugging Face cache, configured folders and folders the user
// opened. Scans run on a worker thread (QtConcurrent); results and progress arrive as signals
// on the owner's thread, so the GUI never blocks on disk access.
#pragma once

#include "core/model_row.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace peft {

class ModelCatalog final : public QObject {
    Q_OBJECT
public:
    explicit ModelCatalog(QObject* parent = nullptr);
    /// Cancels a running scan and waits for its worker (which only reads files).
    ~ModelCatalog() override;

    /// Folders scanned besides the Hugging Face cache (takes effect at the next rescan()).
    void setFolders(const QStringList& folders);
    QStringList folders() const { return folders_; }
    /// The hub cache ($HF_HUB_CACHE, $HF_HOME/hub, ~/.cache/huggingface/hub).
    static QString hubCache();

    /// Starts a scan off the GUI thread; scanProgress and then scanFinished follow. A scan
    /// already running is cancelled and its result dropped.
    void rescan();
    /// Adds one model folder (e.g. from File > Open) and summarises it off the GUI thread;
    /// modelAdded follows.
    void addModelFolder(const QString& path);

    const QList<ModelRow>& rows() const { return rows_; }
    bool scanning() const { return watcher_ != nullptr; }

Q_SIGNALS:
    void scanStarted();
    /// `done` of `total` model folders summarised (total is 0 while folders are being listed).
    void scanProgress(int done, int total);
    void scanFinished();
    void modelAdded(const peft::ModelRow& row);

private:
    void takeScanResult(QFutureWatcher<QList<ModelRow>>* watcher);

    QStringList folders_;
    QList<ModelRow> rows_;
    QFutureWatcher<QList<ModelRow>>* watcher_ = nullptr; ///< the current scan, if any
};

} // namespace peft
