// SPDX-License-Identifier: MIT
#include "io/model_config.h"
#include "core/error.h"
#include "test_assets.h"

#include <gtest/gtest.h>

using namespace peft;

TEST(ModelConfig, loadsStories260K) {
    auto c = ModelConfig::load(test::model_dir("stories260K") + "/config.json");
    EXPECT_EQ(c.family, ModelFamily::Llama);
    EXPECT_EQ(c.hidden_size, 64);
    EXPECT_EQ(c.num_layers, 5);
    EXPECT_EQ(c.num_heads, 8);
    EXPECT_EQ(c.num_kv_heads, 4);
    EXPECT_EQ(c.head_dim, 8);
    EXPECT_TRUE(c.tie_word_embeddings);
}

TEST(ModelConfig, gpt2FieldNames) {
    auto c = ModelConfig::load(test::model_dir("tiny-gpt2") + "/config.json");
    EXPECT_EQ(c.family, ModelFamily::Gpt2);
    EXPECT_EQ(c.hidden_size, 2);
    EXPECT_EQ(c.intermediate_size, 8);
    EXPECT_EQ(c.hidden_act, "gelu_new");
}

TEST(ModelConfig, unknownModelTypeNamesFileAndType) {
    try {
        ModelConfig::from_json(nlohmann::json{{"model_type", "t5"}, {"vocab_size", 10}}, "/x/config.json");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/x/config.json"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("'t5' is not supported"), std::string::npos);
    }
}

TEST(ModelConfig, wrongFieldTypeNamesField) {
    auto j = nlohmann::json{{"model_type", "llama"}, {"vocab_size", 10}, {"hidden_size", "64"}};
    try {
        ModelConfig::from_json(j, "cfg.json");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'hidden_size' must be an integer"), std::string::npos) << e.what();
    }
}
