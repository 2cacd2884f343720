// SPDX-License-Identifier: MIT
#include "train/chat_prompt.h"

#include "data/instruction.h"

namespace peft {

data::Conversation user_turn(const std::string& instruction, const std::string& input, const std::string& system) {
    data::Conversation conversation;
    if (!system.empty()) conversation.messages.push_back({"system", system, {}});
    conversation.messages.push_back({"user", instruction, input});
    return conversation;
}

std::vector<int64_t> chat_prompt_ids(const data::Conversation& conversation, data::ChatTemplateKind kind,
                                     const data::TokenEncoder& encoder) {
    // No max_length: a generation prompt is never cut (the caller checks it fits the model).
    return data::tokenize_chat(data::render_chat(conversation, kind, /*add_generation_prompt=*/true), encoder, 0)
        .input_ids;
}

} // namespace peft
