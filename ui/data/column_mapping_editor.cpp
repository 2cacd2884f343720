// SPDX-License-Identifier: MIT
#include "data/column_mapping_editor.h"

#include "core/dataset_backend.h"
#include "data/data_names.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace peft::datapage {

ColumnMappingEditor::ColumnMappingEditor(QWidget* parent) : QWidget(parent) {
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    empty_ = new QLabel(this);
    empty_->setWordWrap(true);
    form_->addRow(empty_);
    retranslate();
}

void ColumnMappingEditor::setState(const QString& format, const QStringList& columns, const DatasetMapping& mapping) {
    // A plain text file has no columns: nothing to map.
    const QStringList roles = columns.isEmpty() ? QStringList() : DatasetFile::roles(format);
    // Rebuild only when the rows change, so a combo keeps focus while the user edits it.
    const bool same = roles == roles_ && columns == columns_ && !combos_.isEmpty();
    format_ = format;
    columns_ = columns;
    if (!same) {
        for (int i = 0; i < combos_.size(); ++i) form_->removeRow(labels_[i]);
        labels_.clear();
        combos_.clear();
        roles_ = roles;
        for (const auto& role : roles_) {
            auto* label = new QLabel(this);
            auto* combo = new QComboBox(this);
            combo->setObjectName(QStringLiteral("role_") + role);
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(8);
            combo->addItem(QString(), QString());
            for (const auto& c : columns) combo->addItem(c, c);
            label->setBuddy(combo);
            connect(combo, &QComboBox::activated, this, [this, role, combo](int index) {
                Q_EMIT roleChanged(role, combo->itemData(index).toString());
            });
            form_->addRow(label, combo);
            labels_ << label;
            combos_ << combo;
        }
    }
    for (int i = 0; i < roles_.size(); ++i) {
        const QSignalBlocker block(combos_[i]);
        const int at = combos_[i]->findData(mapping.value(roles_[i]));
        combos_[i]->setCurrentIndex(at < 0 ? 0 : at);
    }
    empty_->setVisible(roles_.isEmpty());
    retranslate();
}

QComboBox* ColumnMappingEditor::comboFor(const QString& role) const {
    const auto at = roles_.indexOf(role);
    return at < 0 ? nullptr : combos_.value(at);
}

void ColumnMappingEditor::retranslate() {
    empty_->setText(format_.isEmpty() ? tr("Open a dataset to map its columns.")
                                      : tr("A plain text file is one column of text: nothing to map."));
    for (int i = 0; i < roles_.size(); ++i) {
        const bool required = DatasetFile::roleRequired(format_, roles_[i]);
        labels_[i]->setText(required ? tr("%1:").arg(DataNames::role(roles_[i])) : tr("%1 (optional):").arg(DataNames::role(roles_[i])));
        combos_[i]->setItemText(0, tr("(none)"));
    }
}

void ColumnMappingEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::datapage
