// SPDX-License-Identifier: MIT
// A trained causal-LM run, ready to generate: the base model with the run's recipe injected and a
// checkpoint's trained weights loaded, its tokenizer, and the chat template it was trained with.
#pragma once

#include "data/chat_template.h"
#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "train/run_config.h"

#include <memory>
#include <optional>
#include <string>

namespace peft {

struct TrainedModel {
    Transformer model{nullptr};          ///< eval mode
    std::unique_ptr<Tokenizer> tokenizer;
    /// Instruction runs (alpaca, sharegpt, messages): the template their examples were rendered
    /// with, so prompts can be built the same way (chat_prompt_ids). nullopt for plain text runs.
    std::optional<data::ChatTemplateKind> chat_template;
};

/// Throws RunConfigError for configuration problems and peft::Error for a checkpoint that does
/// not belong to the run; classification runs are refused (use run_evaluation).
TrainedModel load_trained_model(const RunConfig& run, const std::string& checkpoint_dir);

} // namespace peft
