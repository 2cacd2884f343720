// SPDX-License-Identifier: MIT
// The tokenizer.json stages one by one, on small inputs whose tokenizers output is known.
#include "core/error.h"
#include "tokenizers/pipeline.h"
#include "tokenizers/tokenizer.h"
#include "test_assets.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace peft;
using json = nlohmann::json;
using Pieces = std::vector<std::string>;

namespace {

Pieces pre_tokenize(const json& j, const std::string& text) { return make_pre_tokenizer(j, "test")({text}); }

json split(const std::string& behavior, bool invert = false) {
    return {{"type", "Split"}, {"pattern", {{"String", "-"}}}, {"behavior", behavior}, {"invert", invert}};
}

} // namespace

TEST(PreTokenizers, splitBehavioursPlaceTheDelimiterLikeTokenizers) {
    const std::string text = "a-b--c";
    EXPECT_EQ(pre_tokenize(split("Removed"), text), (Pieces{"a", "b", "c"}));
    EXPECT_EQ(pre_tokenize(split("Isolated"), text), (Pieces{"a", "-", "b", "-", "-", "c"}));
    EXPECT_EQ(pre_tokenize(split("MergedWithPrevious"), text), (Pieces{"a-", "b-", "-", "c"}));
    EXPECT_EQ(pre_tokenize(split("MergedWithNext"), text), (Pieces{"a", "-b", "-", "-c"}));
    EXPECT_EQ(pre_tokenize(split("Contiguous"), text), (Pieces{"a", "-", "b", "--", "c"}));
    EXPECT_EQ(pre_tokenize(split("Removed", true), text), (Pieces{"-", "-", "-"})); // each match is its own piece
}

TEST(PreTokenizers, llama3PatternSplitsDigitsInThreesAndKeepsContractions) {
    const json j = {{"type", "Split"},
                    {"pattern", {{"Regex", R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)"}}},
                    {"behavior", "Isolated"},
                    {"invert", false}};
    EXPECT_EQ(pre_tokenize(j, "Hello world's 12345"), (Pieces{"Hello", " world", "'s", " ", "123", "45"}));
}

TEST(PreTokenizers, byteLevelMapsBytesAndAddsThePrefixSpace) {
    const json j = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"use_regex", true}};
    EXPECT_EQ(pre_tokenize(j, "hi  there"), (Pieces{"\xC4\xA0hi", "\xC4\xA0", "\xC4\xA0there"}));
}

TEST(PreTokenizers, bertSplitsPunctuationAndWhitespace) {
    EXPECT_EQ(pre_tokenize({{"type", "BertPreTokenizer"}}, "Hi, you!  ok"), (Pieces{"Hi", ",", "you", "!", "ok"}));
    EXPECT_EQ(pre_tokenize({{"type", "Whitespace"}}, "it's 3.5"), (Pieces{"it", "'", "s", "3", ".", "5"}));
    EXPECT_EQ(pre_tokenize({{"type", "Digits"}, {"individual_digits", true}}, "a12"), (Pieces{"a", "1", "2"}));
}

TEST(PreTokenizers, metaspaceReplacesSpacesAndPrependsOnlyFirstWhenAsked) {
    const json j = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", "first"}, {"split", true}};
    EXPECT_EQ(make_pre_tokenizer(j, "test")({"a b", "c"}), (Pieces{"\xE2\x96\x81" "a", "\xE2\x96\x81" "b", "c"}));
}

TEST(Normalizers, bertNormalizerLowercasesStripsAccentsAndIsolatesCjk) {
    const auto n = make_normalizer({{"type", "BertNormalizer"}, {"lowercase", true}, {"strip_accents", nullptr}}, "test");
    EXPECT_EQ(n("Caf\xC3\xA9\t\xE4\xB8\xAD"), "cafe  \xE4\xB8\xAD ");
}

TEST(Normalizers, sequenceAppliesNfkcThenLowercaseThenReplace) {
    const json j = {{"type", "Sequence"},
                    {"normalizers", {{{"type", "NFKC"}}, {{"type", "Lowercase"}}, {{"type", "Replace"}, {"pattern", {{"Regex", "\\s+"}}}, {"content", " "}}}}};
    EXPECT_EQ(make_normalizer(j, "test")("\xEF\xBC\xA1  B"), "a b"); // fullwidth A -> a
}

TEST(Normalizers, unknownTypeIsNamed) {
    try {
        make_normalizer({{"type", "Precompiled"}}, "tokenizer.json normalizer");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("normalizer type 'Precompiled' is not supported"), std::string::npos) << e.what();
    }
}

TEST(Decoders, wordPieceJoinsContinuationsAndCleansUpSpaces) {
    const auto d = make_decoder({{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}}, "test");
    EXPECT_EQ(d({"un", "##believ", "##able", "!", "it", "'", "s"})[0], "unbelievable! it's");
}

TEST(WordLevel, looksUpWholeWordsAndFallsBackToUnk) {
    auto dir = test::temp_dir("wordlevel");
    const json j = {{"model", {{"type", "WordLevel"}, {"vocab", {{"<unk>", 0}, {"hello", 1}, {"world", 2}}}, {"unk_token", "<unk>"}}},
                    {"pre_tokenizer", {{"type", "WhitespaceSplit"}}}};
    std::ofstream(dir / "tokenizer.json") << j.dump();
    auto t = load_tokenizer(dir.string());
    EXPECT_EQ(t->kind(), "WordLevel (tokenizer.json)");
    EXPECT_EQ(t->encode("hello  there world").ids, (std::vector<int64_t>{1, 0, 2}));
}
