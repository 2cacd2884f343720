// SPDX-License-Identifier: MIT
#include "data/collate.h"

#include "core/error.h"
#include "data/shuffle.h"

#include <numeric>

namespace peft::data {

Batch collate(const std::vector<Example>& examples, const std::vector<std::size_t>& indices, const CollateOptions& options) {
    if (indices.empty())
        throw Error("collate: empty batch");
    std::size_t longest = 0;
    bool per_token = false, typed = false;
    for (const auto i : indices) {
        const auto& ex = examples.at(i);
        longest = std::max(longest, ex.input_ids.size());
        per_token = per_token || !ex.labels.empty();
        typed = typed || !ex.type_ids.empty();
    }
    auto length = static_cast<int64_t>(longest);
    if (options.fixed_length) {
        if (*options.fixed_length < length)
            throw Error("collate: an example has " + std::to_string(length) + " tokens, more than the fixed length " +
                        std::to_string(*options.fixed_length));
        length = *options.fixed_length;
    }
    const auto multiple = std::max<int64_t>(1, options.pad_to_multiple_of);
    length = (length + multiple - 1) / multiple * multiple;

    const auto batch = static_cast<int64_t>(indices.size());
    const auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    Batch out;
    out.input_ids = torch::full({batch, length}, options.pad_id, i64);
    out.attention_mask = torch::zeros({batch, length}, i64);
    out.labels = per_token ? torch::full({batch, length}, kIgnoreIndex, i64) : torch::empty({batch}, i64);
    if (typed)
        out.token_type_ids = torch::zeros({batch, length}, i64);
    auto ids = out.input_ids.accessor<int64_t, 2>();
    auto mask = out.attention_mask.accessor<int64_t, 2>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& ex = examples[indices[static_cast<std::size_t>(b)]];
        for (std::size_t t = 0; t < ex.input_ids.size(); ++t) {
            ids[b][static_cast<int64_t>(t)] = ex.input_ids[t];
            mask[b][static_cast<int64_t>(t)] = 1;
        }
        if (per_token) {
            auto labels = out.labels.accessor<int64_t, 2>();
            for (std::size_t t = 0; t < ex.labels.size(); ++t)
                labels[b][static_cast<int64_t>(t)] = ex.labels[t];
        } else {
            out.labels[b] = ex.label;
        }
        if (typed) {
            auto types = out.token_type_ids.accessor<int64_t, 2>();
            for (std::size_t t = 0; t < ex.type_ids.size(); ++t)
                types[b][static_cast<int64_t>(t)] = ex.type_ids[t];
        }
    }
    return out;
}

std::vector<std::vector<std::size_t>> epoch_batches(std::size_t n, std::size_t batch_size, bool shuffle, uint64_t seed,
                                                    uint64_t epoch, bool drop_last) {
    if (batch_size == 0)
        throw Error("batching: batch size must be at least 1");
    std::vector<std::size_t> order;
    if (shuffle) {
        order = epoch_order(n, seed, epoch);
    } else {
        order.resize(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
    }
    std::vector<std::vector<std::size_t>> batches;
    for (std::size_t begin = 0; begin < n; begin += batch_size) {
        const std::size_t end = std::min(n, begin + batch_size);
        if (end - begin < batch_size && drop_last)
            break;
        batches.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return batches;
}

} // namespace peft::data
