// SPDX-License-Identifier: MIT
// The generated text and the learned tokenizer, without any training.
#include "demo/bpe_learner.h"
#include "demo/datasets.h"
#include "demo/grammar.h"
#include "demo/tokenizer_files.h"
#include "demo_test_util.h"
#include "tokenizers/tokenizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace peft;
using namespace peft::demo;

TEST(DemoGrammar, sameSeedSameText_otherSeedOtherText) {
    EXPECT_EQ(make_stories(20, 1), make_stories(20, 1));
    EXPECT_NE(make_stories(20, 1), make_stories(20, 2));
    EXPECT_EQ(make_fables(5, 3), make_fables(5, 3));
    // Pinned so that a change of the grammar (which must bump kDemoVersion) cannot go unnoticed.
    const auto first = make_stories(1, 1234).front();
    EXPECT_GT(first.size(), 150u);
    EXPECT_EQ(first.find('\n'), std::string::npos);
    for (unsigned char c : first) EXPECT_LT(c, 0x80) << "the corpus is ASCII";
}

TEST(DemoGrammar, storiesAverageAFewHundredBytes) {
    const auto stories = make_stories(1500, 1234);
    std::size_t bytes = 0;
    for (const auto& s : stories) bytes += s.size();
    EXPECT_GT(bytes, 300'000u); // "a few hundred KB" at the default size
    EXPECT_LT(bytes, 1'000'000u);
    EXPECT_GT(std::set<std::string>(stories.begin(), stories.end()).size(), 1490u) << "stories should rarely repeat";
}

TEST(DemoGrammar, sentimentIsBalancedDistinctAndLabelled) {
    const auto rows = make_sentiment(1000, 5);
    ASSERT_EQ(rows.size(), 1000u);
    int positive = 0;
    std::set<std::string> texts;
    for (const auto& r : rows) {
        ASSERT_TRUE(r.label == "positive" || r.label == "negative") << r.label;
        positive += r.label == "positive";
        texts.insert(r.text);
    }
    EXPECT_EQ(texts.size(), rows.size());
    EXPECT_GT(positive, 400);
    EXPECT_LT(positive, 600);
}

TEST(DemoGrammar, csvFieldsAreQuoted) {
    EXPECT_EQ(csv_field("At the park, Tom said \"hi\"."), "\"At the park, Tom said \"\"hi\"\".\"");
}

TEST(DemoBpe, splitsLikeGpt2) {
    const std::vector<std::string> expected = {"Lily", " said", ",", " \"", "Let", "'s", " go", "!\"", "  ", " Tom",
                                               "\n", "42", " ok"};
    EXPECT_EQ(split_like_gpt2("Lily said, \"Let's go!\"   Tom\n42 ok"), expected);
}

TEST(DemoBpe, learnsFrequentPairsDeterministically) {
    const std::vector<std::string> corpus = {"the cat and the hat", "the cat sat", "the hat"};
    const auto a = learn_byte_level_bpe(corpus, 270), b = learn_byte_level_bpe(corpus, 270);
    EXPECT_EQ(a.tokens, b.tokens);
    EXPECT_EQ(a.merges, b.merges);
    ASSERT_GT(a.tokens.size(), 256u);
    EXPECT_LE(a.tokens.size(), 270u);
    EXPECT_EQ(a.tokens[256], "at"); // in cat, hat (twice) and sat: the most frequent pair
    // Nothing is merged beyond what occurs twice.
    EXPECT_LE(learn_byte_level_bpe({"ab"}, 400).tokens.size(), 256u);
}

class DemoTokenizer : public ::testing::Test {
protected:
    void SetUp() override {
        stories_ = make_stories(200, 11);
        vocabulary_ = learn_byte_level_bpe(stories_, 396);
        write_tokenizer_files(vocabulary_, dir_.str(), 64);
        tokenizer_ = load_tokenizer(dir_.str());
    }
    test::TempFolder dir_{"tokenizer"};
    std::vector<std::string> stories_;
    BpeVocabulary vocabulary_;
    std::unique_ptr<Tokenizer> tokenizer_;
};

TEST_F(DemoTokenizer, loadsThroughTheEngineWithItsSpecialTokens) {
    EXPECT_EQ(tokenizer_->kind(), "byte-level BPE (tokenizer.json)");
    EXPECT_EQ(tokenizer_->vocab_size(), 400);
    EXPECT_EQ(tokenizer_->bos_id, kBosId);
    EXPECT_EQ(tokenizer_->eos_id, kEosId);
    EXPECT_EQ(tokenizer_->pad_id, kPadId);
    EXPECT_EQ(tokenizer_->unk_id, kUnkId);
    EXPECT_EQ(tokenizer_->id_to_token(kFirstByteId + 'a'), "a");
    const auto with_bos = tokenizer_->encode("Tom was happy.", true).ids;
    ASSERT_FALSE(with_bos.empty());
    EXPECT_EQ(with_bos.front(), kBosId) << "Llama-style: BOS first, no EOS";
    EXPECT_NE(with_bos.back(), kEosId);
    EXPECT_EQ(tokenizer_->decode(with_bos), "Tom was happy.");
}

TEST_F(DemoTokenizer, roundTripsAnyText) {
    for (const auto& text : {stories_[0], stories_[199], make_fables(1, 3)[0], std::string("  two  spaces\n\nand tabs\t!"),
                             std::string("caf\xc3\xa9 \xf0\x9f\x99\x82 na\xc3\xafve"), std::string("x'll 123 4567")}) {
        const auto ids = tokenizer_->encode(text, false).ids;
        for (auto id : ids) EXPECT_TRUE(id >= kFirstByteId && id < 400) << id;
        EXPECT_EQ(tokenizer_->decode(ids), text);
    }
}

TEST_F(DemoTokenizer, compressesTheCorpus) {
    std::size_t bytes = 0, tokens = 0;
    for (const auto& s : stories_) {
        bytes += s.size();
        tokens += tokenizer_->encode(s, false).ids.size();
    }
    EXPECT_GT(static_cast<double>(bytes) / static_cast<double>(tokens), 2.0) << "merges should cover the common words";
}

TEST_F(DemoTokenizer, filesAreWhatHuggingFaceWrites) {
    std::ifstream in(dir_.path() / "tokenizer.json");
    const auto j = nlohmann::json::parse(in);
    EXPECT_EQ(j["model"]["type"], "BPE");
    EXPECT_EQ(j["pre_tokenizer"]["type"], "ByteLevel");
    EXPECT_EQ(j["decoder"]["type"], "ByteLevel");
    EXPECT_EQ(j["post_processor"]["special_tokens"]["<s>"]["ids"], nlohmann::json::array({kBosId}));
    EXPECT_EQ(j["added_tokens"].size(), 4u);
    EXPECT_EQ(j["model"]["merges"].size(), vocabulary_.merges.size());
    for (const char* name : {"tokenizer_config.json", "special_tokens_map.json"})
        EXPECT_TRUE(std::filesystem::exists(dir_.path() / name)) << name;
}
