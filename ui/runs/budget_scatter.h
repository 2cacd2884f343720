// SPDX-License-Identifier: MIT
// The parameter-budget plot of the PEFT papers: each run with an evaluation is one point, its
// share of trainable parameters on a logarithmic x axis against its best metric, coloured by
// method (legend by method) and labelled with the run's name (hover for the details when there
// are too many points to label). A dashed line joins the runs that no cheaper run beats (the
// Pareto front). Accuracy and perplexity are not drawn on one axis: with both kinds of run in the
// project a selector picks which.
#pragma once

#include "project/project_types.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;

namespace peft::runs {

class BudgetScatter final : public QWidget {
    Q_OBJECT
public:
    explicit BudgetScatter(QWidget* parent = nullptr);

    void setRuns(const QList<project::RunSummary>& runs);

    QCustomPlot* plot() const { return plot_; }
    /// Points drawn (runs with a best metric of the kind shown and a known trainable share).
    int pointCount() const { return int(points_.size()); }
    /// One graph per method, in legend order.
    QList<QCPGraph*> methodGraphs() const { return methodGraphs_; }
    /// True when perplexities are shown (else accuracies).
    bool showsPerplexity() const;
    QComboBox* metricCombo() const { return metric_; }
    QByteArray toCsv() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Point {
        const project::RunSummary* run = nullptr;
        double x = 0;
        double y = 0;
    };
    void rebuild();
    void showToolTip(QMouseEvent* event);
    void retranslate();

    QCustomPlot* plot_;
    QLabel* metricLabel_;
    QComboBox* metric_;
    QLabel* hint_;
    QPushButton* image_;
    QPushButton* csv_;
    QList<project::RunSummary> runs_;
    QList<Point> points_;
    QList<QCPGraph*> methodGraphs_;
    QCPGraph* front_ = nullptr;
};

} // namespace peft::runs
