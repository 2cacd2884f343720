// SPDX-License-Identifier: MIT
#include "data/length_histogram.h"

#include "data/chart_style.h"

#include <algorithm>

namespace peft::datapage {

LengthHistogram::LengthHistogram(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("lengthHistogram"));
    setMinimumHeight(160);
    redraw();
}

void LengthHistogram::setStatistics(const DatasetStatistics& statistics) {
    statistics_ = statistics;
    redraw();
}

QList<qint64> LengthHistogram::binCounts() const {
    QList<qint64> out;
    for (const auto& b : statistics_.histogram) out << b.count;
    return out;
}

void LengthHistogram::redraw() {
    clearPlottables();
    clearItems();
    styleChart(this);
    const QPalette pal = palette();
    xAxis->setLabel(statistics_.documents ? tr("Tokens per document") : tr("Tokens per example"));
    yAxis->setLabel(statistics_.documents ? tr("Documents") : tr("Examples"));
    if (!statistics_.ok || statistics_.histogram.isEmpty()) {
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 1);
        setChartNote(this, statistics_.ok ? tr("No rows") : tr("No statistics yet"));
        replot();
        return;
    }
    auto* within = new QCPBars(xAxis, yAxis);
    auto* over = new QCPBars(xAxis, yAxis);
    within->setBrush(pal.highlight());
    within->setPen(Qt::NoPen);
    over->setBrush(QColor(220, 120, 40));
    over->setPen(Qt::NoPen);
    const double width = double(statistics_.histogram.front().upper - statistics_.histogram.front().lower);
    within->setWidth(width * 0.9);
    over->setWidth(width * 0.9);
    double top = 1;
    for (const auto& b : statistics_.histogram) {
        const double centre = (double(b.lower) + double(b.upper)) / 2.0;
        // A bin whose rows are all longer than the maximum is truncated; a straddling one is
        // drawn as kept (the line shows where the cut falls).
        (b.lower >= statistics_.maxLengthSetting ? over : within)->addData(centre, double(b.count));
        top = std::max(top, double(b.count));
    }
    const double right = std::max(double(statistics_.histogram.back().upper), double(statistics_.maxLengthSetting) * 1.05);
    xAxis->setRange(0, right);
    yAxis->setRange(0, top * 1.15);
    auto* limit = new QCPItemStraightLine(this);
    limit->point1->setCoords(double(statistics_.maxLengthSetting), 0);
    limit->point2->setCoords(double(statistics_.maxLengthSetting), 1);
    limit->setPen(QPen(QColor(220, 50, 47), 1.5, Qt::DashLine));
    auto* label = new QCPItemText(this);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(double(statistics_.maxLengthSetting), 0.02);
    label->setPositionAlignment(Qt::AlignTop | (statistics_.maxLengthSetting > right * 0.7 ? Qt::AlignRight : Qt::AlignLeft));
    label->setPadding(QMargins(4, 0, 4, 0));
    label->setColor(QColor(220, 50, 47));
    label->setText(statistics_.documents ? tr("block size %1").arg(statistics_.maxLengthSetting)
                                         : tr("max length %1").arg(statistics_.maxLengthSetting));
    setChartNote(this, {});
    replot();
}

void LengthHistogram::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) redraw();
}

} // namespace peft::datapage
