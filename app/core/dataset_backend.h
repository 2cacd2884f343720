// SPDX-License-Identifier: MIT
// The Data page's bridge to the engine's readers: format detection, a record index for lazy
// previews and a scan for malformed rows. Qt and std types only: the engine (and LibTorch) stay
// behind this header, inside dataset_backend.cpp.
#pragma once

#include "core/dataset_types.h"

#include <atomic>
#include <memory>

namespace peft {

/// A dataset file opened for preview: detection, an index of where each record starts, and row
/// reads by range. Immutable once opened, so worker threads and the GUI thread may share it.
class DatasetFile {
public:
    /// Preview rows indexed at most (16 bytes each): larger files show their first rows only.
    static constexpr qint64 kMaxIndexedRows = 2'000'000;

    /// Detects the format and indexes the file by streaming it. Slow for large files: call it
    /// off the GUI thread. Null with `error` (the engine's message) when the file cannot be read.
    static std::shared_ptr<const DatasetFile> open(const QString& path, QString* error = nullptr,
                                                   qint64 maxIndexedRows = kMaxIndexedRows);
    ~DatasetFile();
    DatasetFile(const DatasetFile&) = delete;
    DatasetFile& operator=(const DatasetFile&) = delete;

    QString path() const;
    const DatasetDetection& detection() const;
    /// Preview columns: the table's columns, the JSON keys, or one "text" column for text files.
    QStringList columns() const;
    /// Rows of the preview (data records; text files: non-blank lines).
    qint64 rowCount() const;
    /// False when indexing stopped at maxIndexedRows.
    bool complete() const;
    bool isTextFile() const;

    /// The preview row that starts on `line` (1-based); -1 when none does.
    qint64 rowForLine(qint64 line) const;

    /// Rows [first, first + count), reading only their bytes (JSON arrays are held in memory).
    /// Cheap for a page of rows; safe from any thread.
    QList<DatasetRow> readRows(qint64 first, qint64 count) const;
    /// Every malformed row of the indexed part, in file order. Reads the file again in blocks:
    /// call it off the GUI thread. Stops early (returning what it has) when `cancel` becomes true.
    QList<DatasetRowError> scanErrors(const std::atomic_bool* cancel = nullptr) const;

    /// The engine's format names, in the order the page lists them.
    static QStringList formats();
    /// Mapping roles a format uses ("text", "label", ...), in display order.
    static QStringList roles(const QString& format);
    /// Whether the engine needs the role set for the format (others fall back or are optional).
    static bool roleRequired(const QString& format, const QString& role);

private:
    DatasetFile();
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace peft
