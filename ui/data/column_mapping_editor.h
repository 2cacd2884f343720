// SPDX-License-Identifier: MIT
// One combo box per role of the chosen format (text, label, instruction, ...), listing the
// file's columns, with the current mapping selected. Edits are reported, not applied: the
// session owns the mapping.
#pragma once

#include "core/dataset_types.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;

namespace peft::datapage {

class ColumnMappingEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ColumnMappingEditor(QWidget* parent = nullptr);

    /// Rebuilds the rows for `format` (an engine format name) over `columns`.
    void setState(const QString& format, const QStringList& columns, const DatasetMapping& mapping);
    /// The combo box of a role (tests); null when the format has no such role.
    QComboBox* comboFor(const QString& role) const;
    QStringList roles() const { return roles_; }

Q_SIGNALS:
    /// The user picked `column` for `role` (empty: none).
    void roleChanged(const QString& role, const QString& column);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QFormLayout* form_;
    QLabel* empty_;
    QString format_;
    QStringList roles_;
    QStringList columns_;
    QList<QLabel*> labels_;
    QList<QComboBox*> combos_;
};

} // namespace peft::datapage
