// SPDX-License-Identifier: MIT
// Instruction data end to end: alpaca_en_demo.json through the run's data preparation and the
// alpaca chat template with stories260K's tokenizer. Prompt tokens carry no loss, response tokens
// do, and the prompt of every example is exactly what generation builds (chat_prompt_ids).
#include "data/collate.h"
#include "data/prepare.h"
#include "data/token_encoder.h"
#include "test_assets.h"
#include "tokenizers/tokenizer.h"
#include "train/chat_prompt.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace peft;
using namespace peft::data;

TEST(InstructionData, promptTokensCarryNoLossAndMatchTheGenerationPrompt) {
    const auto model = test::model_dir("stories260K");
    const auto tokenizer = load_tokenizer(model);
    const auto encoder = TokenEncoder::from(*tokenizer);
    const std::string file = test::assets_dir() + "/data/text/alpaca_en_demo.json";

    DataConfig config;
    config.train_file = file;
    config.format = DataFormat::Alpaca;
    config.chat_template = "alpaca";
    config.max_length = 512;
    const auto prepared = prepare_data(config, encoder, model);
    const auto records = nlohmann::json::parse(std::ifstream(file));
    ASSERT_TRUE(records.is_array());
    ASSERT_EQ(prepared.train.examples.size(), records.size()) << "every alpaca record becomes one example";
    ASSERT_TRUE(encoder.eos_id);

    std::size_t checked_full = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& ex = prepared.train.examples[i];
        const auto& record = records[i];
        const auto prompt = chat_prompt_ids(user_turn(record.value("instruction", ""), record.value("input", ""),
                                                      record.value("system", "")),
                                            ChatTemplateKind::Alpaca, encoder);
        ASSERT_EQ(ex.labels.size(), ex.input_ids.size());
        ASSERT_GT(prompt.size(), 1u);
        const std::size_t k = std::min(prompt.size(), ex.input_ids.size());
        // The prompt: the same ids generation uses, and no loss on any of them.
        for (std::size_t t = 0; t < k; ++t) {
            ASSERT_EQ(ex.input_ids[t], prompt[t]) << "record " << i << " token " << t;
            ASSERT_EQ(ex.labels[t], kIgnoreIndex) << "record " << i << " prompt token " << t << " carries loss";
        }
        // The response: every token carries loss on its own id.
        for (std::size_t t = k; t < ex.input_ids.size(); ++t)
            ASSERT_EQ(ex.labels[t], ex.input_ids[t]) << "record " << i << " response token " << t;
        if (!ex.truncated) {
            ASSERT_GT(ex.input_ids.size(), prompt.size()) << "record " << i << " has no response tokens";
            EXPECT_EQ(ex.input_ids.back(), *encoder.eos_id) << "an alpaca response ends with EOS, which is trained";
            const auto response = std::vector<int64_t>(ex.input_ids.begin() + static_cast<std::ptrdiff_t>(prompt.size()),
                                                       ex.input_ids.end() - 1);
            EXPECT_EQ(response, encoder.encode(record.value("output", ""))) << "record " << i;
            ++checked_full;
        }
    }
    EXPECT_GT(checked_full, records.size() / 2) << "most demo records fit in 512 tokens";

    // Batched: padding carries no loss either.
    const auto batch = collate(prepared.train.examples, {0, 1, 2, 3}, {});
    const auto mask = batch.attention_mask;
    const auto labels = batch.labels;
    EXPECT_EQ(labels.masked_select(mask == 0).ne(kIgnoreIndex).sum().item<int64_t>(), 0);
}
