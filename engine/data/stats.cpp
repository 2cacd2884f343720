// SPDX-License-Identifier: MIT
#include "data/stats.h"

#include <algorithm>

namespace peft::data {

DatasetStats compute_stats(const TokenizedDataset& data, std::size_t bins) {
    DatasetStats s;
    s.rows = data.examples.size();
    s.skipped_rows = data.errors.size();
    if (data.labels)
        for (const auto& name : data.labels->names)
            s.label_counts.emplace_back(name, 0);
    std::size_t sum = 0;
    s.min_length = s.rows ? SIZE_MAX : 0;
    for (const auto& ex : data.examples) {
        const auto len = ex.length_before_truncation;
        s.min_length = std::min(s.min_length, len);
        s.max_length = std::max(s.max_length, len);
        sum += len;
        s.total_tokens += ex.input_ids.size();
        s.truncated_rows += ex.truncated ? 1 : 0;
        for (const auto l : ex.labels)
            s.trainable_tokens += l != kIgnoreIndex ? 1 : 0;
        if (ex.label >= 0 && static_cast<std::size_t>(ex.label) < s.label_counts.size())
            ++s.label_counts[static_cast<std::size_t>(ex.label)].second;
    }
    s.mean_length = s.rows ? static_cast<double>(sum) / static_cast<double>(s.rows) : 0.0;
    if (s.rows && bins > 0) {
        const std::size_t width = std::max<std::size_t>(1, (s.max_length + bins) / bins);
        for (std::size_t b = 0; b * width <= s.max_length; ++b)
            s.histogram.push_back({b * width, (b + 1) * width, 0});
        for (const auto& ex : data.examples)
            ++s.histogram[ex.length_before_truncation / width].count;
    }
    return s;
}

nlohmann::json DatasetStats::to_json() const {
    nlohmann::json hist = nlohmann::json::array();
    for (const auto& b : histogram)
        hist.push_back({{"lower", b.lower}, {"upper", b.upper}, {"count", b.count}});
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& [name, count] : label_counts)
        labels[name] = count;
    return {{"rows", rows},
            {"skipped_rows", skipped_rows},
            {"truncated_rows", truncated_rows},
            {"min_length", min_length},
            {"max_length", max_length},
            {"mean_length", mean_length},
            {"total_tokens", total_tokens},
            {"trainable_tokens", trainable_tokens},
            {"length_histogram", hist},
            {"label_counts", labels}};
}

} // namespace peft::data
