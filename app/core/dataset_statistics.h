// SPDX-License-Identifier: MIT
// Token statistics of a dataset file through the engine's data pipeline and a model's tokenizer.
// Qt and std types only; the work happens in dataset_statistics.cpp, on a worker thread.
#pragma once

#include "core/dataset_types.h"

#include <atomic>

namespace peft {

struct DatasetStatsRequest {
    QString path;
    QString format = QStringLiteral("classification"); ///< the engine's format name
    DatasetMapping mapping;
    QString modelDir;       ///< the tokenizer comes from this model folder
    qint64 maxLength = 128; ///< examples longer than this are truncated (text: block size)
    QString textSplit = QStringLiteral("paragraphs"); ///< text files: "whole_file", "paragraphs", "lines"
    int bins = 24;

    bool operator==(const DatasetStatsRequest&) const = default;
};

/// Reads and tokenizes the whole file (rows with problems are skipped and listed in `errors`).
/// Slow: call it off the GUI thread. Never throws: problems come back in `error`. Setting
/// `cancel` stops it at the next row it tokenizes (then `cancelled` is set).
/// Plain text is measured per document (it is packed into blocks for training, so nothing is
/// cut); `truncatedRows` then counts documents longer than a block.
DatasetStatistics computeDatasetStatistics(const DatasetStatsRequest& request, const std::atomic_bool* cancel = nullptr);

} // namespace peft
