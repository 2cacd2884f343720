// SPDX-License-Identifier: MIT
// Prefix initialisation (prefix_init): "tokens" gives the keys and values of real tokens, so the
// model with a fresh prefix computes what the base model computes with those tokens in front of
// the input; "normal" is PEFT's N(0, 1); "auto" is "tokens" on decoders, "normal" on encoders.
#include "peft_test_util.h"

#include "peft/validate.h"

#include <gtest/gtest.h>

namespace peft {
namespace {

torch::Tensor prefix_of(TransformerImpl& model, const std::string& site) {
    for (auto& [name, module] : model.site(site).modules())
        for (auto& item : module->named_parameters())
            if (item.key() == "prefix") return item.value().detach().clone();
    return {};
}

TEST(PrefixInit, TokensActLikeThoseTokensInFrontOfTheInput) {
    const std::vector<int64_t> init = {5, 77, 300, 41};
    Transformer base = test::family_model(test::Family::Llama, torch::kDouble);
    Transformer tuned = test::family_model(test::Family::Llama, torch::kDouble);
    ModuleSpec spec = test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":4,"prefix_init":"tokens"})");
    spec.init_token_ids = init;
    inject(*tuned, test::recipe_of({spec}), 0);

    const torch::Tensor ids = test::sample_ids(base->config(), 2, 9);
    const torch::Tensor with_prefix = test::run(*tuned, ids);
    const torch::Tensor in_front = torch::cat({torch::tensor(init, torch::kLong).unsqueeze(0).expand({2, -1}), ids}, 1);
    const torch::Tensor expected = test::run(*base, in_front).narrow(1, 4, 9);
    // The prefix passes through float32 (module parameters are built in float, then moved to the
    // model's dtype), hence 1e-5 rather than float64's last digits.
    EXPECT_TRUE(torch::allclose(with_prefix, expected, 1e-5, 1e-5))
        << (with_prefix - expected).abs().max().item<double>();

    const torch::Tensor p = prefix_of(*tuned, "layers.0.attn.kv");
    ASSERT_TRUE(p.defined());
    EXPECT_EQ(p.sizes(), (std::vector<int64_t>{4, 2 * 32})); // l × 2·kv_heads·d_h
}

TEST(PrefixInit, AutoIsTokensOnDecodersAndDrawsTokensWithTheSeed) {
    Transformer a = test::family_model(test::Family::Llama);
    Transformer b = test::family_model(test::Family::Llama);
    Transformer c = test::family_model(test::Family::Llama);
    inject(*a, test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3})")}), 1);
    inject(*b, test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3,"prefix_init":"tokens"})")}), 1);
    inject(*c, test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3,"prefix_init":"normal"})")}), 1);
    const auto pa = prefix_of(*a, "layers.2.attn.kv"), pb = prefix_of(*b, "layers.2.attn.kv"),
               pc = prefix_of(*c, "layers.2.attn.kv");
    EXPECT_TRUE(torch::equal(pa, pb));
    EXPECT_FALSE(torch::allclose(pa, pc));
    EXPECT_NEAR(pc.std().item<double>(), 1.0, 0.25); // N(0, 1), PEFT's PrefixEncoder
}

TEST(PrefixInit, AutoIsNormalOnEncoders) {
    Transformer bert = test::family_model(test::Family::Bert);
    EXPECT_NO_THROW(inject(*bert, test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3})")}), 1));
}

TEST(PrefixInit, TokensRefusedOnEncodersAndWithReparameterisation) {
    const ModelConfig bert = ModelConfig::load(test::model_dir("bert-tiny-untrained") + "/config.json");
    auto issues = validate(
        test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3,"prefix_init":"tokens"})")}), bert,
        describe_sites(bert, TaskHead::SequenceClassification));
    ASSERT_FALSE(issues.empty());
    EXPECT_EQ(issues[0].field, "prefix_init");
    const ModelConfig llama = ModelConfig::load(test::model_dir("stories260K") + "/config.json");
    issues = validate(test::recipe_of({test::module_spec(
                                 R"({"kind":"prefix","sites":["kv"],"length":3,"prefix_init":"tokens","reparam_hidden":8})")}),
                             llama, describe_sites(llama, TaskHead::CausalLM));
    ASSERT_FALSE(issues.empty());
    EXPECT_EQ(issues[0].field, "prefix_init");
}

TEST(PrefixInit, JsonRoundTrip) {
    ModuleSpec spec = test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":3,"prefix_init":"normal"})");
    EXPECT_EQ(spec.prefix_init, PrefixInit::Normal);
    const Recipe again = Recipe::from_json(test::recipe_of({spec}).to_json());
    EXPECT_EQ(again.modules.at(0).prefix_init, PrefixInit::Normal);
    EXPECT_THROW(test::module_spec(R"({"kind":"prefix","prefix_init":"zeros"})"), Error);
}

} // namespace
} // namespace peft
