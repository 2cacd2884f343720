// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/instruction.h"
#include "data/json_reader.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

namespace {

/// The text of the tokens that carry loss, and of those that do not.
std::pair<std::string, std::string> split_by_loss(const Example& ex) {
    std::vector<int64_t> trained, prompt;
    EXPECT_EQ(ex.labels.size(), ex.input_ids.size());
    for (std::size_t i = 0; i < ex.input_ids.size(); ++i) {
        if (ex.labels[i] == kIgnoreIndex) {
            prompt.push_back(ex.input_ids[i]);
        } else {
            EXPECT_EQ(ex.labels[i], ex.input_ids[i]);
            trained.push_back(ex.input_ids[i]);
        }
    }
    return {test::byte_decode(trained), test::byte_decode(prompt)};
}

DataSource records(const std::string& json) { return DataSource(parse_json_records(json, "data.jsonl")); }

const char* kShareGpt = R"({"conversations": [{"from": "human", "value": "Hi?"}, {"from": "gpt", "value": "Hello!"}, {"from": "human", "value": "Bye?"}, {"from": "gpt", "value": "Bye!"}]})";
const char* kMessages = R"({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi?"}, {"role": "assistant", "content": "Hello!"}]})";

} // namespace

TEST(Instruction, alpacaDemo_alpacaTemplate_lossOnlyOnOutputAndEos) {
    const DataSource source(read_json_records(test::data_file("text/alpaca_en_demo.json")));
    ColumnMapping mapping;
    InstructionOptions options;
    options.max_length = 100000;
    const auto data = build_instruction(source, DataFormat::Alpaca, mapping, ChatTemplateKind::Alpaca, test::byte_encoder(), options);
    ASSERT_EQ(data.examples.size(), 999u);
    const auto& rec = source.records()->records[0].value;
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, rec["output"].get<std::string>() + "<eos>");
    EXPECT_EQ(prompt, "<bos>Below is an instruction that describes a task. Write a response that appropriately completes "
                      "the request.\n\n### Instruction:\nDescribe a process of making crepes.\n\n### Response:\n");
    EXPECT_EQ(data.examples[0].input_ids.front(), 1);
    EXPECT_EQ(data.examples[0].labels.front(), kIgnoreIndex);
}

TEST(Instruction, alpacaWithInput_showsInputSection) {
    const auto source = records(R"({"instruction": "Sum.", "input": "1 2", "output": "3"})");
    const auto data = build_instruction(source, DataFormat::Alpaca, {}, ChatTemplateKind::Alpaca, test::byte_encoder());
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, "3<eos>");
    EXPECT_NE(prompt.find("### Instruction:\nSum.\n\n### Input:\n1 2\n\n### Response:\n"), std::string::npos);
    EXPECT_NE(prompt.find("paired with an input"), std::string::npos);
}

TEST(Instruction, alpacaThroughChatMl_inputJoinedToInstruction) {
    const auto source = records(R"({"instruction": "Sum.", "input": "1 2", "output": "3"})");
    const auto data = build_instruction(source, DataFormat::Alpaca, {}, ChatTemplateKind::ChatMl, test::byte_encoder());
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, "3<|im_end|>");
    EXPECT_EQ(prompt, "<bos><|im_start|>user\nSum.\n\n1 2<|im_end|>\n<|im_start|>assistant\n\n");
}

TEST(Instruction, sharegpt_chatml_everyAssistantTurnCarriesLoss) {
    const auto data = build_instruction(records(kShareGpt), DataFormat::ShareGpt, {}, ChatTemplateKind::ChatMl, test::byte_encoder());
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, "Hello!<|im_end|>Bye!<|im_end|>");
    EXPECT_EQ(prompt, "<bos><|im_start|>user\nHi?<|im_end|>\n<|im_start|>assistant\n\n<|im_start|>user\nBye?<|im_end|>\n"
                      "<|im_start|>assistant\n\n");
}

TEST(Instruction, sharegpt_llama3) {
    const auto data = build_instruction(records(kShareGpt), DataFormat::ShareGpt, {}, ChatTemplateKind::Llama3, test::byte_encoder());
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, "Hello!<|eot_id|>Bye!<|eot_id|>");
    EXPECT_EQ(prompt.rfind("<bos><|start_header_id|>user<|end_header_id|>\n\nHi?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", 0), 0u);
}

TEST(Instruction, sharegpt_alpacaTemplate_multiTurn) {
    const auto data = build_instruction(records(kShareGpt), DataFormat::ShareGpt, {}, ChatTemplateKind::Alpaca, test::byte_encoder());
    const auto [trained, prompt] = split_by_loss(data.examples[0]);
    EXPECT_EQ(trained, "Hello!<eos>Bye!<eos>");
    EXPECT_NE(prompt.find("### Instruction:\nBye?\n\n### Response:\n"), std::string::npos);
}

TEST(Instruction, messages_everyTemplate_systemIsPrompt) {
    for (const auto kind : {ChatTemplateKind::Alpaca, ChatTemplateKind::ChatMl, ChatTemplateKind::Llama3}) {
        const auto data = build_instruction(records(kMessages), DataFormat::Messages, {}, kind, test::byte_encoder());
        const auto [trained, prompt] = split_by_loss(data.examples[0]);
        EXPECT_EQ(trained.rfind("Hello!", 0), 0u) << to_string(kind);
        EXPECT_NE(prompt.find("Be brief."), std::string::npos) << to_string(kind);
        EXPECT_NE(prompt.find("Hi?"), std::string::npos) << to_string(kind);
    }
}

TEST(Instruction, recordWithoutOutput_errorNamesRecord) {
    const auto path = test::write_temp("alpaca.json", "[\n {\"instruction\": \"a\", \"output\": \"b\"},\n {\"instruction\": \"c\"}\n]");
    const DataSource source(read_json_records(path));
    try {
        build_instruction(source, DataFormat::Alpaca, {}, ChatTemplateKind::Alpaca, test::byte_encoder());
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "alpaca.json:3: record 2 has no 'output'");
    }
    InstructionOptions options;
    options.policy = RowErrorPolicy::Skip;
    const auto data = build_instruction(source, DataFormat::Alpaca, {}, ChatTemplateKind::Alpaca, test::byte_encoder(), options);
    EXPECT_EQ(data.examples.size(), 1u);
    EXPECT_EQ(data.errors.size(), 1u);
}

TEST(Instruction, unknownRole_isRowError) {
    const auto source = records(R"({"conversations": [{"from": "narrator", "value": "x"}]})");
    EXPECT_THROW(build_instruction(source, DataFormat::ShareGpt, {}, ChatTemplateKind::ChatMl, test::byte_encoder()), Error);
}

TEST(Instruction, truncationCutsTheEnd) {
    const auto source = records(R"({"instruction": "Sum.", "output": "a long answer"})");
    InstructionOptions options;
    options.max_length = 20;
    const auto data = build_instruction(source, DataFormat::Alpaca, {}, ChatTemplateKind::Alpaca, test::byte_encoder(), options);
    EXPECT_EQ(data.examples[0].input_ids.size(), 20u);
    EXPECT_TRUE(data.examples[0].truncated);
}

TEST(ChatTemplate, detectsKnownTemplatesByMarkers) {
    EXPECT_EQ(detect_chat_template("{% for m in messages %}<|im_start|>{{ m.role }}\n"), ChatTemplateKind::ChatMl);
    EXPECT_EQ(detect_chat_template("<|start_header_id|>' + m['role'] + '<|end_header_id|>\n\n'+ m['content'] | trim + '<|eot_id|>"),
              ChatTemplateKind::Llama3);
    EXPECT_EQ(detect_chat_template("### Instruction:\n{{ x }}\n\n### Response:\n"), ChatTemplateKind::Alpaca);
    EXPECT_FALSE(detect_chat_template("[INST] {{ m }} [/INST]").has_value());
    // stories260K has no chat template: alpaca is the fallback; an explicit choice wins.
    EXPECT_EQ(choose_chat_template("auto", test::model_dir("stories260K")), ChatTemplateKind::Alpaca);
    EXPECT_EQ(choose_chat_template("llama-3", test::model_dir("stories260K")), ChatTemplateKind::Llama3);
    EXPECT_THROW(chat_template_from_string("vicuna"), Error);
}

TEST(ChatTemplate, modelsOwnTemplateFromTokenizerConfig) {
    const auto dir = test::temp_dir("tmpl");
    std::ofstream(dir / "tokenizer_config.json") << R"({"chat_template": "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"})";
    EXPECT_EQ(model_chat_template(dir.string()), ChatTemplateKind::ChatMl);
    EXPECT_EQ(choose_chat_template("", dir.string()), ChatTemplateKind::ChatMl);
}

TEST(ChatTemplate, generationPromptEndsWithAssistantHeader) {
    Conversation conv{{{"user", "Hi?", {}}}};
    const auto segs = render_chat(conv, ChatTemplateKind::ChatMl, true);
    ASSERT_FALSE(segs.empty());
    EXPECT_EQ(segs.back().text, "<|im_start|>user\nHi?<|im_end|>\n<|im_start|>assistant\n");
}
