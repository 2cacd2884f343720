// SPDX-License-Identifier: MIT
// How the Runs page words and colours a run: translated status names, status and method colours,
// the best metric ("accuracy 72.0 %", "ppl 22.8"), training time (h:mm:ss) and trainable share.
// Shared by the table, the curves and the budget scatter so the three agree.
#pragma once

#include "project/project_types.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace peft::runs {

class RunFormat {
    Q_DECLARE_TR_FUNCTIONS(peft::runs::RunFormat)
public:
    /// "Finished", "Interrupted"... in the user's language.
    static QString statusText(project::RunStatus status);
    /// A text colour for the status; invalid (the palette's) for the ordinary ones.
    static QColor statusColor(project::RunStatus status);
    /// Interrupted and failed runs are shown in bold: they need the user's attention.
    static bool statusIsAlarming(project::RunStatus status);
    /// Interrupted or Cancelled: the run can continue from its last checkpoint.
    static bool canResume(project::RunStatus status);

    /// "accuracy 72.0 %", "ppl 22.8"; empty when the run has no evaluation yet.
    static QString bestMetric(const project::RunSummary& run);
    /// The best metric as plotted: accuracy in percent, perplexity as is.
    static double bestMetricValue(const project::RunSummary& run);
    /// True when the run's evaluations are perplexities (causal LM), false for accuracy.
    static bool usesPerplexity(const project::RunSummary& run);
    /// "accuracy (%)" or "perplexity": an axis title.
    static QString metricAxisTitle(bool perplexity);

    /// h:mm:ss (hours unbounded).
    static QString duration(double seconds);
    /// "0.12 %", with enough digits for tiny shares ("0.0031 %").
    static QString percent(double value);

    /// The i-th of a set of distinct colours (cycles after 20).
    static QColor seriesColor(int index);
};

} // namespace peft::runs
