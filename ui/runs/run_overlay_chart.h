// SPDX-License-Identifier: MIT
// The curves of the checked runs drawn over one another: one graph per run, in distinct colours,
// named in the legend. The value is the training loss, the evaluation loss, the evaluation
// metric (accuracy in percent, or perplexity) or the learning rate; the runs are aligned by
// step, by epoch (step × examples per step / training examples) or by input tokens seen. Every
// stored point is drawn (QCustomPlot only thins what reaches the screen). Smoothing (an
// exponential moving average, as on the Train page) applies to the training loss; the value axis
// can be logarithmic; drag to pan, wheel to zoom, double-click to fit. Exports: PNG, SVG, CSV.
#pragma once

#include "project/project_types.h"
#include "runs/run_curves.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;
class QSlider;

namespace peft::runs {

class RunOverlayChart final : public QWidget {
    Q_OBJECT
public:
    using YValue = CurveValue;
    using XAxis = CurveAxis;

    explicit RunOverlayChart(QWidget* parent = nullptr);

    /// Draws `runs` (in this order) whose points are in `series`; runs without points there yet
    /// are left out until they arrive.
    void setRuns(const QList<project::RunSummary>& runs, const QHash<qint64, project::RunSeries>& series);

    void setYValue(YValue value);
    YValue yValue() const;
    void setXAxis(XAxis axis);
    XAxis xAxis() const;
    /// Smoothing weight in [0, 0.99] (0 = off); applies to the training loss.
    void setSmoothing(double weight);
    double smoothing() const;
    void setLogScale(bool on);
    bool logScale() const;
    /// Fits the axes to the data.
    void fitAll();

    QCustomPlot* plot() const { return plot_; }
    /// The graph of a run; null when the run is not drawn.
    QCPGraph* graphOf(qint64 runId) const;
    /// Ids of the runs drawn, in graph order.
    QList<qint64> drawnRuns() const { return drawn_; }
    /// Every point drawn (unsmoothed), one row per point: run, step, epoch, tokens, value.
    QByteArray toCsv() const;

    QComboBox* yCombo() const { return yCombo_; }
    QComboBox* xCombo() const { return xCombo_; }
    QSlider* smoothingSlider() const { return smoothing_; }
    QCheckBox* logScaleBox() const { return log_; }

Q_SIGNALS:
    /// The graphs were rebuilt and a replot queued.
    void redrawn();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void showToolTip(QMouseEvent* event);
    void retranslate();
    void updateAxisTitles();

    QCustomPlot* plot_;
    QComboBox* yCombo_;
    QComboBox* xCombo_;
    QLabel* yLabel_;
    QLabel* xLabel_;
    QLabel* smoothingLabel_;
    QSlider* smoothing_;
    QCheckBox* log_;
    QPushButton* fit_;
    QPushButton* image_;
    QPushButton* csv_;
    QList<project::RunSummary> runs_;
    QHash<qint64, project::RunSeries> series_;
    QList<qint64> drawn_;
    QList<QCPGraph*> graphs_;
};

} // namespace peft::runs
