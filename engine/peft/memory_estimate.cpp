// SPDX-License-Identifier: MIT
// Training memory estimate. The activation term follows Korthikanti et al., "Reducing Activation
// Recomputation in Large Transformer Models" (2022): one block saves about
// T·B·d·(34 + 5·H·T/d) bytes with 2-byte activations, i.e. (17·d + 2.5·H·T) values per token;
// we scale it by the activation width and add the logits (and their softmax) of a causal LM,
// which dominate for small models with large vocabularies. docs/recipe.md restates this.
#include "peft/report.h"

namespace peft {

MemoryEstimate estimate_memory(const ModelConfig& config, const ParameterReport& report, const MemoryOptions& options) {
    MemoryEstimate m;
    m.weights = report.total * options.weight_bytes;
    m.gradients = report.trainable * options.weight_bytes;
    constexpr int64_t kAdamWBytesPerParameter = 2 * 4; // exp_avg and exp_avg_sq in float32
    m.optimizer = report.trainable * kAdamWBytesPerParameter;

    const double tokens = static_cast<double>(options.batch) * static_cast<double>(options.sequence);
    const double d = static_cast<double>(config.hidden_size);
    const double heads = static_cast<double>(config.num_heads);
    const double T = static_cast<double>(options.sequence);
    const double per_token_per_layer = 17.0 * d + 2.5 * heads * T; // values
    double values = tokens * per_token_per_layer * static_cast<double>(config.num_layers);
    values += tokens * d * 2.0;                                    // embeddings output and final norm
    if (config.is_decoder()) values += tokens * static_cast<double>(config.vocab_size) * 2.0; // logits + softmax
    m.activations = static_cast<int64_t>(values * options.activation_bytes);
    return m;
}

} // namespace peft
