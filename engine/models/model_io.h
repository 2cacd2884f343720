// SPDX-License-Identifier: MIT
// Hugging Face model directories (load and save models): config, weights (single file or sharded), tokenizer files.
#pragma once

#include "io/model_config.h"
#include "io/safetensors.h"
#include "models/model.h"

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
    std::vector<SafetensorsFile> files_;
    std::map<std::string, size_t> index_;
};

/// Options for loading a model directory.
struct LoadOptions {
    TaskHead head = TaskHead::CausalLM;
    torch::ScalarType dtype = torch::kFloat32;
    /// Sequence classification on a checkpoint without a head: initialise it instead of failing.
    bool init_missing_head = true;
    uint64_t seed = 0;
};

ModelConfig load_model_config(const std::string& model_dir);

/// Builds the model for `model_dir` and loads every tensor, checking names and shapes against
/// the config. Errors name the file and the tensor.
Transformer load_model(const std::string& model_dir, const LoadOptions& options = {});

/// Copies tensors from `weights` into `model` (HF names). Missing or mis-shaped tensors throw.
void load_weights(TransformerImpl& model, const WeightSet& weights, const LoadOptions& options);

/// Saves a model as a Hugging Face directory: config.json and model.safetensors, or shards of at
/// most `max_shard_bytes` with model.safetensors.index.json.
void save_model(TransformerImpl& model, const std::string& out_dir, uint64_t max_shard_bytes = 5ull << 30);

} // namespace peft
