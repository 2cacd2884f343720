// SPDX-License-Identifier: MIT
#include "train/metrics.h"
#include "train/schedule.h"

#include <gtest/gtest.h>

using namespace peft;

TEST(Schedule, linearWarmupThenDecayToZero) {
    Schedule s{ScheduleKind::Linear, 1e-3, 10, 110};
    EXPECT_DOUBLE_EQ(s.lr_at(0), 0.0);
    EXPECT_DOUBLE_EQ(s.lr_at(5), 5e-4);
    EXPECT_DOUBLE_EQ(s.lr_at(10), 1e-3);
    EXPECT_DOUBLE_EQ(s.lr_at(60), 5e-4);
    EXPECT_DOUBLE_EQ(s.lr_at(110), 0.0);
}

TEST(Schedule, cosineHalfwayIsHalfTheRate) {
    Schedule s{ScheduleKind::Cosine, 2e-3, 0, 100};
    EXPECT_DOUBLE_EQ(s.lr_at(0), 2e-3);
    EXPECT_NEAR(s.lr_at(50), 1e-3, 1e-12);
    EXPECT_NEAR(s.lr_at(100), 0.0, 1e-12);
}

TEST(Schedule, constantIgnoresTotal) {
    Schedule s{ScheduleKind::Constant, 3e-4, 0, 5};
    EXPECT_DOUBLE_EQ(s.lr_at(1000), 3e-4);
}

TEST(Metrics, binaryAccuracyF1AndMatthewsMatchHandComputedValues) {
    // tp=3 fn=1 fp=2 tn=4
    std::vector<int64_t> truth = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    std::vector<int64_t> pred = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};
    auto m = classification_metrics(pred, truth, 2);
    EXPECT_DOUBLE_EQ(m.accuracy, 0.7);
    EXPECT_NEAR(m.f1, 2.0 * 3 / (2 * 3 + 1 + 2), 1e-12);
    const double mcc = (3.0 * 4 - 2.0 * 1) / std::sqrt((3.0 + 2) * (3 + 1) * (4 + 2) * (4 + 1));
    EXPECT_NEAR(m.matthews, mcc, 1e-12);
}

TEST(Metrics, constantPredictionHasZeroMatthews) {
    auto m = classification_metrics({0, 0, 0, 0}, {0, 1, 0, 1}, 2);
    EXPECT_DOUBLE_EQ(m.matthews, 0.0);
    EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
}

TEST(Metrics, perplexityIsExpOfMeanLoss) {
    EXPECT_NEAR(perplexity(10.0 * std::log(20.0), 10), 20.0, 1e-9);
}
