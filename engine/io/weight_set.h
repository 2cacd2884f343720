// SPDX-License-Identifier: MIT
// The weights of a Hugging Face model folder, single-file or sharded.
#pragma once

#include "io/safetensors.h"

#include <map>
#include <string>
#include <vector>

namespace peft {

/// All tensors of a model folder: `model.safetensors`, or shards listed by
/// `model.safetensors.index.json`. Lookups name the shard file in errors.
class WeightSet {
public:
    static WeightSet open(const std::string& model_dir);
    bool empty() const;
    bool contains(const std::string& name) const;
    std::vector<std::string> names() const;
    const TensorEntry& entry(const std::string& name) const;
    torch::Tensor tensor(const std::string& name, torch::ScalarType dtype) const;
    std::string file_of(const std::string& name) const;

private:
    std::string dir_; ///< the model folder, for error messages
    std::vector<SafetensorsFile> files_;
    std::map<std::string, size_t> index_;
};

/// Writes tensors as `model.safetensors`, or, when they exceed `max_shard_bytes`, as
/// `model-0000i-of-0000n.safetensors` shards plus `model.safetensors.index.json`
/// (`{"metadata": {"total_size": N}, "weight_map": {...}}`). One shard = a plain file, no index.
void write_sharded_safetensors(const std::string& dir, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                               uint64_t max_shard_bytes);

} // namespace peft
