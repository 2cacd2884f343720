// SPDX-License-Identifier: MIT
#include "widgets/placeholder_page.h"

#include <QCoreApplication>
#include <QEvent>
#include <QVBoxLayout>

namespace peft {

PlaceholderPage::PlaceholderPage(const char* title, const char* description, QWidget* parent)
    : QWidget(parent), title_(title), description_(description), heading_(new QLabel(this)), text_(new QLabel(this)) {
    QFont big = heading_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    heading_->setFont(big);
    text_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(text_);
    layout->addStretch(1);
    retranslate();
}

void PlaceholderPage::retranslate() {
    heading_->setText(QCoreApplication::translate("Pages", title_));
    text_->setText(QCoreApplication::translate("Pages", description_) + QStringLiteral("\n\n") +
                   tr("This page comes in a later version of PEFT Studio."));
}

void PlaceholderPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft
