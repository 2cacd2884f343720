// SPDX-License-Identifier: MIT
// Tokenized training examples, before batching. Plain types only.
#pragma once

#include "data/label_map.h"
#include "data/row_errors.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace peft::data {

/// Label value meaning "no loss here" (PyTorch's cross-entropy ignore_index).
constexpr int64_t kIgnoreIndex = -100;

/// One example. Causal LM / instruction: `labels` is per token (same length as `input_ids`;
/// kIgnoreIndex on prompt tokens), `label` is unused. Classification: `label` is the class id,
/// `labels` is empty.
struct Example {
    std::vector<int64_t> input_ids;
    std::vector<int64_t> labels;
    std::vector<int64_t> type_ids; ///< pair classification with segment ids (BERT); else empty
    int64_t label = -1;
    std::size_t length_before_truncation = 0;
    bool truncated = false;
    std::size_t line = 0; ///< source line (0 for packed blocks spanning documents)
};

struct TokenizedDataset {
    std::vector<Example> examples;
    std::optional<LabelMap> labels; ///< classification
    RowErrors errors;               ///< rows skipped (policy Skip), reading and task errors together
    std::size_t source_rows = 0;    ///< rows or documents read
};

} // namespace peft::data
