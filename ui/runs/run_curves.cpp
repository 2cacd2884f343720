// SPDX-License-Identifier: MIT
#include "runs/run_curves.h"

#include "runs/run_format.h"

#include <algorithm>

namespace peft::runs {

using project::EvalRecord;
using project::StepRecord;

QList<CurveSample> curveSamples(const project::RunSummary& run, const project::RunSeries& series, CurveValue value) {
    const double epochPerStep = run.examplesPerStep > 0 && run.trainExamples > 0
                                    ? double(run.examplesPerStep) / double(run.trainExamples)
                                    : 0.0;
    QList<CurveSample> out;
    if (value == CurveValue::TrainLoss || value == CurveValue::LearningRate) {
        out.reserve(series.steps.size());
        const bool lr = value == CurveValue::LearningRate;
        for (const StepRecord& s : series.steps)
            out.append(CurveSample{s.step, double(s.step) * epochPerStep, s.tokensSeen, lr ? s.lr : s.loss});
        return out;
    }
    const bool perplexity = RunFormat::usesPerplexity(run);
    out.reserve(series.evals.size());
    for (const EvalRecord& e : series.evals) {
        // Tokens of the evaluation's step: the last training step at or before it.
        qint64 tokens = 0;
        auto it = std::upper_bound(series.steps.cbegin(), series.steps.cend(), e.step,
                                   [](qint64 step, const StepRecord& s) { return step < s.step; });
        if (it != series.steps.cbegin()) tokens = std::prev(it)->tokensSeen;
        double v = e.loss;
        if (value == CurveValue::EvalMetric) v = perplexity ? e.perplexity : 100.0 * e.accuracy;
        out.append(CurveSample{e.step, double(e.step) * epochPerStep, tokens, v});
    }
    return out;
}

void smoothCurve(QList<double>& values, double weight) {
    if (weight <= 0 || values.isEmpty()) return;
    double ema = values.first();
    for (double& v : values) {
        ema = weight * ema + (1 - weight) * v;
        v = ema;
    }
}

} // namespace peft::runs
