// SPDX-License-Identifier: MIT
#include "train/metrics.h"

#include "core/error.h"

#include <cmath>

namespace peft {

ClassificationMetrics classification_metrics(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth,
                                             int64_t num_classes) {
    if (predicted.size() != truth.size())
        throw Error("metrics: " + std::to_string(predicted.size()) + " predictions for " +
                    std::to_string(truth.size()) + " labels");
    ClassificationMetrics m;
    m.count = static_cast<int64_t>(truth.size());
    if (truth.empty() || num_classes <= 0) return m;
    const auto k = static_cast<size_t>(num_classes);
    std::vector<std::vector<double>> confusion(k, std::vector<double>(k, 0.0)); // [truth][predicted]
    for (size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= num_classes || predicted[i] < 0 || predicted[i] >= num_classes)
            throw Error("metrics: class id out of range at row " + std::to_string(i));
        confusion[truth[i]][predicted[i]] += 1;
    }
    double correct = 0, total = static_cast<double>(truth.size());
    std::vector<double> row(k, 0), col(k, 0);
    for (size_t t = 0; t < k; ++t)
        for (size_t p = 0; p < k; ++p) {
            row[t] += confusion[t][p];
            col[p] += confusion[t][p];
            if (t == p) correct += confusion[t][p];
        }
    m.accuracy = correct / total;

    auto f1_of = [&](size_t c) {
        const double tp = confusion[c][c];
        const double denom = row[c] + col[c];
        return denom > 0 ? 2 * tp / denom : 0.0;
    };
    if (k == 2) {
        m.f1 = f1_of(1);
    } else {
        double sum = 0;
        for (size_t c = 0; c < k; ++c) sum += f1_of(c);
        m.f1 = sum / static_cast<double>(k);
    }
    // Gorodkin's multi-class MCC; equals the usual binary formula for k = 2.
    double sum_pt = 0, sum_p2 = 0, sum_t2 = 0;
    for (size_t c = 0; c < k; ++c) {
        sum_pt += col[c] * row[c];
        sum_p2 += col[c] * col[c];
        sum_t2 += row[c] * row[c];
    }
    const double numerator = correct * total - sum_pt;
    const double denominator = std::sqrt(total * total - sum_p2) * std::sqrt(total * total - sum_t2);
    m.matthews = denominator > 0 ? numerator / denominator : 0.0;
    return m;
}

double perplexity(double total_nll, int64_t tokens) {
    if (tokens <= 0) return 0.0;
    return std::exp(total_nll / static_cast<double>(tokens));
}

} // namespace peft
