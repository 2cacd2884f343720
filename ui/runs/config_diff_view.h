// SPDX-License-Identifier: MIT
// Two runs' configurations side by side: every setting by its dotted key, run A's value and run
// B's, the rows that differ highlighted, and a toggle to list only those. The runs come from two
// combo boxes (the page sets them from the two rows selected in the table); configurations are
// asked for with configRequested() and arrive through setConfig().
#pragma once

#include "project/project_types.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace peft::runs {

class ConfigDiffView final : public QWidget {
    Q_OBJECT
public:
    explicit ConfigDiffView(QWidget* parent = nullptr);

    /// The runs to choose from; the chosen pair is kept when both are still there.
    void setRuns(const QList<project::RunSummary>& runs);
    /// Forgets the configurations received (another project).
    void clear();
    /// Compares run `a` with run `b`.
    void setPair(qint64 a, qint64 b);
    qint64 runA() const;
    qint64 runB() const;
    /// A configuration asked for with configRequested().
    void setConfig(qint64 runId, const QJsonObject& config);

    /// The keys whose values differ (or exist in only one run), sorted.
    QStringList differingKeys() const { return differing_; }
    QTableWidget* table() const { return table_; }
    QCheckBox* onlyDifferencesBox() const { return onlyDifferences_; }

Q_SIGNALS:
    void configRequested(qint64 runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyFilter();
    void retranslate();

    QLabel* aLabel_;
    QComboBox* a_;
    QLabel* bLabel_;
    QComboBox* b_;
    QCheckBox* onlyDifferences_;
    QLabel* status_;
    QTableWidget* table_;
    QHash<qint64, QJsonObject> configs_;
    QList<qint64> requested_;
    QStringList differing_;
};

} // namespace peft::runs
