// SPDX-License-Identifier: MIT
// The live charts of a run: loss (training and evaluation), learning rate, gradient norm and
// tokens per second, each a QCustomPlot with every point of the run (no cap, no decimation of
// the data; QCustomPlot only thins what it draws). Drag to pan, wheel to zoom, double-click to fit
// again; while the user has not zoomed, the axes follow the run. A smoothing slider adds an
// exponential moving average over the raw curves; a toggle makes loss and gradient norm
// logarithmic. Exports: one PNG of the four charts, and every point as CSV.
#pragma once

#include "core/training_types.h"

#include <QList>
#include <QPair>
#include <QRect>
#include <QSize>
#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QCPGraph;
class QCPTextElement;
class QLabel;
class QPushButton;
class QSlider;

namespace peft {
class TrainingHistory;
}

namespace peft::train {

class TrainingCharts final : public QWidget {
    Q_OBJECT
public:
    /// The charts read `history` (owned by the training controller, which outlives them).
    explicit TrainingCharts(const TrainingHistory* history, QWidget* parent = nullptr);

    /// Empties every chart (a new run).
    void reset();
    /// Draws history().steps()[from, from + count).
    void appendSteps(qsizetype from, qsizetype count);
    void appendEval(const EvalPoint& point);

    /// Smoothing weight in [0, 0.99] (0 = off).
    void setSmoothing(double weight);
    double smoothing() const;
    void setLogScale(bool on);
    bool logScale() const;
    /// Fits every chart to its data and follows the run again.
    void fitAll();

    bool exportPng(const QString& path);
    /// The same charts as an SVG drawing (vectors).
    bool exportSvg(const QString& path);
    bool exportCsv(const QString& path, QString* error = nullptr) const;

    QCustomPlot* lossPlot() const { return plots_.at(0); }
    QCustomPlot* lrPlot() const { return plots_.at(1); }
    QCustomPlot* gradNormPlot() const { return plots_.at(2); }
    QCustomPlot* throughputPlot() const { return plots_.at(3); }
    QList<QCustomPlot*> plots() const { return plots_; }
    /// Trainable parameters per recipe module (the fifth chart).
    QCustomPlot* modulePlot() const { return modulePlot_; }
    void setModuleParameters(const QList<QPair<QString, qint64>>& modules);
    /// The raw (unsmoothed) training-loss curve and the evaluation-loss points.
    QCPGraph* trainLossGraph() const;
    QCPGraph* evalLossGraph() const;
    QSlider* smoothingSlider() const { return smoothing_; }
    QCheckBox* logScaleBox() const { return log_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    /// One smoothed metric: a raw graph and its moving average on one plot.
    struct Series {
        QCPGraph* raw = nullptr;
        QCPGraph* smooth = nullptr;
        double (*value)(const TrainPoint&) = nullptr;
        bool smoothed = true; ///< the learning rate follows its schedule: nothing to smooth
        double ema = 0;
        bool started = false;
    };
    QCustomPlot* makePlot();
    void addSeries(QCustomPlot* plot, const QColor& color, double (*value)(const TrainPoint&), bool smoothed = true);
    void rebuildSmoothed();
    void updateSmoothVisibility();
    void redraw();
    void retranslate();
    void exportPngDialog();
    /// Each chart with where it goes in the exported picture; `size` is the picture's.
    QList<QPair<QCustomPlot*, QRect>> chartLayout(QSize* size) const;
    void exportCsvDialog();

    const TrainingHistory* history_;
    QList<QCustomPlot*> plots_;
    QCustomPlot* modulePlot_ = nullptr;
    QList<QPair<QString, qint64>> modules_;
    QList<Series> series_; ///< train loss, lr, grad norm, tokens/s
    QCPGraph* evalLoss_ = nullptr;
    QList<QCPTextElement*> titles_;
    QWidget* grid_;
    QLabel* smoothingLabel_;
    QSlider* smoothing_;
    QCheckBox* log_;
    QPushButton* fit_;
    QPushButton* png_;
    QPushButton* csv_;
    bool follow_ = true; ///< axes follow the data until the user pans or zooms
};

} // namespace peft::train
