// SPDX-License-Identifier: MIT
#include "core/dataset_session.h"

#include "core/dataset_backend.h"

#include <QFutureWatcher>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace peft {

namespace {

struct OpenResult {
    std::shared_ptr<const DatasetFile> file;
    QString error;
};

/// The column of `columns` named like `role` (case-insensitive), or the detection's choice.
QString guessColumn(const QString& role, const QStringList& columns) {
    for (const auto& c : columns)
        if (c.compare(role, Qt::CaseInsensitive) == 0) return c;
    return {};
}

} // namespace

DatasetSession::DatasetSession(QObject* parent) : QObject(parent) {
    statsTimer_.setSingleShot(true);
    statsTimer_.setInterval(150);
    connect(&statsTimer_, &QTimer::timeout, this, &DatasetSession::startStatistics);
}

DatasetSession::~DatasetSession() {
    cancelScan();
    if (statsCancel_) statsCancel_->store(true);
    statsTimer_.stop();
    pool_.waitForDone();
}

QString DatasetSession::path() const { return file_ ? file_->path() : QString(); }

void DatasetSession::open(const QString& path) {
    const quint64 generation = ++openGeneration_;
    Q_EMIT openStarted(path);
    auto* watcher = new QFutureWatcher<OpenResult>(this);
    connect(watcher, &QFutureWatcher<OpenResult>::finished, this, [this, watcher, generation, path] {
        watcher->deleteLater();
        if (generation != openGeneration_) return; // a later open() superseded this one
        openDone_ = generation;
        const OpenResult result = watcher->result();
        if (!result.file) {
            Q_EMIT openFailed(path, result.error);
            return;
        }
        cancelScan();
        file_ = result.file;
        format_ = file_->detection().format;
        mapping_ = file_->detection().mapping;
        scanErrors_.clear();
        errorsScanned_ = false;
        statistics_ = DatasetStatistics{};
        Q_EMIT opened();
        Q_EMIT mappingChanged();
        rebuildRowErrors();
        startErrorScan();
        scheduleStatistics();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [path] {
        OpenResult result;
        result.file = DatasetFile::open(path, &result.error);
        return result;
    }));
}

void DatasetSession::setFormat(const QString& format) {
    if (format == format_ || !DatasetFile::formats().contains(format)) return;
    format_ = format;
    mapping_ = suggestedMapping(format);
    Q_EMIT mappingChanged();
    scheduleStatistics();
}

void DatasetSession::setRole(const QString& role, const QString& column) {
    if (mapping_.value(role) == column) return;
    if (column.isEmpty())
        mapping_.remove(role);
    else
        mapping_.insert(role, column);
    Q_EMIT mappingChanged();
    scheduleStatistics();
}

DatasetMapping DatasetSession::suggestedMapping(const QString& format) const {
    if (!file_) return {};
    const DatasetDetection& d = file_->detection();
    if (format == d.format) return d.mapping;
    // Keep what the user or detection chose for roles the new format shares (text, label,
    // system), then look for columns named like the remaining roles.
    DatasetMapping out;
    const QStringList columns = file_->columns();
    for (const auto& role : DatasetFile::roles(format)) {
        QString column = mapping_.value(role, d.mapping.value(role));
        if (column.isEmpty()) column = guessColumn(role, columns);
        if (column.isEmpty() && role == QLatin1String("text_pair"))
            for (const auto& c : columns)
                if (c != out.value(QStringLiteral("text")) && c != out.value(QStringLiteral("label")) &&
                    (c.endsWith(QLatin1Char('2')) || c.contains(QLatin1String("hypothesis"))))
                    column = c;
        if (!column.isEmpty()) out.insert(role, column);
    }
    return out;
}

void DatasetSession::setModelDir(const QString& dir) {
    if (dir == modelDir_) return;
    modelDir_ = dir;
    scheduleStatistics();
}

void DatasetSession::setMaxLength(qint64 tokens) {
    tokens = std::max<qint64>(1, tokens);
    if (tokens == maxLength_) return;
    maxLength_ = tokens;
    scheduleStatistics();
}

void DatasetSession::setTextSplit(const QString& split) {
    if (split == textSplit_) return;
    textSplit_ = split;
    scheduleStatistics();
}

DatasetStatsRequest DatasetSession::statisticsRequest() const {
    DatasetStatsRequest r;
    r.path = path();
    r.format = format_;
    // Only the roles of the format: a stale label column must not reach a text run.
    for (const auto& role : DatasetFile::roles(format_))
        if (!mapping_.value(role).isEmpty()) r.mapping.insert(role, mapping_.value(role));
    r.modelDir = modelDir_;
    r.maxLength = maxLength_;
    r.textSplit = textSplit_;
    return r;
}

void DatasetSession::scheduleStatistics() {
    if (!file_) return;
    // A run for older settings is stopped (it would be dropped anyway) so the new one starts soon.
    if (statsCancel_) statsCancel_->store(true);
    statsTimer_.start();
}

void DatasetSession::startStatistics() {
    if (!file_) return;
    if (statsRunning_) return; // the running job's finish handler starts the next one
    const DatasetStatsRequest request = statisticsRequest();
    statsRunning_ = true;
    statsCancel_ = std::make_shared<std::atomic_bool>(false);
    Q_EMIT statisticsStarted();
    auto* watcher = new QFutureWatcher<DatasetStatistics>(this);
    connect(watcher, &QFutureWatcher<DatasetStatistics>::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        statsRunning_ = false;
        DatasetStatistics result = watcher->result();
        if (result.cancelled || !(request == statisticsRequest())) {
            startStatistics(); // settings changed while it ran: this result is stale
            return;
        }
        statistics_ = std::move(result);
        Q_EMIT statisticsFinished();
        rebuildRowErrors();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [request, cancel = statsCancel_] {
        return computeDatasetStatistics(request, cancel.get());
    }));
}

void DatasetSession::startErrorScan() {
    const quint64 generation = ++scanGeneration_;
    scanCancel_ = std::make_shared<std::atomic_bool>(false);
    auto* watcher = new QFutureWatcher<QList<DatasetRowError>>(this);
    connect(watcher, &QFutureWatcher<QList<DatasetRowError>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != scanGeneration_) return;
        scanErrors_ = watcher->result();
        errorsScanned_ = true;
        rebuildRowErrors();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [file = file_, cancel = scanCancel_] { return file->scanErrors(cancel.get()); }));
}

void DatasetSession::cancelScan() {
    if (scanCancel_) scanCancel_->store(true);
    ++scanGeneration_;
}

void DatasetSession::rebuildRowErrors() {
    rowErrors_ = scanErrors_;
    // The statistics also list rows the task could not use (a missing label, an unknown role);
    // rows the scan already found come from the same reader, so keep one of each.
    QSet<QPair<qint64, QString>> seen;
    for (const auto& e : rowErrors_) seen.insert({e.line, e.message});
    if (statistics_.ok)
        for (const auto& e : statistics_.errors)
            if (!seen.contains({e.line, e.message})) rowErrors_ << e;
    for (auto& e : rowErrors_)
        if (e.row < 0 && file_ && e.line > 0) e.row = file_->rowForLine(e.line);
    std::stable_sort(rowErrors_.begin(), rowErrors_.end(),
                     [](const DatasetRowError& a, const DatasetRowError& b) { return a.line < b.line; });
    Q_EMIT rowErrorsChanged();
}

} // namespace peft
