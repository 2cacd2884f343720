// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/delimited_reader.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

namespace {

struct GlueCase {
    const char* file;
    std::size_t rows;
    std::size_t columns;
    bool header;
};

class GlueRowCounts : public ::testing::TestWithParam<GlueCase> {};

} // namespace

TEST_P(GlueRowCounts, readsEveryRowExactly) {
    const auto& c = GetParam();
    const auto table = read_delimited(test::data_file(std::string("glue/") + c.file));
    EXPECT_EQ(table.size(), c.rows);
    EXPECT_EQ(table.columns.size(), c.columns);
    EXPECT_EQ(table.has_header, c.header);
    EXPECT_TRUE(table.errors.empty());
}

// CoLA dev.tsv holds 1,043 rows: `wc -l` says 1,042 because its last line has no final newline.
INSTANTIATE_TEST_SUITE_P(Glue, GlueRowCounts,
                         ::testing::Values(GlueCase{"SST-2/train.tsv", 67349, 2, true}, GlueCase{"SST-2/dev.tsv", 872, 2, true},
                                           GlueCase{"RTE/train.tsv", 2490, 4, true}, GlueCase{"RTE/dev.tsv", 277, 4, true},
                                           GlueCase{"MRPC/train.tsv", 3667, 5, true}, GlueCase{"MRPC/dev.tsv", 408, 5, true},
                                           GlueCase{"CoLA/train.tsv", 8551, 4, false}, GlueCase{"CoLA/dev.tsv", 1043, 4, false}));

TEST(DelimitedReader, sst2_fieldsKeptVerbatim) {
    const auto table = read_delimited(test::data_file("glue/SST-2/dev.tsv"));
    ASSERT_EQ(table.columns, (std::vector<std::string>{"sentence", "label"}));
    EXPECT_EQ(table.rows[0][0], "it 's a charming and often affecting journey . ");
    EXPECT_EQ(table.rows[0][1], "1");
    EXPECT_EQ(table.lines[0], 2u);
}

TEST(DelimitedReader, tsvQuotesAreLiteral_csvQuotesAreSyntax) {
    const std::string body = "text\tlabel\n\"quoted\" start\t1\nmid \"q\t0\n";
    const auto tsv = parse_delimited(body, "x.tsv");
    ASSERT_EQ(tsv.size(), 2u);
    EXPECT_EQ(tsv.rows[0][0], "\"quoted\" start");
    EXPECT_EQ(tsv.rows[1][0], "mid \"q");
}

TEST(DelimitedReader, mrpc_byteOrderMarkIsNotPartOfFirstColumn) {
    const auto table = read_delimited(test::data_file("glue/MRPC/train.tsv"));
    ASSERT_TRUE(table.has_header);
    EXPECT_EQ(table.columns[0], "Quality");
    EXPECT_EQ(table.column_index("#2 String"), 4);
    // A field starting with a quote stays literal in TSV.
    bool found = false;
    for (const auto& row : table.rows)
        found = found || (!row[4].empty() && row[4][0] == '"');
    EXPECT_TRUE(found);
}

TEST(DelimitedReader, cola_withoutHeader_columnsAreIndices) {
    const auto table = read_delimited(test::data_file("glue/CoLA/train.tsv"));
    EXPECT_FALSE(table.has_header);
    EXPECT_EQ(table.columns, (std::vector<std::string>{"0", "1", "2", "3"}));
    EXPECT_EQ(table.rows[0][0], "gj04");
    EXPECT_EQ(table.rows[0][3], "Our friends won't buy this analysis, let alone the next one we propose.");
    EXPECT_EQ(table.lines[0], 1u);
}

TEST(DelimitedReader, headerModeOverridesDetection) {
    DelimitedOptions options;
    options.header = HeaderMode::Absent;
    const auto table = read_delimited(test::data_file("glue/SST-2/dev.tsv"), options);
    EXPECT_EQ(table.size(), 873u);
    EXPECT_EQ(table.rows[0][0], "sentence");
}

TEST(DelimitedReader, csvQuoting_embeddedSeparatorsDoubledQuotesAndNewlines) {
    const std::string csv = "text,label\r\n"
                            "\"a, b\",1\r\n"
                            "\"she said \"\"hi\"\"\",0\r\n"
                            "\"two\nlines\",1\r\n"
                            "plain \"mid\" quote,0\r\n"
                            "\"\",1\r\n"
                            "last,0";
    const auto table = parse_delimited(csv, "q.csv");
    ASSERT_TRUE(table.has_header);
    ASSERT_EQ(table.size(), 6u);
    EXPECT_EQ(table.rows[0][0], "a, b");
    EXPECT_EQ(table.rows[1][0], "she said \"hi\"");
    EXPECT_EQ(table.rows[2][0], "two\nlines");
    EXPECT_EQ(table.rows[3][0], "plain \"mid\" quote");
    EXPECT_EQ(table.rows[4][0], "");
    EXPECT_EQ(table.rows[5][1], "0");
    // Line numbers are physical lines where each row starts.
    EXPECT_EQ(table.lines, (std::vector<std::size_t>{2, 3, 4, 6, 7, 8}));
}

TEST(DelimitedReader, csvByteOrderMarkAndBlankLines) {
    const auto table = parse_delimited("\xEF\xBB\xBFtext,label\n\nhello world,1\n\n", "bom.csv");
    ASSERT_EQ(table.columns[0], "text");
    ASSERT_EQ(table.size(), 1u);
    EXPECT_EQ(table.lines[0], 3u);
}

TEST(DelimitedReader, wrongColumnCount_failsWithFileAndLine) {
    const std::string tsv = "sentence\tlabel\ngood\t1\nbad\t0\textra\nfine\t0\n";
    try {
        parse_delimited(tsv, "/some/dir/train.tsv");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "train.tsv:3: expected 2 columns, found 3");
    }
}

TEST(DelimitedReader, wrongColumnCount_skipPolicyCollectsRowErrors) {
    DelimitedOptions options;
    options.policy = RowErrorPolicy::Skip;
    const auto table = parse_delimited("a b\tlabel\ngood one\t1\nbad\nfine one\t0\n", "train.tsv", options);
    EXPECT_EQ(table.size(), 2u);
    ASSERT_EQ(table.errors.size(), 1u);
    EXPECT_EQ(table.errors.errors()[0].line, 3u);
    EXPECT_EQ(table.errors.errors()[0].to_string(), "train.tsv:3: expected 2 columns, found 1");
}

TEST(DelimitedReader, unterminatedQuote_reportsLineWhereItOpened) {
    DelimitedOptions options;
    options.policy = RowErrorPolicy::Skip;
    const auto table = parse_delimited("text,label\nok,1\n\"never closed,0\nmore,1\n", "q.csv", options);
    EXPECT_EQ(table.size(), 1u);
    ASSERT_EQ(table.errors.size(), 1u);
    EXPECT_EQ(table.errors.errors()[0].line, 3u);
    EXPECT_NE(table.errors.errors()[0].message.find("never closed"), std::string::npos);
}

TEST(DelimitedReader, textAfterClosingQuote_isRowError) {
    DelimitedOptions options;
    options.policy = RowErrorPolicy::Skip;
    const auto table = parse_delimited("text,label\n\"a\"b,1\nok,0\n", "q.csv", options);
    EXPECT_EQ(table.size(), 1u);
    ASSERT_EQ(table.errors.size(), 1u);
    EXPECT_EQ(table.errors.errors()[0].line, 2u);
}

TEST(DelimitedReader, headerDetection) {
    EXPECT_TRUE(looks_like_header({{"sentence", "label"}, {"a movie", "1"}}));
    EXPECT_FALSE(looks_like_header({{"gj04", "1", "", "A sentence."}, {"gj04", "0", "*", "Another."}}));
    EXPECT_FALSE(looks_like_header({{"0", "some text"}, {"1", "other"}}));
}

TEST(DelimitedReader, missingFile_namesIt) {
    try {
        read_delimited("/nonexistent/train.tsv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/train.tsv"), std::string::npos);
    }
}
