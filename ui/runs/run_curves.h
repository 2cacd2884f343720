// SPDX-License-Identifier: MIT
// The points of one run's curve as the Runs page draws them: which value (training loss,
// evaluation loss, evaluation metric, learning rate) against which alignment (step, epoch,
// tokens seen). Plain computation, no widgets.
#pragma once

#include "project/project_types.h"

#include <QList>

namespace peft::runs {

enum class CurveValue { TrainLoss, EvalLoss, EvalMetric, LearningRate };
enum class CurveAxis { Step, Epoch, Tokens };

/// One point with all three alignments, and its raw value.
struct CurveSample {
    qint64 step = 0;
    double epoch = 0;
    qint64 tokens = 0;
    double value = 0;
};

/// The run's points for `value`, in step order. Evaluation metric: accuracy in percent, or
/// perplexity for causal-LM runs. Epoch is step × examplesPerStep / trainExamples (0 when the run
/// does not record them); an evaluation's tokens are those of its step.
QList<CurveSample> curveSamples(const project::RunSummary& run, const project::RunSeries& series, CurveValue value);

/// The sample's position on `axis`.
inline double curveKey(const CurveSample& s, CurveAxis axis) {
    switch (axis) {
    case CurveAxis::Epoch: return s.epoch;
    case CurveAxis::Tokens: return double(s.tokens);
    case CurveAxis::Step: break;
    }
    return double(s.step);
}

/// Exponential moving average in place (weight in [0, 1); 0 leaves the values as they are).
void smoothCurve(QList<double>& values, double weight);

} // namespace peft::runs
