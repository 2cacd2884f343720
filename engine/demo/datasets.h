// SPDX-License-Identifier: MIT
// The demo's two task datasets, from the same grammar as the pretraining corpus:
// sentiment classification (CSV text,label) and fables for causal LM (text, blank-line separated).
#pragma once

#include "demo/demo.h"

#include <string>

namespace peft::demo {

struct DatasetPaths {
    std::string sentiment_train, sentiment_dev, stories_train, stories_dev;
};

/// File names inside the data folder.
inline constexpr const char* kSentimentTrain = "demo-sentiment.csv";
inline constexpr const char* kSentimentDev = "demo-sentiment-dev.csv";
inline constexpr const char* kStoriesTrain = "demo-stories.txt";
inline constexpr const char* kStoriesDev = "demo-stories-dev.txt";

/// Writes the four files into `dir` (which must exist). Dev rows never repeat a training row.
DatasetPaths write_datasets(const std::string& dir, const DemoOptions& options);

/// One CSV field as the data readers expect it: always quoted, inner quotes doubled.
std::string csv_field(const std::string& text);

} // namespace peft::demo
