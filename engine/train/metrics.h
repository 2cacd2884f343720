// SPDX-License-Identifier: MIT
// Evaluation metrics on plain vectors (no LibTorch): classification and language modelling.
#pragma once

#include <cstdint>
#include <vector>

namespace peft {

struct ClassificationMetrics {
    double accuracy = 0;
    double f1 = 0;            ///< binary: F1 of class 1; multi-class: macro F1
    double matthews = 0;      ///< Matthews correlation (multi-class: Gorodkin's R_K)
    int64_t count = 0;
};

/// Metrics of predicted vs true class ids (same length; ids in [0, num_classes)).
ClassificationMetrics classification_metrics(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth,
                                             int64_t num_classes);

/// Perplexity from a summed negative log-likelihood over `tokens` predicted tokens.
double perplexity(double total_nll, int64_t tokens);

} // namespace peft
