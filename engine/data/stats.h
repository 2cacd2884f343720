// SPDX-License-Identifier: MIT
// Dataset statistics for the Data page and the run log. Plain types only.
#pragma once

#include "data/example.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace peft::data {

struct LengthBin {
    std::size_t lower = 0; ///< inclusive
    std::size_t upper = 0; ///< exclusive
    std::size_t count = 0;
};

struct DatasetStats {
    std::size_t rows = 0;           ///< examples kept
    std::size_t skipped_rows = 0;   ///< row errors
    std::size_t truncated_rows = 0;
    std::size_t min_length = 0, max_length = 0; ///< tokens before truncation
    double mean_length = 0.0;
    std::size_t total_tokens = 0;   ///< after truncation
    std::size_t trainable_tokens = 0; ///< tokens with a label (causal LM / instruction)
    std::vector<LengthBin> histogram;
    std::vector<std::pair<std::string, std::size_t>> label_counts; ///< by label id order

    nlohmann::json to_json() const;
};

/// Statistics of tokenized data; the histogram has `bins` equal-width bins over [0, max length].
DatasetStats compute_stats(const TokenizedDataset& data, std::size_t bins = 16);

} // namespace peft::data
