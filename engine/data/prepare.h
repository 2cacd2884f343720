// SPDX-License-Identifier: MIT
// From a run's DataConfig to tokenized train/eval examples: the one entry point the trainer and
// the CLI use.
#pragma once

#include "data/data_config.h"
#include "data/example.h"
#include "data/token_encoder.h"

#include <string>

namespace peft::data {

struct PreparedData {
    TokenizedDataset train;
    TokenizedDataset eval; ///< empty when the config names no eval file
};

/// Reads and tokenizes one file as the config says. `labels`: the map to apply (classification);
/// nullptr builds it from this file. `model_dir` picks the model's own chat template for "auto".
TokenizedDataset prepare_file(const DataConfig& config, const std::string& path, const TokenEncoder& encoder,
                              const std::string& model_dir = {}, const LabelMap* labels = nullptr);

/// Train and eval files; for classification the label map comes from `config.labels` when set,
/// else from the training file, and is applied to both (and returned in train.labels).
PreparedData prepare_data(const DataConfig& config, const TokenEncoder& encoder, const std::string& model_dir = {});

} // namespace peft::data
