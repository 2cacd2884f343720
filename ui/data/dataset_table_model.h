// SPDX-License-Identifier: MIT
// The preview of a dataset file as a table. Lazy: rows appear in pages as the view scrolls
// (canFetchMore/fetchMore), and their text is read from the file through the record index only
// when a page is first shown; a few pages stay cached. A 1 GB file costs its index, not its text.
#pragma once

#include "core/dataset_types.h"

#include <QAbstractTableModel>
#include <QCache>

#include <memory>

namespace peft {
class DatasetFile;
}

namespace peft::datapage {

class DatasetTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Rows made visible per fetchMore() and read from the file per cache page.
    static constexpr int kPageRows = 256;

    explicit DatasetTableModel(QObject* parent = nullptr);

    /// Shows `file` (null: nothing). Only the first page is exposed until the view asks for more.
    void setFile(std::shared_ptr<const DatasetFile> file);
    std::shared_ptr<const DatasetFile> file() const { return file_; }
    /// Rows in the file's index (the view may have fetched fewer so far).
    qint64 totalRows() const;
    /// Exposes rows up to and including `row` (to jump to a row far below).
    void ensureFetched(qint64 row);
    /// The preview row, read on demand (cached).
    DatasetRow row(qint64 row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    const QList<DatasetRow>* page(qint64 index) const;

    std::shared_ptr<const DatasetFile> file_;
    QStringList columns_;
    int fetched_ = 0;
    mutable QCache<qint64, QList<DatasetRow>> pages_;
};

} // namespace peft::datapage
