// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/delimited_reader.h"
#include "data/record_index.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

TEST(RecordIndex, sst2Train_indexAgreesWithFullRead) {
    const auto path = test::data_file("glue/SST-2/train.tsv");
    const auto table = read_delimited(path);
    const auto index = build_record_index(path);
    ASSERT_TRUE(index.complete);
    ASSERT_EQ(index.size(), 67349u);
    EXPECT_TRUE(index.has_header);
    EXPECT_EQ(index.columns, table.columns);
    const auto rows = read_delimited_range(index, 40000, 5);
    ASSERT_EQ(rows.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_TRUE(rows[i].error.empty());
        EXPECT_EQ(rows[i].fields, table.rows[40000 + i]);
        EXPECT_EQ(rows[i].line, table.lines[40000 + i]);
    }
    const auto tail = read_delimited_range(index, 67347, 10);
    ASSERT_EQ(tail.size(), 2u);
    EXPECT_EQ(tail[1].fields, table.rows.back());
}

TEST(RecordIndex, stopsEarlyForAPreview) {
    const auto index = build_record_index(test::data_file("glue/SST-2/train.tsv"), {}, 50);
    EXPECT_FALSE(index.complete);
    ASSERT_EQ(index.size(), 50u);
    const auto rows = read_delimited_range(index, 45, 100);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows.back().line, 51u);
}

TEST(RecordIndex, mrpcAndColaHeadersMatchFullRead) {
    const auto mrpc = build_record_index(test::data_file("glue/MRPC/dev.tsv"));
    EXPECT_EQ(mrpc.size(), 408u);
    EXPECT_EQ(mrpc.columns.front(), "Quality");
    const auto cola = build_record_index(test::data_file("glue/CoLA/dev.tsv"));
    EXPECT_FALSE(cola.has_header);
    EXPECT_EQ(cola.size(), 1043u);
    EXPECT_EQ(read_delimited_range(cola, 1042, 1).at(0).fields.at(3), "John talked to Bill about himself.");
}

TEST(RecordIndex, csvWithQuotedNewlines_recordsStartWhereTheParserSays) {
    const auto path = test::write_temp("q.csv", "text,label\n\"multi\nline\",1\nsecond row,0\n\"x,y\",1\n");
    const auto index = build_record_index(path);
    ASSERT_EQ(index.size(), 3u);
    EXPECT_EQ(index.lines, (std::vector<std::size_t>{2, 4, 5}));
    const auto rows = read_delimited_range(index, 0, 3);
    EXPECT_EQ(rows[0].fields[0], "multi\nline");
    EXPECT_EQ(rows[2].fields[0], "x,y");
}

TEST(RecordIndex, jsonl_rangeAndBadLine) {
    const auto c4 = build_record_index(test::data_file("text/c4_demo.jsonl"));
    EXPECT_TRUE(c4.json_lines);
    EXPECT_EQ(c4.size(), 300u);
    const auto records = read_jsonl_range(c4, 299, 5);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_TRUE(records[0].value.contains("text"));

    const auto path = test::write_temp("data.jsonl", "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n{broken\n");
    const auto index = build_record_index(path);
    ASSERT_EQ(index.size(), 3u);
    std::vector<RowError> errors;
    const auto rows = read_jsonl_range(index, 0, 3, &errors);
    EXPECT_EQ(rows[1].value["text"], "b");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].line, 4u);
    EXPECT_EQ(errors[0].to_string().rfind("data.jsonl:4: not valid JSON (", 0), 0u) << errors[0].to_string();
}

TEST(RecordIndex, forcedHeaderModes) {
    DelimitedOptions absent;
    absent.header = HeaderMode::Absent;
    const auto all = build_record_index(test::data_file("glue/SST-2/dev.tsv"), absent);
    EXPECT_EQ(all.size(), 873u);
    EXPECT_EQ(all.columns, (std::vector<std::string>{"0", "1"}));
    DelimitedOptions present;
    present.header = HeaderMode::Present;
    const auto cola = build_record_index(test::data_file("glue/CoLA/dev.tsv"), present);
    EXPECT_EQ(cola.size(), 1042u);
    EXPECT_EQ(cola.columns.at(0), "gj04");
    EXPECT_EQ(cola.lines.at(0), 2u);
}

TEST(RecordIndex, jsonArrayHasNoLineIndex) {
    EXPECT_FALSE(is_json_lines_file(test::data_file("text/alpaca_en_demo.json")));
    EXPECT_THROW(build_record_index(test::data_file("text/alpaca_en_demo.json")), peft::Error);
}
