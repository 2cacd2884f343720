// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/classification.h"
#include "data/stats.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

TEST(Classification, rte_pairWithLabelNames_sortedLabelMap) {
    const auto source = DataSource::load(test::data_file("glue/RTE/dev.tsv"));
    ColumnMapping mapping;
    mapping.text = {"sentence1", -1};
    mapping.text_pair = {"sentence2", -1};
    mapping.label = {"label", -1};
    const auto data = build_classification(source, mapping, test::byte_encoder());
    ASSERT_EQ(data.examples.size(), 277u);
    ASSERT_TRUE(data.labels);
    EXPECT_FALSE(data.labels->integer);
    EXPECT_EQ(data.labels->names, (std::vector<std::string>{"entailment", "not_entailment"}));
    const auto& first = data.examples[0]; // "...Christopher Reeve had an accident." -> not_entailment
    EXPECT_EQ(first.label, 1);
    EXPECT_EQ(first.line, 2u);
    const auto text = test::byte_decode(first.input_ids);
    EXPECT_EQ(text.rfind("<bos>Dana Reeve", 0), 0u);
    EXPECT_NE(text.find("<sep>Christopher Reeve had an accident.<eos>"), std::string::npos);
    ASSERT_EQ(first.type_ids.size(), first.input_ids.size());
    EXPECT_EQ(first.type_ids.front(), 0);
    EXPECT_EQ(first.type_ids.back(), 1);
}

TEST(Classification, cola_mappedByColumnIndex_integerLabels) {
    const auto source = DataSource::load(test::data_file("glue/CoLA/dev.tsv"));
    ColumnMapping mapping;
    mapping.text = {"", 3};
    mapping.label = {"", 1};
    const auto data = build_classification(source, mapping, test::byte_encoder());
    EXPECT_EQ(data.examples.size(), 1043u);
    EXPECT_TRUE(data.labels->integer);
    EXPECT_EQ(data.labels->names, (std::vector<std::string>{"0", "1"}));
}

TEST(Classification, labelMapOfTrainAppliesToDev_unknownLabelIsRowError) {
    const auto path = test::write_temp("dev.tsv", "text\tlabel\na b c\tpos\nd e f\tneutral\ng h i\tneg\n");
    ColumnMapping mapping;
    mapping.text = {"text", -1};
    mapping.label = {"label", -1};
    ClassificationOptions options;
    options.labels = LabelMap::from_values({"pos", "neg"});
    options.policy = RowErrorPolicy::Skip;
    const auto data = build_classification(DataSource::load(path, {{}, RowErrorPolicy::Skip}), mapping, test::byte_encoder(), options);
    ASSERT_EQ(data.examples.size(), 2u);
    EXPECT_EQ(data.examples[0].label, 1); // sorted: neg=0, pos=1
    ASSERT_EQ(data.errors.size(), 1u);
    EXPECT_EQ(data.errors.errors()[0].to_string(),
              "dev.tsv:3: label 'neutral' is not one of the run's labels (known labels: neg, pos)");
}

TEST(Classification, missingColumn_namesFileAndColumns) {
    const auto source = DataSource::load(test::data_file("glue/SST-2/dev.tsv"));
    ColumnMapping mapping;
    mapping.text = {"text", -1};
    mapping.label = {"label", -1};
    try {
        build_classification(source, mapping, test::byte_encoder());
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "dev.tsv: no 'text' for the text (the file has 2 columns: 'sentence', 'label')");
    }
}

TEST(Classification, truncationKeepsClosingToken) {
    const auto path = test::write_temp("t.tsv", "text\tlabel\nabcdefghij\t0\nab\t1\n");
    ColumnMapping mapping;
    mapping.text = {"text", -1};
    mapping.label = {"label", -1};
    ClassificationOptions options;
    options.max_length = 6;
    const auto data = build_classification(DataSource::load(path), mapping, test::byte_encoder(), options);
    EXPECT_EQ(test::byte_decode(data.examples[0].input_ids), "<bos>abcd<eos>");
    EXPECT_TRUE(data.examples[0].truncated);
    EXPECT_EQ(data.examples[0].length_before_truncation, 12u);
    EXPECT_FALSE(data.examples[1].truncated);
}

TEST(Stats, sst2Dev_rowsLabelsTruncationAndHistogram) {
    const auto source = DataSource::load(test::data_file("glue/SST-2/dev.tsv"));
    ColumnMapping mapping;
    mapping.text = {"sentence", -1};
    mapping.label = {"label", -1};
    // A word-level stand-in tokenizer: one id per whitespace-separated word, plus BOS/EOS.
    auto enc = test::byte_encoder();
    enc.encode_for_classification = [](const std::string& a, const std::string*, std::vector<int64_t>*) {
        std::vector<int64_t> ids{1};
        std::istringstream words(a);
        for (std::string w; words >> w;)
            ids.push_back(10);
        ids.push_back(2);
        return ids;
    };
    ClassificationOptions options;
    options.max_length = 32;
    const auto data = build_classification(source, mapping, enc, options);
    const auto stats = compute_stats(data, 10);
    EXPECT_EQ(stats.rows, 872u);
    EXPECT_EQ(stats.skipped_rows, 0u);
    ASSERT_EQ(stats.label_counts.size(), 2u);
    EXPECT_EQ(stats.label_counts[0], (std::pair<std::string, std::size_t>{"0", 428}));
    EXPECT_EQ(stats.label_counts[1], (std::pair<std::string, std::size_t>{"1", 444}));
    EXPECT_EQ(stats.min_length, 4u);  // 2 words + BOS/EOS
    EXPECT_EQ(stats.max_length, 49u); // 47 words + BOS/EOS
    EXPECT_EQ(stats.truncated_rows, 105u);
    EXPECT_NEAR(stats.mean_length, 21.548, 1e-3);
    std::size_t total = 0;
    for (const auto& bin : stats.histogram)
        total += bin.count;
    EXPECT_EQ(total, 872u);
    EXPECT_EQ(stats.to_json()["label_counts"]["1"], 444);
}
