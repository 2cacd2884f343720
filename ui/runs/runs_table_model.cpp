// SPDX-License-Identifier: MIT
#include "runs/runs_table_model.h"

#include "runs/run_format.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace peft::runs {

using project::RunSummary;

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(const QList<RunSummary>& runs, int defaultChecked) {
    beginResetModel();
    runs_ = runs;
    QSet<qint64> ids;
    for (const RunSummary& r : std::as_const(runs_)) ids.insert(r.id);
    if (userChecked_) {
        checked_.intersect(ids);
    } else {
        // The most recent runs: latest creation first, ids breaking ties.
        QList<const RunSummary*> order;
        for (const RunSummary& r : std::as_const(runs_)) order << &r;
        std::sort(order.begin(), order.end(), [](const RunSummary* a, const RunSummary* b) {
            if (a->createdAt != b->createdAt) return a->createdAt > b->createdAt;
            return a->id > b->id;
        });
        checked_.clear();
        for (int i = 0; i < order.size() && i < defaultChecked; ++i) checked_.insert(order[i]->id);
    }
    endResetModel();
    Q_EMIT checkedChanged();
}

const RunSummary* RunsTableModel::run(qint64 runId) const {
    const int row = rowOf(runId);
    return row < 0 ? nullptr : &runs_[row];
}

int RunsTableModel::rowOf(qint64 runId) const {
    for (int i = 0; i < runs_.size(); ++i)
        if (runs_[i].id == runId) return i;
    return -1;
}

QList<qint64> RunsTableModel::checkedRuns() const {
    QList<qint64> ids;
    for (const RunSummary& r : runs_)
        if (checked_.contains(r.id)) ids << r.id;
    return ids;
}

void RunsTableModel::setChecked(const QList<qint64>& runIds) {
    checked_ = QSet<qint64>(runIds.cbegin(), runIds.cend());
    userChecked_ = true;
    if (!runs_.isEmpty()) Q_EMIT dataChanged(index(0, Checked), index(int(runs_.size()) - 1, Checked), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

int RunsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()); }

int RunsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Checked) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= runs_.size()) return {};
    const RunSummary& run = runs_[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(run, column);
    case SortRole: return sortValue(run, column);
    case RunIdRole: return run.id;
    case Qt::ToolTipRole: return toolTip(run, column);
    case Qt::CheckStateRole:
        if (column == Checked) return checked_.contains(run.id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (column == Status) {
            const QColor c = RunFormat::statusColor(run.status);
            if (c.isValid()) return c;
        }
        return {};
    case Qt::FontRole:
        if (column == Status && RunFormat::statusIsAlarming(run.status)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Trainable || column == Steps || column == Time) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant RunsTableModel::display(const RunSummary& run, int column) const {
    const QLocale locale;
    switch (column) {
    case Name: return run.name;
    case Method: return run.method;
    case Status: return RunFormat::statusText(run.status);
    case Trainable: return run.totalParameters > 0 ? RunFormat::percent(run.trainablePercent()) : QStringLiteral("—");
    case Best: {
        const QString best = RunFormat::bestMetric(run);
        return best.isEmpty() ? QStringLiteral("—") : best;
    }
    case Steps:
        return run.totalSteps > 0 ? tr("%1 / %2").arg(locale.toString(run.stepsDone), locale.toString(run.totalSteps))
                                  : locale.toString(run.stepsDone);
    case Time: return RunFormat::duration(run.wallSeconds);
    case Started: {
        const QDateTime when = run.startedAt.isValid() ? run.startedAt : run.createdAt;
        return when.isValid() ? locale.toString(when.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("—");
    }
    default: return {};
    }
}

QVariant RunsTableModel::sortValue(const RunSummary& run, int column) const {
    switch (column) {
    case Checked: return checked_.contains(run.id) ? 1 : 0;
    case Name: return run.name.toLower();
    case Method: return run.method.toLower();
    case Status: return int(run.status);
    case Trainable: return run.trainablePercent();
    case Best:
        // Better first when sorted descending: perplexity counts negatively.
        if (run.bestMetricName.isEmpty()) return -1e300;
        return RunFormat::usesPerplexity(run) ? -run.bestMetric : run.bestMetric;
    case Steps: return run.stepsDone;
    case Time: return run.wallSeconds;
    case Started: return (run.startedAt.isValid() ? run.startedAt : run.createdAt).toMSecsSinceEpoch();
    default: return {};
    }
}

QVariant RunsTableModel::toolTip(const RunSummary& run, int column) const {
    const QLocale locale;
    switch (column) {
    case Checked: return tr("Draw this run's curves");
    case Name: return run.outputDir.isEmpty() ? run.name : tr("%1\nFolder: %2").arg(run.name, run.outputDir);
    case Status: return run.message.isEmpty() ? QVariant() : QVariant(run.message);
    case Trainable:
        if (run.totalParameters <= 0) return tr("Not known before the run's setup");
        return tr("%1 of %2 parameters trainable")
            .arg(locale.toString(run.trainableParameters), locale.toString(run.totalParameters));
    case Best:
        if (run.bestMetricName.isEmpty()) return tr("No evaluation yet");
        return tr("Best evaluation at step %1").arg(locale.toString(run.bestStep));
    default: return {};
    }
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Checked || role != Qt::CheckStateRole) return false;
    const qint64 id = runs_[index.row()].id;
    const bool on = value.toInt() == Qt::Checked;
    if (on == checked_.contains(id)) return true;
    if (on) checked_.insert(id);
    else checked_.remove(id);
    userChecked_ = true;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
    return true;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Checked) return tr("Checked runs are drawn on the Curves tab");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Checked: return tr("Show");
    case Name: return tr("Run");
    case Method: return tr("Method");
    case Status: return tr("Status");
    case Trainable: return tr("Trainable");
    case Best: return tr("Best metric");
    case Steps: return tr("Steps");
    case Time: return tr("Training time");
    case Started: return tr("Started");
    default: return {};
    }
}

void RunsTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!runs_.isEmpty()) Q_EMIT dataChanged(index(0, 0), index(int(runs_.size()) - 1, ColumnCount - 1));
}

} // namespace peft::runs
