// SPDX-License-Identifier: MIT
#include "data/dataset_table_model.h"

#include "core/dataset_backend.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace peft::datapage {

namespace {
// Cells longer than this are cut in the table (the tooltip shows more): long documents would
// otherwise make every row measure and paint kilobytes of text.
constexpr int kCellChars = 300;
constexpr int kTooltipChars = 2000;
// Pages kept in memory (kPageRows rows each).
constexpr int kCachedPages = 32;

QString shortened(const QString& text, int limit) {
    QString s = text.size() > limit ? text.left(limit) + QChar(0x2026) : text;
    return s;
}
} // namespace

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) { pages_.setMaxCost(kCachedPages); }

void DatasetTableModel::setFile(std::shared_ptr<const DatasetFile> file) {
    beginResetModel();
    file_ = std::move(file);
    pages_.clear();
    columns_ = file_ ? file_->columns() : QStringList();
    fetched_ = int(std::min<qint64>(totalRows(), kPageRows));
    endResetModel();
}

qint64 DatasetTableModel::totalRows() const { return file_ ? file_->rowCount() : 0; }

void DatasetTableModel::ensureFetched(qint64 row) {
    const qint64 want = std::min(totalRows(), row + 1);
    if (want <= fetched_) return;
    // Whole pages, so the rows around the target are there too.
    const qint64 rounded = std::min(totalRows(), (want + kPageRows - 1) / kPageRows * kPageRows);
    beginInsertRows({}, fetched_, int(rounded) - 1);
    fetched_ = int(rounded);
    endInsertRows();
}

const QList<DatasetRow>* DatasetTableModel::page(qint64 index) const {
    if (auto* cached = pages_.object(index)) return cached;
    auto* rows = new QList<DatasetRow>(file_->readRows(index * kPageRows, kPageRows));
    pages_.insert(index, rows);
    return pages_.object(index);
}

DatasetRow DatasetTableModel::row(qint64 r) const {
    if (!file_ || r < 0 || r >= totalRows()) return {};
    const auto* rows = page(r / kPageRows);
    const qint64 at = r % kPageRows;
    return rows && at < rows->size() ? rows->at(at) : DatasetRow{};
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : fetched_; }

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(columns_.size()); }

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !file_) return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::BackgroundRole) return {};
    const DatasetRow r = row(index.row());
    const QString cell = r.cells.value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        // One line per row: newlines inside a field would make rows of different heights.
        return shortened(cell, kCellChars).replace(QLatin1Char('\n'), QChar(0x23CE));
    case Qt::ToolTipRole:
        return r.error.isEmpty() ? shortened(cell, kTooltipChars) : r.error;
    case Qt::BackgroundRole:
        if (r.error.isEmpty()) return {};
        // A malformed row is tinted (a translucent red reads on light and dark palettes).
        return QBrush(QColor(220, 50, 47, 70));
    default: return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal) return columns_.value(section);
    // Rows are numbered by their line in the file, as the row errors are.
    const DatasetRow r = row(section);
    return r.line > 0 ? QVariant(r.line) : QVariant(section + 1);
}

bool DatasetTableModel::canFetchMore(const QModelIndex& parent) const { return !parent.isValid() && fetched_ < totalRows(); }

void DatasetTableModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) return;
    ensureFetched(qint64(fetched_) + kPageRows - 1);
}

} // namespace peft::datapage
