// SPDX-License-Identifier: MIT
#include "runs/budget_scatter.h"

#include "data/chart_style.h"
#include "runs/plot_export.h"
#include "runs/run_format.h"
#include "widgets/qcustomplot_include.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace peft::runs {

using project::RunSummary;

namespace {
/// More points than this: names would pile up; hovering a point names it instead.
constexpr int kMaxLabels = 24;
const char* const kLabelName = "peftRunLabel";
} // namespace

BudgetScatter::BudgetScatter(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("budgetScatter"));
    plot_->setMinimumSize(320, 200);
    datapage::styleChart(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setNumberFormat(QStringLiteral("g"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setTextColor(palette().color(QPalette::WindowText));
    plot_->setMouseTracking(true);

    metricLabel_ = new QLabel(this);
    metric_ = new QComboBox(this);
    metric_->setObjectName(QStringLiteral("budgetMetric"));
    metric_->addItem(QString());
    metric_->addItem(QString());
    metricLabel_->setBuddy(metric_);
    hint_ = new QLabel(this);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    image_ = new QPushButton(this);
    csv_ = new QPushButton(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(metricLabel_);
    bar->addWidget(metric_);
    bar->addSpacing(8);
    bar->addWidget(hint_, 1);
    bar->addWidget(image_);
    bar->addWidget(csv_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(plot_, 1);

    connect(metric_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(plot_, &QCustomPlot::mouseMove, this, &BudgetScatter::showToolTip);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { rebuild(); });
    connect(image_, &QPushButton::clicked, this,
            [this] { exportPlotDialog(plot_, this, QStringLiteral("budget-vs-metric"), tr("Parameter budget vs metric")); });
    connect(csv_, &QPushButton::clicked, this, [this] { exportCsvDialog(toCsv(), this, QStringLiteral("budget-vs-metric")); });
    retranslate();
}

bool BudgetScatter::showsPerplexity() const { return metric_->currentIndex() == 1; }

void BudgetScatter::setRuns(const QList<RunSummary>& runs) {
    runs_ = runs;
    // Which kind of metric to show: the one most runs have (accuracy on a tie), unless both are
    // present and the user picked one.
    int accuracy = 0, perplexity = 0;
    for (const RunSummary& r : std::as_const(runs_)) {
        if (r.bestMetricName.isEmpty()) continue;
        (RunFormat::usesPerplexity(r) ? perplexity : accuracy) += 1;
    }
    const bool both = accuracy > 0 && perplexity > 0;
    metricLabel_->setVisible(both);
    metric_->setVisible(both);
    if (!both) {
        const QSignalBlocker block(metric_);
        metric_->setCurrentIndex(perplexity > accuracy ? 1 : 0);
    }
    rebuild();
}

void BudgetScatter::rebuild() {
    plot_->clearGraphs();
    for (int i = plot_->itemCount() - 1; i >= 0; --i)
        if (plot_->item(i)->objectName() == QLatin1String(kLabelName)) plot_->removeItem(i);
    methodGraphs_.clear();
    points_.clear();
    const bool perplexity = showsPerplexity();
    QMap<QString, QList<int>> byMethod; // sorted by method name: stable colours
    for (const RunSummary& r : std::as_const(runs_)) {
        if (r.bestMetricName.isEmpty() || RunFormat::usesPerplexity(r) != perplexity) continue;
        if (r.totalParameters <= 0 || r.trainableParameters <= 0) continue; // no place on a log axis
        byMethod[r.method].append(int(points_.size()));
        points_.append(Point{&r, r.trainablePercent(), RunFormat::bestMetricValue(r)});
    }
    int colour = 0;
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it, ++colour) {
        QCPGraph* graph = plot_->addGraph();
        graph->setName(it.key().isEmpty() ? tr("(no method)") : it.key());
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor c = RunFormat::seriesColor(colour);
        graph->setPen(QPen(c, 1.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 9));
        QVector<double> xs, ys;
        for (int i : it.value()) {
            xs << points_[i].x;
            ys << points_[i].y;
        }
        graph->setData(xs, ys);
        methodGraphs_ << graph;
    }
    // The front: going right (more parameters), the runs that beat every cheaper one.
    front_ = nullptr;
    if (points_.size() > 1) {
        QList<Point> sorted = points_;
        std::sort(sorted.begin(), sorted.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
        QVector<double> fx, fy;
        double best = 0;
        for (const Point& p : sorted) {
            const bool better = fx.isEmpty() || (perplexity ? p.y < best : p.y > best);
            if (!better) continue;
            best = p.y;
            fx << p.x;
            fy << p.y;
        }
        if (fx.size() > 1) {
            front_ = plot_->addGraph();
            front_->setName(tr("best so far"));
            QPen pen(palette().color(QPalette::Mid), 1.2, Qt::DashLine);
            front_->setPen(pen);
            front_->setLineStyle(QCPGraph::lsStepLeft);
            front_->setData(fx, fy, true);
            // Behind the points.
            front_->setLayer(plot_->layer(QStringLiteral("grid")));
        }
    }
    if (points_.size() <= kMaxLabels) {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        for (const Point& p : std::as_const(points_)) {
            auto* label = new QCPItemText(plot_);
            label->setObjectName(QLatin1String(kLabelName));
            label->setClipToAxisRect(true);
            label->position->setCoords(p.x, p.y);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            label->setPadding(QMargins(7, 0, 0, 3));
            label->setFont(small);
            label->setColor(palette().color(QPalette::WindowText));
            label->setText(p.run->name);
        }
    }
    hint_->setText(points_.size() > kMaxLabels ? tr("Hover a point for its run") : QString());
    plot_->yAxis->setLabel(RunFormat::metricAxisTitle(perplexity) + (perplexity ? tr(" (lower is better)") : QString()));
    if (points_.isEmpty()) {
        datapage::setChartNote(plot_, tr("Runs appear here once they have been evaluated"));
        plot_->xAxis->setRange(0.01, 100);
        plot_->yAxis->setRange(0, 100);
    } else {
        datapage::setChartNote(plot_, QString());
        plot_->rescaleAxes();
        // Room around the points and for the labels right of them (a log axis scales by factors).
        const QCPRange xr = plot_->xAxis->range();
        plot_->xAxis->setRange(xr.lower / 2, xr.upper * (points_.size() <= kMaxLabels ? 8 : 2));
        const QCPRange yr = plot_->yAxis->range();
        const double pad = std::max(yr.size() * 0.12, std::abs(yr.center()) * 0.02 + 1e-9);
        plot_->yAxis->setRange(yr.lower - pad, yr.upper + pad);
    }
    plot_->legend->setVisible(!methodGraphs_.isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void BudgetScatter::showToolTip(QMouseEvent* event) {
    const QPointF pos = event->position();
    double best = 10;
    const Point* hit = nullptr;
    for (const Point& p : std::as_const(points_)) {
        const double d = std::hypot(plot_->xAxis->coordToPixel(p.x) - pos.x(), plot_->yAxis->coordToPixel(p.y) - pos.y());
        if (d < best) {
            best = d;
            hit = &p;
        }
    }
    if (!hit) {
        QToolTip::hideText();
        return;
    }
    const QLocale locale;
    const RunSummary& r = *hit->run;
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 (%2)\n%3 trainable (%4 of %5)\nbest: %6 at step %7")
                           .arg(r.name, r.method, RunFormat::percent(r.trainablePercent()),
                                locale.toString(r.trainableParameters), locale.toString(r.totalParameters),
                                RunFormat::bestMetric(r), locale.toString(r.bestStep)),
                       plot_);
}

QByteArray BudgetScatter::toCsv() const {
    QByteArray csv = "run_id,run,method,trainable_parameters,total_parameters,trainable_percent,metric,best\n";
    auto quoted = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s.toUtf8();
    };
    for (const Point& p : points_) {
        const RunSummary& r = *p.run;
        csv += QByteArray::number(r.id) + ',' + quoted(r.name) + ',' + quoted(r.method) + ',' +
               QByteArray::number(r.trainableParameters) + ',' + QByteArray::number(r.totalParameters) + ',' +
               QByteArray::number(p.x, 'g', 10) + ',' + r.bestMetricName.toUtf8() + ',' +
               QByteArray::number(r.bestMetric, 'g', 10) + '\n';
    }
    return csv;
}

void BudgetScatter::retranslate() {
    metricLabel_->setText(tr("Metric:"));
    metric_->setItemText(0, tr("Accuracy"));
    metric_->setItemText(1, tr("Perplexity"));
    plot_->xAxis->setLabel(tr("trainable parameters (% of the model, log scale)"));
    image_->setText(tr("Export image…"));
    image_->setToolTip(tr("Save the chart as PNG or SVG"));
    csv_->setText(tr("Export CSV…"));
    csv_->setToolTip(tr("Save the plotted runs as CSV"));
    rebuild();
}

void BudgetScatter::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::runs
