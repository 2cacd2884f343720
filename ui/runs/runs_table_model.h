// SPDX-License-Identifier: MIT
// The runs of a project as a table: a checkbox (draw the run's curves), name, method, status
// (translated, coloured), trainable share, best metric, steps, training time and start. Each cell
// also answers SortRole with a number or plain text, so a QSortFilterProxyModel sorts numerically.
#pragma once

#include "project/project_types.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace peft::runs {

class RunsTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Checked, Name, Method, Status, Trainable, Best, Steps, Time, Started, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RunIdRole };

    explicit RunsTableModel(QObject* parent = nullptr);

    /// Replaces the rows. Runs still present keep their check; when the user has never changed a
    /// check, the `defaultChecked` most recent runs are checked.
    void setRuns(const QList<project::RunSummary>& runs, int defaultChecked = 10);
    const QList<project::RunSummary>& runs() const { return runs_; }
    const project::RunSummary* run(qint64 runId) const;
    int rowOf(qint64 runId) const;

    /// The checked runs' ids, in table (oldest first) order.
    QList<qint64> checkedRuns() const;
    bool isChecked(qint64 runId) const { return checked_.contains(runId); }
    void setChecked(const QList<qint64>& runIds);
    /// Back to the default checks on the next setRuns (another project).
    void forgetChecks() {
        checked_.clear();
        userChecked_ = false;
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Header texts again (after a language change).
    void retranslate();

Q_SIGNALS:
    /// The set of checked runs changed (by the user or setChecked).
    void checkedChanged();

private:
    QVariant display(const project::RunSummary& run, int column) const;
    QVariant sortValue(const project::RunSummary& run, int column) const;
    QVariant toolTip(const project::RunSummary& run, int column) const;

    QList<project::RunSummary> runs_;
    QSet<qint64> checked_;
    bool userChecked_ = false; ///< the user chose which runs to draw: keep the choice across reloads
};

} // namespace peft::runs
