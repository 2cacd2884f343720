// SPDX-License-Identifier: MIT
// Post-norm encoders: BERT and RoBERTa (absolute positions, token types, RoBERTa's position
// offset from padding_idx). Heads: sequence classification (pooler + classifier, or RoBERTa's
// dense + out_proj on <s>) or none.
#pragma once

#include "models/model.h"

namespace peft {

Transformer make_encoder(const ModelConfig& config, TaskHead head);

} // namespace peft
