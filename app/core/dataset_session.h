// SPDX-License-Identifier: MIT
// The dataset the Data page works on: the opened file, the format and column mapping the user
// confirmed, and the jobs that read it. Opening, the scan for malformed rows and the token
// statistics all run on worker threads (QtConcurrent); results arrive as signals on the owner's
// thread, and a result that an edit made stale is dropped (and the job rerun) rather than shown.
#pragma once

#include "core/dataset_statistics.h"
#include "core/dataset_types.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace peft {

class DatasetFile;

class DatasetSession final : public QObject {
    Q_OBJECT
public:
    explicit DatasetSession(QObject* parent = nullptr);
    /// Cancels the error scan and the statistics and waits for the workers still running (a
    /// statistics run stops at its next row; reading a file is not interrupted).
    ~DatasetSession() override;

    /// Opens `path` off the GUI thread: opened() or openFailed() follows. The previous file
    /// stays until the new one is in.
    void open(const QString& path);
    bool isOpening() const { return openGeneration_ != openDone_; }
    std::shared_ptr<const DatasetFile> file() const { return file_; }
    QString path() const;

    QString format() const { return format_; }
    /// Switches the format; the mapping keeps the columns that still apply and suggests the rest.
    void setFormat(const QString& format);
    DatasetMapping mapping() const { return mapping_; }
    /// Sets one role's column (empty: unset).
    void setRole(const QString& role, const QString& column);
    /// The mapping detection would choose for `format` on the open file.
    DatasetMapping suggestedMapping(const QString& format) const;

    QString modelDir() const { return modelDir_; }
    /// The model whose tokenizer measures the statistics.
    void setModelDir(const QString& dir);
    qint64 maxLength() const { return maxLength_; }
    void setMaxLength(qint64 tokens);
    QString textSplit() const { return textSplit_; }
    /// Plain text files: "whole_file", "paragraphs" or "lines".
    void setTextSplit(const QString& split);

    /// Malformed rows (the scan's and those the statistics skipped), by line.
    const QList<DatasetRowError>& rowErrors() const { return rowErrors_; }
    bool errorsScanned() const { return errorsScanned_; }

    /// The statistics of the current settings (ok == false and empty error: none yet).
    const DatasetStatistics& statistics() const { return statistics_; }
    bool statisticsRunning() const { return statsRunning_; }
    /// What the statistics would be computed for now.
    DatasetStatsRequest statisticsRequest() const;

Q_SIGNALS:
    void openStarted(const QString& path);
    void opened();
    void openFailed(const QString& path, const QString& message);
    /// Format or mapping changed (by the user or by opening a file).
    void mappingChanged();
    void rowErrorsChanged();
    void statisticsStarted();
    /// New statistics (or a failure in statistics().error) for the current settings.
    void statisticsFinished();

private:
    void scheduleStatistics();
    void startStatistics();
    void startErrorScan();
    void cancelScan();
    void rebuildRowErrors();

    std::shared_ptr<const DatasetFile> file_;
    QString format_;
    DatasetMapping mapping_;
    QString modelDir_;
    qint64 maxLength_ = 128;
    QString textSplit_ = QStringLiteral("paragraphs");

    quint64 openGeneration_ = 0, openDone_ = 0;
    quint64 scanGeneration_ = 0;
    std::shared_ptr<std::atomic_bool> scanCancel_;
    QList<DatasetRowError> scanErrors_;
    bool errorsScanned_ = false;
    QList<DatasetRowError> rowErrors_;

    DatasetStatistics statistics_;
    bool statsRunning_ = false;
    std::shared_ptr<std::atomic_bool> statsCancel_; ///< of the run in progress
    QTimer statsTimer_; ///< coalesces a burst of edits into one run
    QThreadPool pool_;  ///< the session's own jobs, so the destructor can wait for exactly them
};

} // namespace peft
