// SPDX-License-Identifier: MIT
// Every point of one run, kept at full resolution: the charts read it, the CSV export writes it,
// the ETA is estimated from it. Lives on the GUI thread; the controller appends in batches.
#pragma once

#include "core/training_types.h"

#include <QByteArray>
#include <QList>

namespace peft {

class TrainingHistory {
public:
    void clear();
    void setTotalSteps(qint64 total) { totalSteps_ = total; }
    qint64 totalSteps() const { return totalSteps_; }

    void appendSteps(const QList<TrainPoint>& points) { steps_ += points; }
    void appendEval(const EvalPoint& point) { evals_ << point; }
    const QList<TrainPoint>& steps() const { return steps_; }
    const QList<EvalPoint>& evals() const { return evals_; }
    qint64 lastStep() const { return steps_.isEmpty() ? 0 : steps_.last().step; }

    /// Seconds left, from the median time of the last steps (a pause is one long gap, which the
    /// median ignores); negative while there are too few steps to tell.
    double etaSeconds() const;

    /// step,loss,lr,grad_norm,tokens_per_s,samples_per_s,elapsed,eval_loss,eval_accuracy,eval_f1,
    /// eval_matthews,eval_perplexity — one row per step; the eval columns are filled on the
    /// steps that were evaluated (an evaluation of a step with no row gets its own row).
    QByteArray toCsv() const;

private:
    QList<TrainPoint> steps_;
    QList<EvalPoint> evals_;
    qint64 totalSteps_ = 0;
};

} // namespace peft
