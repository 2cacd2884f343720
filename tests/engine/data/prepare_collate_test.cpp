// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/collate.h"
#include "data/prepare.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

TEST(DataConfig, jsonRoundTrip_keepsLabelMap) {
    DataConfig c;
    c.train_file = "train.tsv";
    c.format = DataFormat::PairClassification;
    c.columns.text = {"sentence1", -1};
    c.columns.text_pair = {"sentence2", -1};
    c.columns.label = {"label", -1};
    c.header = HeaderMode::Absent;
    c.separator = '\t';
    c.row_errors = RowErrorPolicy::Skip;
    c.labels = LabelMap::from_values({"entailment", "not_entailment"});
    const auto back = DataConfig::from_json(c.to_json());
    EXPECT_EQ(back.to_json(), c.to_json());
    EXPECT_EQ(back.separator, '\t');
    EXPECT_EQ(back.labels->names, c.labels->names);
    EXPECT_THROW(DataConfig::from_json(nlohmann::json::parse(R"({"format": "qa"})")), Error);
    EXPECT_THROW(DataConfig::from_json(nlohmann::json::parse(R"({"max_length": "long"})")), Error);
}

TEST(Prepare, rteTrainAndDev_shareTheTrainingLabelMap) {
    DataConfig c;
    c.train_file = test::data_file("glue/RTE/train.tsv");
    c.eval_file = test::data_file("glue/RTE/dev.tsv");
    c.format = DataFormat::PairClassification;
    c.columns = ColumnMapping::from_json(nlohmann::json::parse(R"({"text": "sentence1", "text_pair": "sentence2", "label": "label"})"));
    c.max_length = 128;
    const auto data = prepare_data(c, test::byte_encoder());
    EXPECT_EQ(data.train.examples.size(), 2490u);
    EXPECT_EQ(data.eval.examples.size(), 277u);
    EXPECT_EQ(data.train.labels->names, data.eval.labels->names);
}

TEST(Prepare, textColumnOfJsonl_packedForCausalLm) {
    DataConfig c;
    c.train_file = test::data_file("text/c4_demo.jsonl");
    c.format = DataFormat::Text;
    c.block_size = 256;
    const auto data = prepare_data(c, test::byte_encoder());
    EXPECT_EQ(data.train.source_rows, 300u);
    ASSERT_FALSE(data.train.examples.empty());
    EXPECT_EQ(data.train.examples[0].input_ids.size(), 256u);
}

TEST(Prepare, alpacaWithAutoTemplate_usesAlpacaForModelsWithoutOne) {
    DataConfig c;
    c.train_file = test::data_file("text/alpaca_en_demo.json");
    c.format = DataFormat::Alpaca;
    c.max_length = 256;
    const auto data = prepare_data(c, test::byte_encoder(), test::model_dir("stories260K"));
    ASSERT_EQ(data.train.examples.size(), 999u);
    EXPECT_NE(test::byte_decode(data.train.examples[0].input_ids).find("### Instruction:"), std::string::npos);
}

TEST(Collate, padsRightMasksAndIgnoresPadding) {
    std::vector<Example> examples(2);
    examples[0].input_ids = {5, 6, 7};
    examples[0].labels = {-100, 6, 7};
    examples[1].input_ids = {8};
    examples[1].labels = {8};
    CollateOptions options;
    options.pad_to_multiple_of = 4;
    const auto batch = collate(examples, {1, 0}, options);
    ASSERT_EQ(batch.input_ids.sizes(), (std::vector<int64_t>{2, 4}));
    EXPECT_TRUE(torch::equal(batch.input_ids, torch::tensor({8, 0, 0, 0, 5, 6, 7, 0}, torch::kInt64).view({2, 4})));
    EXPECT_TRUE(torch::equal(batch.attention_mask, torch::tensor({1, 0, 0, 0, 1, 1, 1, 0}, torch::kInt64).view({2, 4})));
    EXPECT_TRUE(torch::equal(batch.labels, torch::tensor({8, -100, -100, -100, -100, 6, 7, -100}, torch::kInt64).view({2, 4})));
    EXPECT_FALSE(batch.token_type_ids.defined());
}

TEST(Collate, classificationLabelsAreOnePerExample) {
    std::vector<Example> examples(2);
    examples[0].input_ids = {1, 2};
    examples[0].label = 1;
    examples[0].type_ids = {0, 0};
    examples[1].input_ids = {1, 3, 2};
    examples[1].label = 0;
    examples[1].type_ids = {0, 1, 1};
    const auto batch = collate(examples, {0, 1});
    EXPECT_TRUE(torch::equal(batch.labels, torch::tensor({1, 0}, torch::kInt64)));
    EXPECT_TRUE(torch::equal(batch.token_type_ids, torch::tensor({0, 0, 0, 0, 1, 1}, torch::kInt64).view({2, 3})));
    CollateOptions fixed;
    fixed.fixed_length = 2;
    EXPECT_THROW(collate(examples, {1}, fixed), Error);
}

TEST(Collate, epochBatches_coverEveryIndexOnceAndRepeatPerSeed) {
    const auto batches = epoch_batches(10, 4, true, 3, 0);
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches.back().size(), 2u);
    std::vector<std::size_t> all;
    for (const auto& b : batches)
        all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end());
    for (std::size_t i = 0; i < 10; ++i)
        EXPECT_EQ(all[i], i);
    EXPECT_EQ(batches, epoch_batches(10, 4, true, 3, 0));
    EXPECT_EQ(epoch_batches(10, 4, true, 3, 0, true).size(), 2u);
    EXPECT_EQ(epoch_batches(3, 2, false, 0, 0)[0], (std::vector<std::size_t>{0, 1}));
}
