// SPDX-License-Identifier: MIT
#include "runs/run_overlay_chart.h"

#include "data/chart_style.h"
#include "runs/plot_export.h"
#include "runs/run_format.h"
#include "widgets/qcustomplot_include.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace peft::runs {

using project::RunSeries;
using project::RunSummary;

namespace {
/// More runs than this: the legend would cover the curves; hovering names them instead.
constexpr int kMaxLegendRuns = 12;
} // namespace

RunOverlayChart::RunOverlayChart(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("runCurves"));
    plot_->setMinimumSize(320, 200);
    datapage::styleChart(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->legend->setFont(font());
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setTextColor(palette().color(QPalette::WindowText));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->setMouseTracking(true);
    // Thousands of points per curve: QPainter strokes a long antialiased polyline (with the
    // per-pixel min/max spikes of adaptive sampling) far slower than the same line as segments.
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    plot_->setNoAntialiasingOnDrag(true);

    yLabel_ = new QLabel(this);
    yCombo_ = new QComboBox(this);
    yCombo_->setObjectName(QStringLiteral("curveValue"));
    yLabel_->setBuddy(yCombo_);
    xLabel_ = new QLabel(this);
    xCombo_ = new QComboBox(this);
    xCombo_->setObjectName(QStringLiteral("curveAxis"));
    xLabel_->setBuddy(xCombo_);
    for (int i = 0; i < 4; ++i) yCombo_->addItem(QString());
    for (int i = 0; i < 3; ++i) xCombo_->addItem(QString());
    smoothingLabel_ = new QLabel(this);
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setObjectName(QStringLiteral("curveSmoothing"));
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setMaximumWidth(140);
    smoothingLabel_->setBuddy(smoothing_);
    log_ = new QCheckBox(this);
    log_->setObjectName(QStringLiteral("curveLogScale"));
    fit_ = new QPushButton(this);
    image_ = new QPushButton(this);
    csv_ = new QPushButton(this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(yLabel_);
    bar->addWidget(yCombo_);
    bar->addSpacing(8);
    bar->addWidget(xLabel_);
    bar->addWidget(xCombo_);
    bar->addSpacing(8);
    bar->addWidget(smoothingLabel_);
    bar->addWidget(smoothing_);
    bar->addSpacing(8);
    bar->addWidget(log_);
    bar->addStretch(1);
    bar->addWidget(fit_);
    bar->addWidget(image_);
    bar->addWidget(csv_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(plot_, 1);

    connect(yCombo_, &QComboBox::currentIndexChanged, this, [this] {
        smoothing_->setEnabled(yValue() == YValue::TrainLoss);
        rebuild();
    });
    connect(xCombo_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(smoothing_, &QSlider::valueChanged, this, [this] {
        if (yValue() == YValue::TrainLoss) rebuild();
    });
    connect(log_, &QCheckBox::toggled, this, &RunOverlayChart::setLogScale);
    connect(fit_, &QPushButton::clicked, this, &RunOverlayChart::fitAll);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { fitAll(); });
    connect(plot_, &QCustomPlot::mouseMove, this, &RunOverlayChart::showToolTip);
    connect(image_, &QPushButton::clicked, this,
            [this] { exportPlotDialog(plot_, this, QStringLiteral("run-curves"), tr("Run curves")); });
    connect(csv_, &QPushButton::clicked, this, [this] { exportCsvDialog(toCsv(), this, QStringLiteral("run-curves")); });
    retranslate();
}

void RunOverlayChart::setRuns(const QList<RunSummary>& runs, const QHash<qint64, RunSeries>& series) {
    runs_ = runs;
    series_ = series;
    rebuild();
}

RunOverlayChart::YValue RunOverlayChart::yValue() const { return YValue(std::max(0, yCombo_->currentIndex())); }
void RunOverlayChart::setYValue(YValue value) { yCombo_->setCurrentIndex(int(value)); }
RunOverlayChart::XAxis RunOverlayChart::xAxis() const { return XAxis(std::max(0, xCombo_->currentIndex())); }
void RunOverlayChart::setXAxis(XAxis axis) { xCombo_->setCurrentIndex(int(axis)); }
double RunOverlayChart::smoothing() const { return smoothing_->value() / 100.0; }
void RunOverlayChart::setSmoothing(double weight) { smoothing_->setValue(qBound(0, int(weight * 100 + 0.5), 99)); }
bool RunOverlayChart::logScale() const { return log_->isChecked(); }

void RunOverlayChart::setLogScale(bool on) {
    if (log_->isChecked() != on) log_->setChecked(on); // re-enters through toggled
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    fitAll();
}

QCPGraph* RunOverlayChart::graphOf(qint64 runId) const {
    const qsizetype i = drawn_.indexOf(runId);
    return i < 0 ? nullptr : graphs_[i];
}

void RunOverlayChart::rebuild() {
    plot_->clearGraphs();
    graphs_.clear();
    drawn_.clear();
    const YValue value = yValue();
    const XAxis axis = xAxis();
    const bool smooth = value == YValue::TrainLoss && smoothing() > 0;
    const bool evals = value == YValue::EvalLoss || value == YValue::EvalMetric;
    QVector<QCPGraphData> points;
    QList<double> values;
    for (const RunSummary& run : std::as_const(runs_)) {
        const auto found = series_.constFind(run.id);
        if (found == series_.cend()) continue;
        const QList<CurveSample> samples = curveSamples(run, *found, value);
        values.resize(samples.size());
        for (qsizetype i = 0; i < samples.size(); ++i) values[i] = samples[i].value;
        if (smooth) smoothCurve(values, smoothing());
        points.resize(samples.size());
        bool sorted = true;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            points[i] = QCPGraphData(curveKey(samples[i], axis), values[i]);
            if (i > 0 && points[i].key < points[i - 1].key) sorted = false;
        }
        QCPGraph* graph = plot_->addGraph();
        graph->setName(run.name);
        const QColor color = RunFormat::seriesColor(int(graphs_.size()));
        graph->setPen(QPen(color, evals ? 2.0 : 1.5));
        if (evals) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        graph->data()->set(points, sorted);
        graph->setAdaptiveSampling(true);
        graphs_ << graph;
        drawn_ << run.id;
    }
    plot_->legend->setVisible(!graphs_.isEmpty() && graphs_.size() <= kMaxLegendRuns);
    if (graphs_.isEmpty())
        datapage::setChartNote(plot_, runs_.isEmpty() ? tr("Check runs in the table to draw their curves") : tr("Loading…"));
    else datapage::setChartNote(plot_, QString());
    updateAxisTitles();
    fitAll();
    Q_EMIT redrawn();
}

void RunOverlayChart::fitAll() {
    bool any = false;
    for (QCPGraph* g : std::as_const(graphs_)) any = any || !g->data()->isEmpty();
    if (any) {
        plot_->rescaleAxes(true);
        if (plot_->yAxis->scaleType() == QCPAxis::stLinear) plot_->yAxis->scaleRange(1.08, plot_->yAxis->range().center());
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RunOverlayChart::updateAxisTitles() {
    switch (xAxis()) {
    case XAxis::Step: plot_->xAxis->setLabel(tr("step")); break;
    case XAxis::Epoch: plot_->xAxis->setLabel(tr("epoch")); break;
    case XAxis::Tokens: plot_->xAxis->setLabel(tr("input tokens")); break;
    }
    switch (yValue()) {
    case YValue::TrainLoss: plot_->yAxis->setLabel(tr("training loss")); break;
    case YValue::EvalLoss: plot_->yAxis->setLabel(tr("evaluation loss")); break;
    case YValue::LearningRate: plot_->yAxis->setLabel(tr("learning rate")); break;
    case YValue::EvalMetric: {
        bool ppl = false, acc = false;
        for (const RunSummary& run : std::as_const(runs_))
            if (drawn_.contains(run.id)) (RunFormat::usesPerplexity(run) ? ppl : acc) = true;
        plot_->yAxis->setLabel(ppl && acc ? tr("accuracy (%) / perplexity") : RunFormat::metricAxisTitle(ppl));
        break;
    }
    }
}

void RunOverlayChart::showToolTip(QMouseEvent* event) {
    // The curve under the pointer: for each graph the point nearest in x, then the nearest on screen.
    const QPointF pos = event->position();
    const double key = plot_->xAxis->pixelToCoord(pos.x());
    double best = 12; // pixels
    int bestGraph = -1;
    QCPGraphData bestPoint;
    for (int g = 0; g < graphs_.size(); ++g) {
        const auto data = graphs_[g]->data();
        if (data->isEmpty()) continue;
        auto it = data->findBegin(key, false);
        for (auto candidate : {it, it == data->constBegin() ? it : it - 1}) {
            if (candidate == data->constEnd()) continue;
            const double dx = plot_->xAxis->coordToPixel(candidate->key) - pos.x();
            const double dy = plot_->yAxis->coordToPixel(candidate->value) - pos.y();
            const double d = std::hypot(dx, dy);
            if (d < best) {
                best = d;
                bestGraph = g;
                bestPoint = *candidate;
            }
        }
    }
    if (bestGraph < 0) {
        QToolTip::hideText();
        return;
    }
    const QLocale locale;
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1\n%2: %3\n%4: %5")
                           .arg(graphs_[bestGraph]->name(), plot_->xAxis->label(), locale.toString(bestPoint.key, 'g', 6),
                                plot_->yAxis->label(), locale.toString(bestPoint.value, 'g', 5)),
                       plot_);
}

QByteArray RunOverlayChart::toCsv() const {
    QByteArray csv = "run_id,run,step,epoch,tokens,";
    static const char* names[] = {"train_loss", "eval_loss", "eval_metric", "learning_rate"};
    csv += names[int(yValue())];
    csv += '\n';
    for (const RunSummary& run : runs_) {
        if (!drawn_.contains(run.id)) continue;
        QString name = run.name;
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
            name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        const QByteArray prefix = QByteArray::number(run.id) + ',' + name.toUtf8() + ',';
        for (const CurveSample& s : curveSamples(run, series_.value(run.id), yValue())) {
            csv += prefix;
            csv += QByteArray::number(s.step) + ',' + QByteArray::number(s.epoch, 'g', 10) + ',' +
                   QByteArray::number(s.tokens) + ',' + QByteArray::number(s.value, 'g', 10) + '\n';
        }
    }
    return csv;
}

void RunOverlayChart::retranslate() {
    yLabel_->setText(tr("Show:"));
    yCombo_->setItemText(int(YValue::TrainLoss), tr("Training loss"));
    yCombo_->setItemText(int(YValue::EvalLoss), tr("Evaluation loss"));
    yCombo_->setItemText(int(YValue::EvalMetric), tr("Evaluation metric"));
    yCombo_->setItemText(int(YValue::LearningRate), tr("Learning rate"));
    yCombo_->setToolTip(tr("Evaluation metric: accuracy for classification runs, perplexity for language-model runs"));
    xLabel_->setText(tr("Align by:"));
    xCombo_->setItemText(int(XAxis::Step), tr("Step"));
    xCombo_->setItemText(int(XAxis::Epoch), tr("Epoch"));
    xCombo_->setItemText(int(XAxis::Tokens), tr("Tokens"));
    xCombo_->setToolTip(tr("Epoch: steps × examples per step ÷ training examples. Tokens: input tokens seen so far."));
    smoothingLabel_->setText(tr("Smoothing:"));
    smoothing_->setToolTip(tr("Exponential moving average over the training loss"));
    log_->setText(tr("Log scale"));
    log_->setToolTip(tr("Logarithmic value axis"));
    fit_->setText(tr("Fit"));
    fit_->setToolTip(tr("Fit the chart to the curves (or double-click it). Drag to pan, scroll to zoom."));
    image_->setText(tr("Export image…"));
    image_->setToolTip(tr("Save the chart as PNG or SVG"));
    csv_->setText(tr("Export CSV…"));
    csv_->setToolTip(tr("Save every point of the drawn curves as CSV"));
    updateAxisTitles();
    if (graphs_.isEmpty() && runs_.isEmpty()) datapage::setChartNote(plot_, tr("Check runs in the table to draw their curves"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RunOverlayChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::runs
