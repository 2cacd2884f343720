// SPDX-License-Identifier: MIT
// One model of the catalog, in Qt types (from the engine's plain ModelSummary).
#pragma once

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace peft {

struct ModelRow {
    QString path;
    QString name;
    QString modelType;
    QString architecture;
    qint64 layers = 0;
    qint64 hiddenSize = 0;
    qint64 heads = 0;
    qint64 kvHeads = 0;
    qint64 intermediateSize = 0;
    qint64 vocabSize = 0;
    qint64 maxPositions = 0;
    qint64 parameters = 0;
    bool parametersFromWeights = false;
    QString dtype;
    quint64 weightBytes = 0;
    int weightFiles = 0;
    QString tokenizer;
    QList<QPair<QString, qint64>> components;
    bool supported = false;
    QString reason;
    /// Where the catalog found it.
    enum class Source { HubCache, Folder, Opened };
    Source source = Source::Opened;
    QString origin; ///< the scanned root (hub cache or configured folder); the folder itself when opened
};

/// Reads a model folder without loading weights (safe to call off the GUI thread).
ModelRow summarizeModelFolder(const QString& path);

/// Human-readable count: 260032 -> "260.0K", 124439808 -> "124.4M".
QString humanCount(qint64 n);

} // namespace peft

Q_DECLARE_METATYPE(peft::ModelRow)
