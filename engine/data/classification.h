// SPDX-License-Identifier: MIT
// Sequence classification examples: one text or a pair, and a label.
#pragma once

#include "data/column_mapping.h"
#include "data/data_source.h"
#include "data/example.h"
#include "data/token_encoder.h"

namespace peft::data {

struct ClassificationOptions {
    int64_t max_length = 512;
    RowErrorPolicy policy = RowErrorPolicy::Fail;
    /// The run's label map (e.g. built on train, applied to dev); nullopt: build it from `source`.
    std::optional<LabelMap> labels;
};

/// The label map of a source's label column (sorted names, or integers as is).
LabelMap collect_labels(const DataSource& source, const ColumnRef& label);

/// Tokenizes every row: `mapping.text` (and `mapping.text_pair` when set) with the tokenizer's
/// special tokens, truncated to max_length keeping a final separator/EOS; `mapping.label` through
/// the label map. Rows with a missing field or an unknown label are row errors
/// ("dev.tsv:17: label 'neutral' is not one of the training labels (known labels: ...)").
TokenizedDataset build_classification(const DataSource& source, const ColumnMapping& mapping,
                                      const TokenEncoder& encoder, const ClassificationOptions& options = {});

} // namespace peft::data
