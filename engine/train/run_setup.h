// SPDX-License-Identifier: MIT
// The pieces of a run built from its RunConfig (internal to run.cpp, LibTorch): model with the
// right head on the right device, tokenizer, tokenized data, the resolved recipe injected.
#pragma once

#include "data/collate.h"
#include "data/prepare.h"
#include "models/model.h"
#include "peft/recipe.h"
#include "tokenizers/tokenizer.h"
#include "train/run.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace peft {

struct RunSetup {
    ModelConfig model_config;
    Recipe recipe;
    std::unique_ptr<Tokenizer> tokenizer;
    data::PreparedData data;
    data::CollateOptions collate;
    Transformer model{nullptr};
    torch::Device device{torch::kCPU};
    int64_t num_labels = 0;
    int64_t rows_skipped = 0;
};

/// Which data a caller needs: training needs both sets; evaluation only the eval set, with the
/// label map the run was trained with (`labels`, when known).
struct SetupRequest {
    bool data = true;      ///< false: no data at all (generation from a causal-LM run)
    bool train_set = true;
    std::optional<data::LabelMap> labels;
    std::function<void(const std::string&)> status; ///< progress messages; may be empty
};

/// Builds everything; throws RunConfigError for configuration problems, peft::Error otherwise.
RunSetup setup_run(const RunConfig& run, const SetupRequest& request);

/// Copies the tensors of checkpoint_dir/weights.safetensors into the model's trainable parameters
/// (names as named_trainable_parameters gives them). Throws peft::Error naming file and tensor.
void load_trained_weights(TransformerImpl& model, const std::string& checkpoint_dir);

/// The resolved run as JSON (configuration, recipe, label map) for run.json.
nlohmann::json run_record(const RunConfig& run, const RunSetup& setup);

/// The label map a checkpoint was trained with, from its run.json (or its parent folder's).
std::optional<data::LabelMap> checkpoint_labels(const std::string& checkpoint_dir);

} // namespace peft
