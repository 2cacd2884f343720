// SPDX-License-Identifier: MIT
#include "core/training_history.h"

#include <QMap>

#include <algorithm>
#include <vector>

namespace peft {

namespace {
/// Enough steps to smooth out noise, few enough to follow a change of speed (evaluation, load).
constexpr int kEtaWindow = 21;

QByteArray number(double value) { return QByteArray::number(value, 'g', 10); }
} // namespace

void TrainingHistory::clear() {
    steps_.clear();
    evals_.clear();
    totalSteps_ = 0;
}

double TrainingHistory::etaSeconds() const {
    if (steps_.size() < 2 || totalSteps_ <= 0) return -1;
    std::vector<double> durations;
    const qsizetype first = std::max<qsizetype>(1, steps_.size() - kEtaWindow);
    for (qsizetype i = first; i < steps_.size(); ++i) {
        const qint64 steps = steps_[i].step - steps_[i - 1].step;
        if (steps > 0) durations.push_back((steps_[i].elapsed - steps_[i - 1].elapsed) / double(steps));
    }
    if (durations.empty()) return -1;
    auto middle = durations.begin() + std::ptrdiff_t(durations.size() / 2);
    std::nth_element(durations.begin(), middle, durations.end());
    return std::max<qint64>(0, totalSteps_ - lastStep()) * *middle;
}

QByteArray TrainingHistory::toCsv() const {
    QMap<qint64, const EvalPoint*> evalAt;
    for (const auto& e : evals_) evalAt.insert(e.step, &e);
    QByteArray out = "step,loss,lr,grad_norm,tokens_per_s,samples_per_s,elapsed,"
                     "eval_loss,eval_accuracy,eval_f1,eval_matthews,eval_perplexity\n";
    auto evalColumns = [](const EvalPoint* e) -> QByteArray {
        if (!e) return ",,,,";
        if (e->classification)
            return number(e->loss) + ',' + number(e->accuracy) + ',' + number(e->f1) + ',' + number(e->matthews) + ',';
        return number(e->loss) + ",,,," + number(e->perplexity);
    };
    for (const auto& p : steps_) {
        out += QByteArray::number(p.step) + ',' + number(p.loss) + ',' + number(p.lr) + ',' + number(p.gradNorm) + ',' +
               number(p.tokensPerSecond) + ',' + number(p.samplesPerSecond) + ',' + number(p.elapsed) + ',' +
               evalColumns(evalAt.value(p.step)) + '\n';
        evalAt.remove(p.step);
    }
    // Evaluations of a step without a row (step 0 of a run evaluated before training).
    for (auto it = evalAt.cbegin(); it != evalAt.cend(); ++it)
        out += QByteArray::number(it.key()) + ",,,,,,," + evalColumns(it.value()) + '\n';
    return out;
}

} // namespace peft
