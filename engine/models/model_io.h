// SPDX-License-Identifier: MIT
// Hugging Face model directories (load and save models): config, weights (single file or sharded), tokenizer files.
#pragma once

#include "io/model_config.h"
#include "io/weight_set.h"
#include "models/model.h"

#include <string>
#include <vector>

namespace peft {

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

/// Copies tensors from `weights` into `model` (HF names). Missing or mis-shaped tensors throw,
/// except a classification head the weights lack, which is initialised from `options.seed` when
/// `options.init_missing_head` is set.
void load_weights(TransformerImpl& model, const WeightSet& weights, const LoadOptions& options);

/// Saves a model as a Hugging Face directory: config.json and model.safetensors, or shards of at
/// most `max_shard_bytes` with model.safetensors.index.json.
void save_model(TransformerImpl& model, const std::string& out_dir, uint64_t max_shard_bytes = 5ull << 30);

} // namespace peft
