// SPDX-License-Identifier: MIT
// Translated names for the engine's format, role and text-split keys, which stay English in the
// session and in run configurations.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace peft::datapage {

class DataNames {
    Q_DECLARE_TR_FUNCTIONS(DataNames)
public:
    /// "classification" -> "Classification", ...
    static QString format(const QString& key);
    /// A sentence about what the format trains, for tooltips.
    static QString formatHint(const QString& key);
    /// "text_pair" -> "Second text", ...
    static QString role(const QString& key);
    /// "paragraphs" -> "Paragraphs", ...
    static QString textSplit(const QString& key);
    /// "tsv" -> "TSV", "jsonl" -> "JSON Lines", ...
    static QString fileKind(const QString& key);
};

} // namespace peft::datapage
