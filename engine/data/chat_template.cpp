// SPDX-License-Identifier: MIT
#include "data/chat_template.h"

#include "core/error.h"
#include "data/delimited_reader.h"
#include "data/text_util.h"

#include <filesystem>

namespace peft::data {

namespace {

// Stanford Alpaca's prompts (tatsu-lab/stanford_alpaca, train.py PROMPT_DICT).
constexpr const char* kAlpacaWithInput =
    "Below is an instruction that describes a task, paired with an input that provides further context. "
    "Write a response that appropriately completes the request.\n\n";
constexpr const char* kAlpacaNoInput =
    "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n";

std::string joined_content(const Message& m) {
    return m.input.empty() ? m.content : m.content + "\n\n" + m.input;
}

std::vector<ChatSegment> render_alpaca(const Conversation& conv, bool add_generation_prompt) {
    std::vector<ChatSegment> out;
    std::string prompt;
    bool first_user = true;
    for (const auto& m : conv.messages) {
        if (m.role == "system") {
            prompt += m.content + "\n\n";
        } else if (m.role == "user") {
            if (first_user && prompt.empty())
                prompt += m.input.empty() ? kAlpacaNoInput : kAlpacaWithInput;
            first_user = false;
            prompt += "### Instruction:\n" + m.content + "\n\n";
            if (!m.input.empty())
                prompt += "### Input:\n" + m.input + "\n\n";
            prompt += "### Response:\n";
        } else {
            out.push_back({std::move(prompt), false, false});
            prompt.clear();
            out.push_back({m.content, true, false});
            out.push_back({{}, true, true});
            prompt = "\n\n";
        }
    }
    if (add_generation_prompt && !prompt.empty() && prompt != "\n\n")
        out.push_back({std::move(prompt), false, false});
    return out;
}

std::vector<ChatSegment> render_tagged(const Conversation& conv, bool add_generation_prompt, const std::string& open,
                                       const std::string& header_end, const std::string& close,
                                       const std::string& after_close) {
    std::vector<ChatSegment> out;
    std::string prompt;
    for (const auto& m : conv.messages) {
        prompt += open + m.role + header_end;
        if (m.role == "assistant") {
            out.push_back({std::move(prompt), false, false});
            out.push_back({m.content + close, true, false});
            prompt = after_close;
        } else {
            prompt += joined_content(m) + close + after_close;
        }
    }
    if (add_generation_prompt)
        prompt += open + "assistant" + header_end;
    if (!prompt.empty())
        out.push_back({std::move(prompt), false, false});
    return out;
}

} // namespace

const char* to_string(ChatTemplateKind kind) {
    switch (kind) {
    case ChatTemplateKind::Alpaca: return "alpaca";
    case ChatTemplateKind::ChatMl: return "chatml";
    case ChatTemplateKind::Llama3: return "llama-3";
    }
    return "?";
}

ChatTemplateKind chat_template_from_string(const std::string& name) {
    const auto n = lower(trim(name));
    if (n == "alpaca")
        return ChatTemplateKind::Alpaca;
    if (n == "chatml")
        return ChatTemplateKind::ChatMl;
    if (n == "llama-3" || n == "llama3")
        return ChatTemplateKind::Llama3;
    throw Error("chat template '" + name + "' is unknown (built in: alpaca, chatml, llama-3, or auto)");
}

std::vector<ChatSegment> render_chat(const Conversation& conversation, ChatTemplateKind kind, bool add_generation_prompt) {
    switch (kind) {
    case ChatTemplateKind::Alpaca:
        return render_alpaca(conversation, add_generation_prompt);
    case ChatTemplateKind::ChatMl:
        // <|im_start|>role\ncontent<|im_end|>\n (Qwen, many fine-tunes)
        return render_tagged(conversation, add_generation_prompt, "<|im_start|>", "\n", "<|im_end|>", "\n");
    case ChatTemplateKind::Llama3:
        // <|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|> (BOS comes from the tokenizer)
        return render_tagged(conversation, add_generation_prompt, "<|start_header_id|>", "<|end_header_id|>\n\n",
                             "<|eot_id|>", "");
    }
    return {};
}

std::optional<ChatTemplateKind> detect_chat_template(const std::string& jinja) {
    if (jinja.find("<|start_header_id|>") != std::string::npos && jinja.find("<|eot_id|>") != std::string::npos)
        return ChatTemplateKind::Llama3;
    if (jinja.find("<|im_start|>") != std::string::npos)
        return ChatTemplateKind::ChatMl;
    if (jinja.find("### Instruction") != std::string::npos && jinja.find("### Response") != std::string::npos)
        return ChatTemplateKind::Alpaca;
    return std::nullopt;
}

std::optional<ChatTemplateKind> model_chat_template(const std::string& model_dir) {
    const auto path = std::filesystem::path(model_dir) / "tokenizer_config.json";
    if (!std::filesystem::exists(path))
        return std::nullopt;
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(read_file_text(path.string()));
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(path.string() + ": not valid JSON (" + e.what() + ")");
    }
    const auto it = config.find("chat_template");
    if (it == config.end())
        return std::nullopt;
    if (it->is_string())
        return detect_chat_template(it->get<std::string>());
    // A list of named templates: use "default", else the first.
    if (it->is_array()) {
        std::optional<ChatTemplateKind> first;
        for (const auto& t : *it) {
            if (!t.is_object() || !t.contains("template") || !t["template"].is_string())
                continue;
            const auto kind = detect_chat_template(t["template"].get<std::string>());
            if (t.value("name", "") == "default")
                return kind;
            if (!first)
                first = kind;
        }
        return first;
    }
    return std::nullopt;
}

ChatTemplateKind choose_chat_template(const std::string& requested, const std::string& model_dir) {
    if (!requested.empty() && lower(requested) != "auto")
        return chat_template_from_string(requested);
    if (!model_dir.empty())
        if (const auto own = model_chat_template(model_dir))
            return *own;
    return ChatTemplateKind::Alpaca;
}

} // namespace peft::data
