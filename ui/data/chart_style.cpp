// SPDX-License-Identifier: MIT
#include "data/chart_style.h"

namespace peft::datapage {

namespace {
const char* const kNoteName = "peftChartNote";
}

void styleChart(QCustomPlot* plot) {
    const QPalette pal = plot->palette();
    plot->setBackground(pal.window());
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = pal.color(QPalette::Mid);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
}

void setChartNote(QCustomPlot* plot, const QString& text) {
    for (int i = plot->itemCount() - 1; i >= 0; --i)
        if (plot->item(i)->objectName() == QLatin1String(kNoteName)) plot->removeItem(i);
    if (text.isEmpty()) return;
    auto* note = new QCPItemText(plot);
    note->setObjectName(QLatin1String(kNoteName));
    note->setPositionAlignment(Qt::AlignCenter);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.5, 0.5);
    note->setText(text);
    note->setColor(plot->palette().color(QPalette::PlaceholderText));
}

} // namespace peft::datapage
