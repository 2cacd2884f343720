// SPDX-License-Identifier: MIT
// The prompt an instruction-tuned model is asked with: rendered by the same chat template and
// tokenized by the same function (data::tokenize_chat) as the training examples, so the ids a
// model sees at generation time are exactly the prompt part of what it was trained on.
#pragma once

#include "data/chat_template.h"
#include "data/conversation.h"
#include "data/token_encoder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

/// A single-turn conversation: optional system text, the user's instruction and alpaca's
/// optional input (shown as "### Input:" by the alpaca template).
data::Conversation user_turn(const std::string& instruction, const std::string& input = {},
                             const std::string& system = {});

/// Token ids of `conversation` followed by the assistant header, ready for generation: BOS,
/// then the prompt segments of render_chat(..., add_generation_prompt = true).
std::vector<int64_t> chat_prompt_ids(const data::Conversation& conversation, data::ChatTemplateKind kind,
                                     const data::TokenEncoder& encoder);

} // namespace peft
