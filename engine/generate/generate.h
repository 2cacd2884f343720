// SPDX-License-Identifier: MIT
// Text generation with a KV cache: greedy, or sampled with temperature, top-k and top-p.
#pragma once

#include "models/model.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace peft {

struct GenerationOptions {
    int max_new_tokens = 64;
    bool greedy = false;
    double temperature = 0.8;
    int top_k = 0;              ///< 0 = no top-k filtering
    double top_p = 1.0;         ///< 1 = no nucleus filtering
    uint64_t seed = 0;
    std::vector<int64_t> eos_ids; ///< generation stops at the first of these (not included in the output)
    /// Called with each new token; return false to stop (e.g. a cancel button).
    std::function<bool(int64_t)> on_token;
};

/// Continues `prompt_ids` (one sequence) with a causal-LM model. The prompt is run once
/// (prefill), then one token per step reusing the cache. Returns the new tokens only.
std::vector<int64_t> generate(TransformerImpl& model, const std::vector<int64_t>& prompt_ids, const GenerationOptions& options);

/// Picks the next token from logits [V] as the options say (exposed for tests).
int64_t pick_token(const torch::Tensor& logits, const GenerationOptions& options, at::Generator& generator);

} // namespace peft
