// SPDX-License-Identifier: MIT
#include "data/label_balance_chart.h"

#include "data/chart_style.h"

#include <QLocale>

#include <algorithm>

namespace peft::datapage {

namespace {
// More labels than this and the names would not fit under the bars: they are numbered instead.
constexpr int kMaxNamedBars = 24;
}

LabelBalanceChart::LabelBalanceChart(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("labelBalance"));
    setMinimumHeight(160);
    redraw();
}

void LabelBalanceChart::setStatistics(const DatasetStatistics& statistics) {
    statistics_ = statistics;
    redraw();
}

void LabelBalanceChart::redraw() {
    clearPlottables();
    clearItems();
    styleChart(this);
    xAxis->setLabel(tr("Label"));
    yAxis->setLabel(tr("Examples"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const auto& labels = statistics_.labels;
    if (!statistics_.ok || labels.isEmpty()) {
        xAxis->setTicker(ticker);
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 1);
        setChartNote(this, !statistics_.ok ? tr("No statistics yet") : tr("This format has no labels"));
        replot();
        return;
    }
    auto* bars = new QCPBars(xAxis, yAxis);
    bars->setBrush(palette().highlight());
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.6);
    qint64 total = 0, top = 1;
    for (const auto& [name, count] : labels) {
        total += count;
        top = std::max(top, count);
    }
    const QLocale locale;
    for (int i = 0; i < labels.size(); ++i) {
        bars->addData(i + 1, double(labels[i].second));
        ticker->addTick(i + 1, labels.size() <= kMaxNamedBars ? labels[i].first : QString::number(i));
        if (labels.size() > kMaxNamedBars) continue;
        auto* share = new QCPItemText(this);
        share->position->setCoords(i + 1, double(labels[i].second));
        share->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        share->setColor(palette().color(QPalette::WindowText));
        share->setText(QStringLiteral("%1 (%2%)")
                           .arg(locale.toString(labels[i].second),
                                locale.toString(total ? 100.0 * double(labels[i].second) / double(total) : 0.0, 'f', 1)));
    }
    xAxis->setTicker(ticker);
    xAxis->grid()->setVisible(false);
    xAxis->setRange(0.4, double(labels.size()) + 0.6);
    yAxis->setRange(0, double(top) * 1.2);
    setChartNote(this, {});
    replot();
}

void LabelBalanceChart::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) redraw();
}

} // namespace peft::datapage
