// SPDX-License-Identifier: MIT
// Modules whose Δh starts at zero (LoRA, IA3, adapters with zero up-projection, zero-initialised
// gates) leave the model's outputs unchanged at initialisation, on every family.
#include "peft/injector.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

class IdentityAtInit : public ::testing::TestWithParam<test::Family> {};

/// Recipes that must be exact identities at init; q/v roles select c_attn slices on GPT-2.
std::vector<std::pair<std::string, Recipe>> identity_recipes(test::Family family) {
    using test::module_spec;
    using test::recipe_of;
    return {
        {"lora", recipe_of({module_spec(R"({"kind":"lora","sites":["q","v"],"r":4,"alpha":8})")})},
        {"lora_rslora_dropout", recipe_of({module_spec(R"({"kind":"lora","sites":["o","down"],"r":2,"rslora":true,"dropout":0.1})")})},
        {"ia3", recipe_of({module_spec(R"({"kind":"ia3","sites":["k","v","down"]})")})},
        {"parallel_adapter", recipe_of({module_spec(R"({"kind":"adapter","sites":["ffn_out"],"r":4,"init":"lora"})")})},
        {"sequential_adapter_ln",
         recipe_of({module_spec(R"({"kind":"adapter","sites":["attn_out","ffn_out"],"r":3,"insertion":"sequential",
                                    "adapter_norm":"in","activation":"gelu","init":"lora"})")})},
        {"gated_adapter_and_lora",
         recipe_of({module_spec(R"({"name":"a","kind":"adapter","sites":["ffn_out"],"r":3,"insertion":"sequential",
                                    "composition":"gated","init":"lora"})"),
                    module_spec(R"({"name":"l","kind":"lora","sites":["q"],"composition":"gated"})")})},
        {"learned_scales",
         recipe_of({module_spec(R"({"name":"a","kind":"adapter","sites":["attn_out"],"r":2,"composition":"learned_channel","init":"lora"})"),
                    module_spec(R"({"name":"b","kind":"adapter","sites":["ffn_out"],"r":2,"composition":"learned_scalar","scale":4,"init":"lora","adapter_norm":"out"})")})},
        {"multihead_adapter", recipe_of({module_spec(R"({"kind":"adapter","sites":["heads"],"r":3,"init":"lora"})")})},
        // Llama has no bias vectors: BitFit is refused there (see the presets test).
        {"bitfit_layernorm_unfreeze",
         family == test::Family::Llama
             ? recipe_of({module_spec(R"({"kind":"layernorm"})"), module_spec(R"({"kind":"unfreeze","top_k_layers":1})")})
             : recipe_of({module_spec(R"({"kind":"bitfit"})"), module_spec(R"({"kind":"layernorm"})"),
                          module_spec(R"({"kind":"unfreeze","top_k_layers":1})")})},
    };
}

} // namespace

TEST_P(IdentityAtInit, outputsEqualTheBaseModel) {
    for (const auto& [name, recipe] : identity_recipes(GetParam())) {
        Transformer model = test::family_model(GetParam());
        torch::NoGradGuard no_grad;
        torch::Tensor ids = test::sample_ids(model->config());
        torch::Tensor base = test::run(*model, ids);
        inject(*model, recipe, 5);
        torch::Tensor out = test::run(*model, ids);
        ASSERT_EQ(out.sizes(), base.sizes()) << name;
        EXPECT_LE((out - base).abs().max().item<double>(), 1e-6) << name << " on " << test::family_name(GetParam());
        // And the modules are really there: non-zero weights change the output.
        if (name.rfind("bitfit", 0) == 0) continue;
        test::randomize_modules(*model, 0.5);
        EXPECT_GT((test::run(*model, ids) - base).abs().max().item<double>(), 0.0) << name;
    }
}

INSTANTIATE_TEST_SUITE_P(Families, IdentityAtInit,
                         ::testing::Values(test::Family::Llama, test::Family::Gpt2, test::Family::Bert),
                         [](const auto& info) { return std::string(test::family_name(info.param)); });
