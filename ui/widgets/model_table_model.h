// SPDX-License-Identifier: MIT
// Table model of the catalog's models for the Model page.
#pragma once

#include "core/model_row.h"

#include <QAbstractTableModel>

namespace peft {

class ModelTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Architecture, Layers, Width, Heads, Parameters, DType, Tokenizer, Status, ColumnCount };

    explicit ModelTableModel(QObject* parent = nullptr);
    void setRows(const QList<ModelRow>& rows);
    const ModelRow& row(int index) const { return rows_.at(index); }
    int indexOfPath(const QString& path) const;
    /// The folder of the studio's demo model: its row is named and marked as the demo.
    void setDemoPath(const QString& path);
    bool isDemo(int index) const { return !demoPath_.isEmpty() && rows_.at(index).path == demoPath_; }
    /// "Demo · tiny Llama": what the list and the detail title call the demo model.
    static QString demoDisplayName();
    /// The translated name of an engine component ("embeddings", "attention", "ffn", ...).
    static QString componentName(const QString& component);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ModelRow> rows_;
    QString demoPath_;
};

} // namespace peft
