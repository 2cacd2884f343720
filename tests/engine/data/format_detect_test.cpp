// SPDX-License-Identifier: MIT
#include "data/format_detect.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

TEST(FormatDetect, sst2_singleTextClassification) {
    const auto d = detect_format(test::data_file("glue/SST-2/train.tsv"));
    EXPECT_EQ(d.file_kind, "tsv");
    EXPECT_EQ(d.format, DataFormat::Classification) << d.reason;
    EXPECT_EQ(d.mapping.text.name, "sentence");
    EXPECT_EQ(d.mapping.label.name, "label");
}

TEST(FormatDetect, rte_pairWithLabelNames) {
    const auto d = detect_format(test::data_file("glue/RTE/train.tsv"));
    EXPECT_EQ(d.format, DataFormat::PairClassification) << d.reason;
    EXPECT_EQ(d.mapping.text.name, "sentence1");
    EXPECT_EQ(d.mapping.text_pair.name, "sentence2");
    EXPECT_EQ(d.mapping.label.name, "label");
}

TEST(FormatDetect, mrpc_pairLabelledByQuality) {
    const auto d = detect_format(test::data_file("glue/MRPC/train.tsv"));
    EXPECT_EQ(d.format, DataFormat::PairClassification) << d.reason;
    EXPECT_EQ(d.mapping.label.name, "Quality");
    EXPECT_EQ(d.mapping.text.name, "#1 String");
    EXPECT_EQ(d.mapping.text_pair.name, "#2 String");
}

TEST(FormatDetect, cola_withoutHeader_mapsByIndex) {
    const auto d = detect_format(test::data_file("glue/CoLA/train.tsv"));
    EXPECT_FALSE(d.has_header);
    EXPECT_EQ(d.format, DataFormat::Classification) << d.reason;
    EXPECT_EQ(d.mapping.text.index, 3);
    EXPECT_EQ(d.mapping.label.index, 1);
}

TEST(FormatDetect, instructionAndTextFiles) {
    const auto alpaca = detect_format(test::data_file("text/alpaca_en_demo.json"));
    EXPECT_EQ(alpaca.file_kind, "json");
    EXPECT_EQ(alpaca.format, DataFormat::Alpaca);
    EXPECT_EQ(alpaca.mapping.input.name, "input");
    const auto c4 = detect_format(test::data_file("text/c4_demo.jsonl"));
    EXPECT_EQ(c4.file_kind, "jsonl");
    EXPECT_EQ(c4.format, DataFormat::Text);
    EXPECT_EQ(c4.mapping.text.name, "text");
    EXPECT_EQ(detect_format(test::data_file("text/tinyshakespeare.txt")).format, DataFormat::Text);

    const auto sharegpt = detect_format(test::write_temp(
        "s.jsonl", R"({"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]})"
                   "\n"));
    EXPECT_EQ(sharegpt.format, DataFormat::ShareGpt);
    const auto messages = detect_format(test::write_temp(
        "m.json", R"([{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}])"));
    EXPECT_EQ(messages.format, DataFormat::Messages);
}
