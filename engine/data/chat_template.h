// SPDX-License-Identifier: MIT
// Built-in chat templates, rendered as segments that say which text carries the loss. The same
// object renders prompts in the playground, so training and generation agree on the format.
#pragma once

#include "data/conversation.h"

#include <optional>
#include <string>
#include <vector>

namespace peft::data {

enum class ChatTemplateKind { Alpaca, ChatMl, Llama3 };

/// "alpaca", "chatml", "llama-3".
const char* to_string(ChatTemplateKind kind);
/// Accepts the names above (and "llama3"); throws peft::Error otherwise.
ChatTemplateKind chat_template_from_string(const std::string& name);

/// A piece of rendered text. `trainable` marks response text (labels = ids); prompt text gets
/// labels -100. `eos` marks the place for the tokenizer's end-of-sequence id (no text).
struct ChatSegment {
    std::string text;
    bool trainable = false;
    bool eos = false;
};

/// Renders a conversation. The beginning-of-sequence token is not part of the text: the caller
/// adds the tokenizer's BOS id. With `add_generation_prompt`, ends with the assistant header
/// (for generation) instead of requiring the last turn to be the assistant's.
std::vector<ChatSegment> render_chat(const Conversation& conversation, ChatTemplateKind kind,
                                     bool add_generation_prompt = false);

/// Recognises a Jinja chat_template (from tokenizer_config.json) by the markers each built-in
/// template writes; nullopt when it is none of them.
std::optional<ChatTemplateKind> detect_chat_template(const std::string& jinja);

/// The model's own template when its tokenizer_config.json has one we recognise.
std::optional<ChatTemplateKind> model_chat_template(const std::string& model_dir);

/// The template to use: `requested` unless it is "auto"/empty, else the model's own, else alpaca
/// (plain text: it needs no special tokens, so it suits base models without a template).
ChatTemplateKind choose_chat_template(const std::string& requested, const std::string& model_dir);

} // namespace peft::data
