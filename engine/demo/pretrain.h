// SPDX-License-Identifier: MIT
// Pretraining the demo's tiny Llama with the engine's own training loop (LibTorch).
#pragma once

#include "data/example.h"
#include "demo/demo.h"
#include "io/model_config.h"
#include "models/model.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace peft::demo {

/// A Llama config.json for the options (Hugging Face field names, so the saved folder loads in
/// transformers too). Feed-forward width: 8/3 of the hidden size rounded up to 32, as Llama does.
nlohmann::json tiny_llama_config_json(const DemoOptions& options, int64_t vocab_size);

struct PretrainOutcome {
    bool cancelled = false;    ///< stopped by the caller's cancel flag
    bool time_capped = false;  ///< stopped by options.max_seconds before max_steps
    int64_t steps_done = 0;
    double initial_loss = 0;   ///< held-out loss before training
    double final_loss = 0;     ///< held-out loss after training
    double final_perplexity = 0;
};

/// Trains every parameter of `model` (freshly initialised by the caller) on `train` blocks and
/// measures `eval` before and after. Training failures (NaN) throw peft::Error.
PretrainOutcome pretrain(TransformerImpl& model, const std::vector<data::Example>& train,
                         const std::vector<data::Example>& eval, const DemoOptions& options,
                         const DemoProgressFn& progress, const std::atomic<bool>* cancel);

} // namespace peft::demo
