// SPDX-License-Identifier: MIT
#include "train/training_charts.h"

#include "core/training_history.h"
#include "data/chart_style.h"
#include "train/module_parameters_chart.h"
#include "widgets/qcustomplot_include.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QSvgGenerator>
#include <QVBoxLayout>

namespace peft::train {

namespace {

double lossOf(const TrainPoint& p) { return p.loss; }
double lrOf(const TrainPoint& p) { return p.lr; }
double gradNormOf(const TrainPoint& p) { return p.gradNorm; }
double tokensOf(const TrainPoint& p) { return p.tokensPerSecond; }

QColor faded(QColor c) {
    c.setAlpha(70);
    return c;
}

} // namespace

TrainingCharts::TrainingCharts(const TrainingHistory* history, QWidget* parent) : QWidget(parent), history_(history) {
    grid_ = new QWidget(this);
    auto* grid = new QGridLayout(grid_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    // Loss, learning rate, gradient norm on top; throughput and what the recipe trains below.
    for (int i = 0; i < 4; ++i) {
        QCustomPlot* plot = makePlot();
        plots_ << plot;
        grid->addWidget(plot, i / 3, i % 3);
    }
    modulePlot_ = makePlot();
    modulePlot_->setInteractions({});
    grid->addWidget(modulePlot_, 1, 1, 1, 2);
    addSeries(plots_[0], QColor(31, 119, 180), &lossOf);
    addSeries(plots_[1], QColor(44, 160, 44), &lrOf, false);
    addSeries(plots_[2], QColor(148, 103, 189), &gradNormOf);
    addSeries(plots_[3], QColor(140, 86, 75), &tokensOf);
    // Evaluations are few: drawn as dots joined by a line, over the training curve.
    evalLoss_ = plots_[0]->addGraph();
    evalLoss_->setPen(QPen(QColor(255, 127, 14), 2));
    evalLoss_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    plots_[0]->legend->setVisible(true);
    plots_[0]->legend->setFont(font());
    plots_[0]->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plots_[0]->legend->setTextColor(palette().color(QPalette::WindowText));
    plots_[0]->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    // Only the loss chart has a legend; updateSmoothVisibility picks which training curve it lists.
    for (int i = 1; i < series_.size(); ++i) {
        series_[i].raw->removeFromLegend();
        series_[i].smooth->removeFromLegend();
    }

    smoothingLabel_ = new QLabel(this);
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setObjectName(QStringLiteral("smoothing"));
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setMaximumWidth(160);
    smoothingLabel_->setBuddy(smoothing_);
    log_ = new QCheckBox(this);
    log_->setObjectName(QStringLiteral("logScale"));
    fit_ = new QPushButton(this);
    png_ = new QPushButton(this);
    csv_ = new QPushButton(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(smoothingLabel_);
    bar->addWidget(smoothing_);
    bar->addSpacing(12);
    bar->addWidget(log_);
    bar->addStretch(1);
    bar->addWidget(fit_);
    bar->addWidget(png_);
    bar->addWidget(csv_);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(grid_, 1);

    connect(smoothing_, &QSlider::valueChanged, this, [this](int) { rebuildSmoothed(); });
    connect(log_, &QCheckBox::toggled, this, &TrainingCharts::setLogScale);
    connect(fit_, &QPushButton::clicked, this, &TrainingCharts::fitAll);
    connect(png_, &QPushButton::clicked, this, &TrainingCharts::exportPngDialog);
    connect(csv_, &QPushButton::clicked, this, &TrainingCharts::exportCsvDialog);
    retranslate();
    reset();
}

QCustomPlot* TrainingCharts::makePlot() {
    auto* plot = new QCustomPlot(grid_);
    plot->setMinimumSize(150, 150); // three a row must still fit a 1024-pixel-wide window
    datapage::styleChart(plot);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    title->setTextColor(palette().color(QPalette::WindowText));
    plot->plotLayout()->addElement(0, 0, title);
    titles_ << title;
    // Any pan or zoom by the user stops the axes from following the run; a double-click fits again.
    connect(plot, &QCustomPlot::mousePress, this, [this] { follow_ = false; });
    connect(plot, &QCustomPlot::mouseWheel, this, [this] { follow_ = false; });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { fitAll(); });
    return plot;
}

void TrainingCharts::addSeries(QCustomPlot* plot, const QColor& color, double (*value)(const TrainPoint&), bool smoothed) {
    Series s;
    s.raw = plot->addGraph();
    s.raw->setPen(QPen(color, 1.5));
    s.smooth = plot->addGraph();
    s.smooth->setPen(QPen(color, 2));
    s.value = value;
    s.smoothed = smoothed;
    series_ << s;
}

QCPGraph* TrainingCharts::trainLossGraph() const { return series_[0].raw; }
QCPGraph* TrainingCharts::evalLossGraph() const { return evalLoss_; }

void TrainingCharts::setModuleParameters(const QList<QPair<QString, qint64>>& modules) {
    modules_ = modules;
    datapage::setChartNote(modulePlot_, QString());
    drawModuleParameters(modulePlot_, modules_, tr("trainable parameters"));
    if (modules_.isEmpty()) datapage::setChartNote(modulePlot_, tr("Shown when the run has loaded its model"));
}

void TrainingCharts::reset() {
    for (auto& s : series_) {
        s.raw->data()->clear();
        s.smooth->data()->clear();
        s.started = false;
        s.ema = 0;
    }
    evalLoss_->data()->clear();
    follow_ = true;
    for (QCustomPlot* plot : plots_) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1);
    }
    retranslate(); // the "no data yet" notes
    redraw();
}

void TrainingCharts::appendSteps(qsizetype from, qsizetype count) {
    const auto& steps = history_->steps();
    const double w = smoothing();
    for (qsizetype i = from; i < from + count && i < steps.size(); ++i) {
        const TrainPoint& p = steps[i];
        for (auto& s : series_) {
            const double v = s.value(p);
            s.raw->addData(double(p.step), v);
            s.ema = s.started ? w * s.ema + (1 - w) * v : v;
            s.started = true;
            s.smooth->addData(double(p.step), s.ema);
        }
    }
    if (count > 0)
        for (QCustomPlot* plot : plots_) datapage::setChartNote(plot, QString());
    redraw();
}

void TrainingCharts::appendEval(const EvalPoint& point) {
    evalLoss_->addData(double(point.step), point.loss);
    redraw();
}

double TrainingCharts::smoothing() const { return smoothing_->value() / 100.0; }

void TrainingCharts::setSmoothing(double weight) { smoothing_->setValue(qBound(0, int(weight * 100 + 0.5), 99)); }

void TrainingCharts::rebuildSmoothed() {
    const double w = smoothing();
    for (auto& s : series_) {
        QVector<double> keys, values;
        keys.reserve(history_->steps().size());
        values.reserve(history_->steps().size());
        s.started = false;
        for (const TrainPoint& p : history_->steps()) {
            const double v = s.value(p);
            s.ema = s.started ? w * s.ema + (1 - w) * v : v;
            s.started = true;
            keys << double(p.step);
            values << s.ema;
        }
        s.smooth->setData(keys, values, true);
    }
    updateSmoothVisibility();
    for (QCustomPlot* plot : plots_) plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCharts::updateSmoothVisibility() {
    // With smoothing the raw curve stays as a faint trace, so spikes remain visible.
    for (auto& s : series_) {
        const bool on = s.smoothed && smoothing() > 0;
        QPen pen = s.smooth->pen();
        s.raw->setPen(QPen(on ? faded(pen.color()) : pen.color(), 1.5));
        s.smooth->setVisible(on);
    }
    // The legend names the curve that stands out: the average when there is one.
    const bool on = smoothing() > 0;
    QCPGraph* shown = on ? series_[0].smooth : series_[0].raw;
    QCPGraph* hidden = on ? series_[0].raw : series_[0].smooth;
    hidden->removeFromLegend();
    if (!plots_[0]->legend->hasItemWithPlottable(shown)) {
        shown->addToLegend();
        // The training curve first, above the evaluation dots.
        plots_[0]->legend->removeItem(plots_[0]->legend->itemWithPlottable(evalLoss_));
        evalLoss_->addToLegend();
    }
}

void TrainingCharts::setLogScale(bool on) {
    if (log_->isChecked() != on) log_->setChecked(on); // re-enters through toggled
    for (QCustomPlot* plot : {plots_[0], plots_[2]}) {
        plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on) plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    follow_ = true;
    redraw();
}

bool TrainingCharts::logScale() const { return log_->isChecked(); }

void TrainingCharts::fitAll() {
    follow_ = true;
    redraw();
}

void TrainingCharts::redraw() {
    updateSmoothVisibility();
    if (follow_) {
        for (QCustomPlot* plot : plots_) {
            bool any = false;
            for (int i = 0; i < plot->graphCount(); ++i) any = any || !plot->graph(i)->data()->isEmpty();
            if (!any) continue;
            plot->rescaleAxes(true);
            // A little headroom so the newest point is not on the frame.
            if (plot->yAxis->scaleType() == QCPAxis::stLinear) plot->yAxis->scaleRange(1.08, plot->yAxis->range().center());
        }
    }
    // Queued: many appends within one event-loop pass cost one repaint.
    for (QCustomPlot* plot : plots_) plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<QPair<QCustomPlot*, QRect>> TrainingCharts::chartLayout(QSize* size) const {
    // As on screen; a page never shown is drawn at a default size, three charts a row, the
    // module chart two cells wide.
    const bool laidOut = grid_->isVisible() && !grid_->size().isEmpty();
    const QSize cell(400, 300);
    QList<QPair<QCustomPlot*, QRect>> layout;
    for (int i = 0; i < plots_.size(); ++i)
        layout.append({plots_[i], laidOut ? plots_[i]->geometry()
                                          : QRect(QPoint((i % 3) * cell.width(), (i / 3) * cell.height()), cell)});
    layout.append({modulePlot_, laidOut ? modulePlot_->geometry()
                                        : QRect(QPoint(cell.width(), cell.height()), QSize(2 * cell.width(), cell.height()))});
    *size = laidOut ? grid_->size() : QSize(3 * cell.width(), 2 * cell.height());
    return layout;
}

bool TrainingCharts::exportPng(const QString& path) {
    // Each chart renders itself (QCustomPlot::toPixmap) rather than through QWidget::grab, which
    // replays pending resize events into QCustomPlot's paint buffers and fails to paint them.
    QSize size;
    const auto layout = chartLayout(&size);
    QPixmap picture(size);
    picture.fill(palette().color(QPalette::Window));
    QPainter painter(&picture);
    for (const auto& [plot, rect] : layout) painter.drawPixmap(rect.topLeft(), plot->toPixmap(rect.width(), rect.height()));
    painter.end();
    return picture.save(path, "PNG");
}

bool TrainingCharts::exportSvg(const QString& path) {
    QSize size;
    const auto layout = chartLayout(&size);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(tr("Training charts"));
    svg.setDescription(QStringLiteral("PEFT Studio"));
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    for (const auto& [plot, rect] : layout) {
        painter.save();
        painter.translate(rect.topLeft());
        plot->toPainter(&painter, rect.width(), rect.height()); // vectors, not a picture of the pixels
        painter.restore();
    }
    painter.end();
    return QFileInfo(path).size() > 0;
}

bool TrainingCharts::exportCsv(const QString& path, QString* error) const {
    QFile file(path);
    const QByteArray csv = history_->toCsv();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

void TrainingCharts::exportPngDialog() {
    const QString png = tr("PNG images (*.png)");
    const QString svg = tr("SVG drawings (*.svg)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Charts"), QStringLiteral("training-charts.png"),
                                                png + QStringLiteral(";;") + svg, &filter);
    if (path.isEmpty()) return;
    const bool asSvg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ||
                       (filter == svg && !path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive));
    if (asSvg && !path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) path += QStringLiteral(".svg");
    if (!(asSvg ? exportSvg(path) : exportPng(path)))
        QMessageBox::warning(this, tr("Export Charts"), tr("Cannot write %1.").arg(path));
}

void TrainingCharts::exportCsvDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Metrics"), QStringLiteral("training-metrics.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Metrics"), tr("Cannot write %1: %2").arg(path, error));
}

void TrainingCharts::retranslate() {
    const char* titles[] = {QT_TR_NOOP("Loss"), QT_TR_NOOP("Learning rate"), QT_TR_NOOP("Gradient norm"),
                            QT_TR_NOOP("Tokens per second")};
    for (int i = 0; i < plots_.size(); ++i) {
        titles_[i]->setText(tr(titles[i]));
        plots_[i]->xAxis->setLabel(tr("step"));
        if (history_->steps().isEmpty()) datapage::setChartNote(plots_[i], tr("No data yet"));
    }
    titles_[4]->setText(tr("Trainable parameters per module"));
    drawModuleParameters(modulePlot_, modules_, tr("trainable parameters"));
    if (modules_.isEmpty()) datapage::setChartNote(modulePlot_, tr("Shown when the run has loaded its model"));
    series_[0].raw->setName(tr("training"));
    series_[0].smooth->setName(tr("training"));
    evalLoss_->setName(tr("evaluation"));
    smoothingLabel_->setText(tr("Smoothing:"));
    smoothing_->setToolTip(tr("Exponential moving average over the curves; the raw values stay as a faint line."));
    log_->setText(tr("Log scale"));
    log_->setToolTip(tr("Logarithmic value axis for the loss and gradient-norm charts."));
    fit_->setText(tr("Fit"));
    fit_->setToolTip(tr("Fit every chart to its data and follow the run again (or double-click a chart). "
                        "Drag to pan, scroll to zoom."));
    png_->setText(tr("Export Image…"));
    png_->setToolTip(tr("Save the charts as one picture: PNG, or SVG (vectors)"));
    csv_->setText(tr("Export CSV…"));
    csv_->setToolTip(tr("Save every step's metrics and every evaluation as CSV"));
    for (QCustomPlot* plot : plots_) plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCharts::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::train
