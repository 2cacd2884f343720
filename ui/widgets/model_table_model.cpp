// SPDX-License-Identifier: MIT
#include "widgets/model_table_model.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace peft {

ModelTableModel::ModelTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelTableModel::setRows(const QList<ModelRow>& rows) {
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

int ModelTableModel::indexOfPath(const QString& path) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].path == path) return i;
    return -1;
}

void ModelTableModel::setDemoPath(const QString& path) {
    beginResetModel();
    demoPath_ = path;
    endResetModel();
}

QString ModelTableModel::demoDisplayName() { return tr("Demo · tiny Llama"); }

QString ModelTableModel::componentName(const QString& component) {
    if (component == QLatin1String("embeddings")) return tr("embeddings");
    if (component == QLatin1String("attention")) return tr("attention");
    if (component == QLatin1String("ffn")) return tr("FFN");
    if (component == QLatin1String("norms")) return tr("norms");
    if (component == QLatin1String("head")) return tr("head");
    if (component == QLatin1String("other")) return tr("other");
    return component;
}

int ModelTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int ModelTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ModelTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const ModelRow& r = rows_.at(index.row());
    const bool demo = isDemo(index.row());
    if (role == Qt::ToolTipRole) {
        if (demo) return tr("The studio's demo model, pretrained on this computer from generated stories: %1").arg(r.path);
        return r.supported ? r.path : r.reason;
    }
    if (role == Qt::FontRole && demo && index.column() == Name) {
        QFont bold = QApplication::font();
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && !r.supported) return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::TextAlignmentRole && index.column() >= Layers && index.column() <= Parameters)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Name: return demo ? demoDisplayName() : r.name;
    case Architecture: return r.architecture.isEmpty() ? r.modelType : r.architecture;
    case Layers: return r.layers ? QVariant(r.layers) : QVariant();
    case Width: return r.hiddenSize ? QVariant(r.hiddenSize) : QVariant();
    case Heads: return r.heads ? QStringLiteral("%1 / %2").arg(r.heads).arg(r.kvHeads) : QString();
    case Parameters: return r.parameters ? humanCount(r.parameters) : QString();
    case DType: return r.dtype;
    case Tokenizer: return r.tokenizer.isEmpty() ? tr("none") : r.tokenizer;
    case Status: return !r.supported ? tr("Cannot fine-tune") : demo ? tr("Ready (demo)") : tr("Ready");
    }
    return {};
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Model");
    case Architecture: return tr("Architecture");
    case Layers: return tr("Layers");
    case Width: return tr("Width");
    case Heads: return tr("Heads / KV");
    case Parameters: return tr("Parameters");
    case DType: return tr("Dtype");
    case Tokenizer: return tr("Tokenizer");
    case Status: return tr("Status");
    }
    return {};
}

} // namespace peft
