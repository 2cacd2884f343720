// SPDX-License-Identifier: MIT
// tokenizer.json features beyond the goldens: SentencePiece-style BPE with byte fallback, and
// errors that name the file.
#include "core/error.h"
#include "tokenizers/tokenizer.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>

using namespace peft;

namespace {

/// A converted-SentencePiece tokenizer.json (Llama-2 style): Prepend ▁ + Replace " " -> ▁,
/// BPE with byte fallback, decoder Replace/ByteFallback/Fuse/Strip.
std::string write_metaspace_tokenizer() {
    auto dir = test::temp_dir("metaspace");
    nlohmann::json vocab = {{"<unk>", 0}, {"<s>", 1}, {"</s>", 2}};
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        vocab[name] = 3 + b;
    }
    int64_t next = 259;
    for (const char* tok : {"\xE2\x96\x81", "h", "e", "l", "o", "w", "r", "d", "\xE2\x96\x81h", "el", "lo", "\xE2\x96\x81he",
                            "ll", "\xE2\x96\x81hello", "\xE2\x96\x81w", "or", "\xE2\x96\x81wor", "\xE2\x96\x81world", "hel", "\xE2\x96\x81hel"})
        vocab[tok] = next++;
    nlohmann::json merges = {"\xE2\x96\x81 h", "\xE2\x96\x81h e", "l l", "\xE2\x96\x81he ll", "\xE2\x96\x81hell o",
                             "\xE2\x96\x81 w", "o r", "\xE2\x96\x81w or", "\xE2\x96\x81wor l", "\xE2\x96\x81worl d"};
    vocab["\xE2\x96\x81hell"] = next++;
    vocab["\xE2\x96\x81worl"] = next++;
    nlohmann::json j = {
        {"version", "1.0"},
        {"added_tokens", {{{"id", 0}, {"content", "<unk>"}, {"special", true}},
                          {{"id", 1}, {"content", "<s>"}, {"special", true}},
                          {{"id", 2}, {"content", "</s>"}, {"special", true}}}},
        {"normalizer", {{"type", "Sequence"}, {"normalizers", {{{"type", "Prepend"}, {"prepend", "\xE2\x96\x81"}},
                                                               {{"type", "Replace"}, {"pattern", {{"String", " "}}}, {"content", "\xE2\x96\x81"}}}}}},
        {"pre_tokenizer", nullptr},
        {"post_processor", {{"type", "TemplateProcessing"},
                            {"single", {{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}}},
                            {"pair", {{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}},
                                      {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}}},
                            {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", {1}}, {"tokens", {"<s>"}}}}}}}},
        {"decoder", {{"type", "Sequence"}, {"decoders", {{{"type", "Replace"}, {"pattern", {{"String", "\xE2\x96\x81"}}}, {"content", " "}},
                                                         {{"type", "ByteFallback"}}, {{"type", "Fuse"}},
                                                         {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}}},
        {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}, {"unk_token", "<unk>"}, {"byte_fallback", true},
                   {"fuse_unk", true}}}};
    std::ofstream(dir / "tokenizer.json") << j.dump();
    return dir.string();
}

} // namespace

TEST(MetaspaceBpe, mergesWordsAndFallsBackToBytesForUnknownCharacters) {
    auto t = load_tokenizer(write_metaspace_tokenizer());
    EXPECT_EQ(t->kind(), "BPE with byte fallback (tokenizer.json)");
    Encoding e = t->encode("hello world", true);
    EXPECT_EQ(e.tokens, (std::vector<std::string>{"<s>", "\xE2\x96\x81hello", "\xE2\x96\x81world"}));
    // 'é' is not in the vocabulary: its two UTF-8 bytes become <0xC3> <0xA9>.
    Encoding accented = t->encode("h\xC3\xA9", false);
    EXPECT_EQ(accented.tokens, (std::vector<std::string>{"\xE2\x96\x81h", "<0xC3>", "<0xA9>"}));
    EXPECT_EQ(t->decode(accented.ids), "h\xC3\xA9");
    EXPECT_EQ(t->decode(e.ids), "hello world");
    EXPECT_EQ(t->decode(e.ids, false), "<s> hello world"); // as tokenizers: kept specials go through the decoders
}

TEST(TokenizerErrors, folderWithoutTokenizerNamesWhatWasLookedFor) {
    auto dir = test::temp_dir("no-tokenizer");
    try {
        load_tokenizer(dir.string());
        FAIL();
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find(dir.string()), std::string::npos) << m;
        EXPECT_NE(m.find("tokenizer.json, tokenizer.model, vocab.txt"), std::string::npos) << m;
    }
}

TEST(TokenizerErrors, brokenJsonNamesTheFile) {
    auto dir = test::temp_dir("broken-tokenizer");
    std::ofstream(dir / "tokenizer.json") << "{\"model\": {\"type\": \"BPE\", ";
    try {
        load_tokenizer(dir.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("tokenizer.json: not valid JSON"), std::string::npos) << e.what();
    }
}

TEST(TokenizerErrors, unknownModelTypeIsNamed) {
    auto dir = test::temp_dir("unigram");
    std::ofstream(dir / "tokenizer.json") << R"({"model": {"type": "Unigram", "vocab": []}})";
    try {
        load_tokenizer(dir.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'Unigram' is not supported"), std::string::npos) << e.what();
    }
}

TEST(TokenizerErrors, brokenSentencePieceModelNamesTheFile) {
    auto dir = test::temp_dir("bad-spm");
    std::ofstream(dir / "tokenizer.model") << "not a protobuf";
    try {
        load_tokenizer(dir.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("tokenizer.model: not a valid SentencePiece model"), std::string::npos) << e.what();
    }
}

TEST(TokenizerSpeed, tokenizesAMegabyteOfTextQuickly) {
    auto t = load_tokenizer(test::model_dir("tiny-gpt2"));
    std::ifstream in(test::assets_dir() + "/data/text/tinyshakespeare.txt");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    ASSERT_GT(text.size(), 1000000u);
    const auto ids = t->encode(text, false).ids;
    EXPECT_GT(ids.size(), 250000u);
    EXPECT_EQ(t->decode(ids), text);
}

TEST(TokenizerSpeed, unsplitTextIsMergedWithoutQuadraticCost) {
    // No pre-tokenizer: the whole megabyte reaches BPE as one word (SentencePiece-converted files).
    auto t = load_tokenizer(write_metaspace_tokenizer());
    std::string text;
    while (text.size() < 1000000) text += "hello world h\xC3\xA9 ";
    text.pop_back();
    const auto start = std::chrono::steady_clock::now();
    const auto ids = t->encode(text, false).ids;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0) << "quadratic merging would take minutes";
    EXPECT_EQ(t->decode(ids), text);
}
