// SPDX-License-Identifier: MIT
#include "widgets/page_style.h"

#include <QGroupBox>
#include <QVBoxLayout>

namespace peft {

QFont pageHeadingFont(const QFont& base) {
    QFont big = base;
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    return big;
}

QGroupBox* framedSection(QWidget* content, QWidget* parent) {
    auto* box = new QGroupBox(parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace peft
