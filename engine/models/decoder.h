// SPDX-License-Identifier: MIT
// Pre-norm decoder-only transformers: the Llama family (Llama, Mistral, Qwen2: RMSNorm, RoPE,
// grouped-query attention, SwiGLU) and GPT-2 (LayerNorm, learned positions, fused Conv1D qkv,
// GELU MLP). One implementation; the differences are switches set from the config.
#pragma once

#include "models/model.h"

namespace peft {

Transformer make_decoder(const ModelConfig& config, TaskHead head);

} // namespace peft
