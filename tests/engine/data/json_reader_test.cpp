// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/json_reader.h"
#include "data/text_reader.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
using namespace peft::data;

TEST(JsonReader, alpacaDemo_has999Records) {
    const auto set = read_json_records(test::data_file("text/alpaca_en_demo.json"));
    ASSERT_EQ(set.size(), 999u);
    EXPECT_EQ(set.records[0].value["instruction"], "Describe a process of making crepes.");
    EXPECT_EQ(set.records[0].line, 2u);
    EXPECT_EQ(set.records[11].number, 12u);
    EXPECT_GT(set.records[11].line, set.records[10].line);
}

TEST(JsonReader, c4Demo_has300Lines) {
    const auto set = read_json_records(test::data_file("text/c4_demo.jsonl"));
    ASSERT_EQ(set.size(), 300u);
    EXPECT_EQ(set.records[299].line, 300u);
}

TEST(JsonReader, invalidJsonLine_failsWithFileAndLine) {
    const std::string text = "{\"text\": \"a\"}\n{\"text\": \"b\"}\n\n\n{\"text\": oops}\n";
    try {
        parse_json_records(text, "/x/data.jsonl");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("data.jsonl:5: not valid JSON (", 0), 0u) << e.what();
    }
    const auto set = parse_json_records(text, "data.jsonl", RowErrorPolicy::Skip);
    EXPECT_EQ(set.size(), 2u);
    ASSERT_EQ(set.errors.size(), 1u);
    EXPECT_EQ(set.errors.errors()[0].line, 5u);
}

TEST(JsonReader, nonObjectRecord_isRowErrorNamingTheRecord) {
    const auto set = parse_json_records("[\n  {\"a\": 1},\n  [1, 2],\n  {\"a\": 2}\n]", "d.json", RowErrorPolicy::Skip);
    EXPECT_EQ(set.size(), 2u);
    ASSERT_EQ(set.errors.size(), 1u);
    EXPECT_EQ(set.errors.errors()[0].to_string(), "d.json:3: record 2 is not a JSON object (found array)");
}

TEST(JsonReader, brokenArray_namesLine) {
    try {
        parse_json_records("[\n {\"a\": 1},\n {\"a\": }\n]", "d.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("d.json:3: not valid JSON", 0), 0u) << e.what();
    }
}

TEST(JsonReader, jsonLinesUnderJsonExtension_isDetected) {
    const auto set = parse_json_records("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "d.json");
    EXPECT_EQ(set.size(), 2u);
}

TEST(TextReader, splitsDocuments) {
    const std::string text = "\xEF\xBB\xBFOne\r\ntwo\r\n\r\n\r\nthree\n";
    const auto whole = split_text_documents(text, TextSplit::WholeFile);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].text, "One\ntwo\n\n\nthree\n");
    const auto paragraphs = split_text_documents(text, TextSplit::Paragraphs);
    ASSERT_EQ(paragraphs.size(), 2u);
    EXPECT_EQ(paragraphs[0].text, "One\ntwo");
    EXPECT_EQ(paragraphs[1].text, "three");
    EXPECT_EQ(paragraphs[1].line, 5u);
    EXPECT_EQ(split_text_documents(text, TextSplit::Lines).size(), 3u);
}

TEST(TextReader, tinyshakespeare_isOneDocument) {
    const auto docs = read_text_documents(test::data_file("text/tinyshakespeare.txt"));
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].text.size(), 1115394u);
    EXPECT_EQ(docs[0].text.rfind("First Citizen:", 0), 0u);
}
