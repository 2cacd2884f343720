// SPDX-License-Identifier: MIT
#include "data/row_error_list.h"

#include <QEvent>
#include <QLocale>

namespace peft::datapage {

RowErrorList::RowErrorList(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("rowErrors"));
    setUniformItemSizes(true); // thousands of errors stay cheap to lay out
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    const auto request = [this](QListWidgetItem* item) {
        bool ok = false;
        const qint64 row = item->data(Qt::UserRole).toLongLong(&ok);
        if (ok && row >= 0) Q_EMIT rowRequested(row);
    };
    connect(this, &QListWidget::itemClicked, this, request);
    connect(this, &QListWidget::itemActivated, this, request);
}

void RowErrorList::setErrors(const QList<DatasetRowError>& errors, bool complete) {
    errors_ = errors;
    complete_ = complete;
    rebuild();
}

void RowErrorList::rebuild() {
    clear();
    const QLocale locale;
    const int shown = int(std::min<qsizetype>(errors_.size(), kMaxListed));
    for (int i = 0; i < shown; ++i) {
        const auto& e = errors_[i];
        const QString text = e.line > 0 ? tr("line %1: %2").arg(locale.toString(e.line), e.message) : e.message;
        auto* item = new QListWidgetItem(text, this);
        item->setToolTip(e.row >= 0 ? tr("%1\nClick to show the row.").arg(text) : text);
        item->setData(Qt::UserRole, e.row);
    }
    if (errors_.isEmpty() && complete_) {
        auto* none = new QListWidgetItem(tr("No malformed rows."), this);
        none->setFlags(Qt::NoItemFlags);
    }
    if (errors_.size() > shown) {
        auto* more = new QListWidgetItem(tr("… and %n more", nullptr, int(errors_.size() - shown)), this);
        more->setFlags(Qt::ItemIsEnabled);
    }
}

void RowErrorList::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QListWidget::changeEvent(event);
}

} // namespace peft::datapage
