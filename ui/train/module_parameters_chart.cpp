// SPDX-License-Identifier: MIT
#include "train/module_parameters_chart.h"

#include "widgets/qcustomplot_include.h"

#include <QLocale>

#include <algorithm>

namespace peft::train {

void drawModuleParameters(QCustomPlot* plot, const QList<QPair<QString, qint64>>& modules, const QString& axisLabel) {
    plot->clearPlottables();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Bars run along the x axis; the y axis holds the modules, the first at the top.
    auto* bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(31, 119, 180, 190));
    bars->setWidth(0.6);
    double largest = 0;
    const int n = int(modules.size());
    for (int i = 0; i < n; ++i) {
        const double key = double(n - i);
        const double value = double(modules[i].second);
        bars->addData(key, value);
        ticker->addTick(key, QStringLiteral("%1 · %2").arg(modules[i].first, QLocale().toString(modules[i].second)));
        largest = std::max(largest, value);
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setRange(0.3, double(n) + 0.7);
    plot->xAxis->setLabel(axisLabel);
    plot->xAxis->setRange(0, largest > 0 ? largest * 1.08 : 1);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace peft::train
