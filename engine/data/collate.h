// SPDX-License-Identifier: MIT
// Batching tokenized examples into tensors (LibTorch). Kept apart from the readers, which the
// Qt side includes without LibTorch.
#pragma once

#include "data/example.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace peft::data {

/// B = batch size, T = padded sequence length.
struct Batch {
    torch::Tensor input_ids;      ///< [B, T] int64
    torch::Tensor attention_mask; ///< [B, T] int64, 1 on real tokens
    torch::Tensor labels;         ///< [B, T] int64 (kIgnoreIndex on padding) or [B] class ids
    torch::Tensor token_type_ids; ///< [B, T] int64 when the examples have type ids, else undefined
};

struct CollateOptions {
    int64_t pad_id = 0;
    int64_t pad_to_multiple_of = 1;     ///< e.g. 8 for tensor cores
    std::optional<int64_t> fixed_length; ///< pad every batch to this length instead of the longest
};

/// Right-pads the examples at `indices` into one batch. Classification examples (empty per-token
/// labels) give [B] labels.
Batch collate(const std::vector<Example>& examples, const std::vector<std::size_t>& indices,
              const CollateOptions& options = {});

/// Batches of indices for one epoch: shuffled deterministically by (seed, epoch) when `shuffle`;
/// the last short batch is kept unless `drop_last`.
std::vector<std::vector<std::size_t>> epoch_batches(std::size_t n, std::size_t batch_size, bool shuffle, uint64_t seed,
                                                    uint64_t epoch, bool drop_last = false);

} // namespace peft::data
