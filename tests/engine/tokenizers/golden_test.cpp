// SPDX-License-Identifier: MIT
// Tokenization equals the reference implementations for every golden string: SentencePiece
// 0.1.97 for stories260K, Hugging Face tokenizers.js for tiny-gpt2 and bert-tiny-untrained.
#include "core/error.h"
#include "tokenizers/tokenizer.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;

namespace {

nlohmann::json golden(const std::string& name) {
    std::ifstream in(test::golden("tokenizer_" + name + ".json"));
    return nlohmann::json::parse(in);
}

std::string ids_text(const std::vector<int64_t>& ids) {
    std::string s;
    for (auto id : ids) s += std::to_string(id) + " ";
    return s;
}

/// Every case: ids equal exactly, decode equals the reference's `decoded`.
void expect_golden(const Tokenizer& t, const nlohmann::json& g, bool add_special, bool skip_special_in_decode) {
    for (const auto& c : g["cases"]) {
        const std::string text = c["text"].get<std::string>();
        const auto expected = c["ids"].get<std::vector<int64_t>>();
        const Encoding e = t.encode(text, add_special);
        EXPECT_EQ(e.ids, expected) << "text '" << text << "'\n ours:      " << ids_text(e.ids) << "\n reference: " << ids_text(expected);
        if (c.contains("tokens")) {
            EXPECT_EQ(e.tokens, c["tokens"].get<std::vector<std::string>>()) << text;
        }
        EXPECT_EQ(t.decode(expected, skip_special_in_decode), c["decoded"].get<std::string>()) << "decoding '" << text << "'";
    }
}

} // namespace

TEST(TokenizerGolden, stories260KSentencePieceMatchesTheLibrary) {
    auto t = load_tokenizer(test::model_dir("stories260K"));
    EXPECT_EQ(t->kind(), "SentencePiece (tokenizer.model)");
    expect_golden(*t, golden("stories260K"), false, true);
    EXPECT_EQ(t->bos_id, 1);
    EXPECT_EQ(t->eos_id, 2);
    EXPECT_EQ(t->encode("Hello", true).ids.front(), 1) << "BOS is added with special tokens";
}

TEST(TokenizerGolden, gpt2ByteLevelBpeMatchesTokenizersJs) {
    auto t = load_tokenizer(test::model_dir("tiny-gpt2"));
    EXPECT_EQ(t->kind(), "byte-level BPE (tokenizer.json)");
    expect_golden(*t, golden("tiny-gpt2"), true, false);
}

TEST(TokenizerGolden, bertWordPieceMatchesTokenizersJs) {
    auto t = load_tokenizer(test::model_dir("bert-tiny-untrained"));
    EXPECT_EQ(t->kind(), "WordPiece (tokenizer.json)");
    expect_golden(*t, golden("bert-tiny-untrained"), true, false);
}

TEST(TokenizerFiles, vocabTxtGivesTheSameIdsAsTokenizerJson) {
    auto json_t = load_tokenizer_from(test::model_dir("bert-tiny-untrained"), "tokenizer.json");
    auto txt_t = load_tokenizer_from(test::model_dir("bert-tiny-untrained"), "vocab.txt");
    for (const auto& c : golden("bert-tiny-untrained")["cases"]) {
        const std::string text = c["text"].get<std::string>();
        EXPECT_EQ(txt_t->encode(text).ids, json_t->encode(text).ids) << text;
    }
}

TEST(TokenizerFiles, vocabJsonAndMergesGiveTheSameIdsAsTokenizerJson) {
    auto json_t = load_tokenizer_from(test::model_dir("tiny-gpt2"), "tokenizer.json");
    auto bpe_t = load_tokenizer_from(test::model_dir("tiny-gpt2"), "vocab.json");
    for (const auto& c : golden("tiny-gpt2")["cases"]) {
        const std::string text = c["text"].get<std::string>();
        EXPECT_EQ(bpe_t->encode(text).ids, json_t->encode(text).ids) << text;
        EXPECT_EQ(bpe_t->decode(bpe_t->encode(text).ids), text);
    }
}

TEST(TokenizerPairs, bertPairHasClsSepSepAndTypeIds) {
    auto t = load_tokenizer(test::model_dir("bert-tiny-untrained"));
    std::vector<int64_t> types;
    Encoding e = t->encode_pair("hello world", "good day", &types);
    ASSERT_EQ(e.tokens, (std::vector<std::string>{"[CLS]", "hello", "world", "[SEP]", "good", "day", "[SEP]"}));
    EXPECT_EQ(types, (std::vector<int64_t>{0, 0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(t->cls_id, 101);
    EXPECT_EQ(t->sep_id, 102);
    EXPECT_EQ(t->pad_id, 0);
}

TEST(TokenizerSpecialTokens, addedTokensAreMatchedWholeAndSkippedInDecode) {
    auto t = load_tokenizer(test::model_dir("tiny-gpt2"));
    Encoding e = t->encode("Hello<|endoftext|>world");
    EXPECT_EQ(e.ids, (std::vector<int64_t>{15496, 50256, 6894}));
    EXPECT_EQ(t->decode(e.ids, true), "Helloworld");
    EXPECT_EQ(t->decode(e.ids, false), "Hello<|endoftext|>world");
}
