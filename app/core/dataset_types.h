// SPDX-License-Identifier: MIT
// Plain values the Data page shows: what detection found, preview rows, row errors and token
// statistics. Qt and std types only, so widgets can hold them without seeing the engine.
#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace peft {

/// Column mapping as the engine's JSON keys ("text", "label", "instruction", ...) -> column name.
/// A role that is absent (or maps to an empty name) is not set.
using DatasetMapping = QMap<QString, QString>;

/// What detect_format() suggests for a file.
struct DatasetDetection {
    QString format;      ///< "classification", "pair_classification", "text", "alpaca", "sharegpt", "messages"
    QString fileKind;    ///< "csv", "tsv", "json", "jsonl", "text"
    bool hasHeader = false;
    QStringList columns; ///< column names or JSON keys (headerless tables: "0", "1", ...)
    DatasetMapping mapping;
    qint64 sampledRows = 0;
    QString reason;      ///< the engine's one-line explanation (English)
};

/// One preview row. `error` is the engine's message when the row is malformed.
struct DatasetRow {
    QStringList cells;
    qint64 line = 0; ///< 1-based line where the row starts
    QString error;
};

/// One malformed row: where it is and the engine's message.
struct DatasetRowError {
    qint64 line = 0; ///< 1-based; 0 when the engine does not know it
    qint64 row = -1; ///< preview row to jump to; -1 when the row is not in the preview
    QString message; ///< without the "file:line: " prefix

    bool operator==(const DatasetRowError&) const = default;
};

struct DatasetLengthBin {
    qint64 lower = 0; ///< inclusive
    qint64 upper = 0; ///< exclusive
    qint64 count = 0;
};

/// Token statistics of a file under a format, mapping, tokenizer and maximum length.
struct DatasetStatistics {
    bool ok = false;
    bool cancelled = false;  ///< stopped because the settings changed
    QString error;           ///< why there are no statistics (engine message)
    QString tokenizer;       ///< the tokenizer's kind, e.g. "SentencePiece model"
    bool documents = false;  ///< plain text: rows are documents, not examples
    qint64 rows = 0;
    qint64 skippedRows = 0;
    qint64 truncatedRows = 0;
    qint64 maxLengthSetting = 0;
    qint64 minLength = 0, maxLength = 0;
    double meanLength = 0.0;
    qint64 totalTokens = 0;
    qint64 trainableTokens = 0;
    QList<DatasetLengthBin> histogram;
    QList<QPair<QString, qint64>> labels; ///< label name -> rows, in label id order
    QList<DatasetRowError> errors;        ///< rows the task could not use
};

} // namespace peft

Q_DECLARE_METATYPE(peft::DatasetStatistics)
