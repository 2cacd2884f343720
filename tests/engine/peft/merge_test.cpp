// SPDX-License-Identifier: MIT
// Merging folds LoRA (incl. fused-qkv slices), IA3 and linear scaled adapters into base weights
// with unchanged logits; unmerging restores the base weights.
#include "peft/injector.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

std::map<std::string, torch::Tensor> base_weights(TransformerImpl& model) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& [name, site] : model.sites())
        if (auto* linear = dynamic_cast<LinearSiteImpl*>(site)) {
            out[name + ".weight"] = linear->weight.detach().clone();
            if (linear->bias.defined()) out[name + ".bias"] = linear->bias.detach().clone();
        }
    return out;
}

double max_weight_difference(TransformerImpl& model, const std::map<std::string, torch::Tensor>& reference) {
    double worst = 0;
    for (const auto& [name, tensor] : base_weights(model))
        worst = std::max(worst, (tensor - reference.at(name)).abs().max().item<double>());
    return worst;
}

void expect_merge_round_trip(test::Family family, const Recipe& recipe, int expected_merged) {
    // Float64 weights, so the comparison measures the merge rather than float32 rounding of a
    // different summation order (Llama's RMSNorm still rounds to float32, as in transformers).
    Transformer model = test::family_model(family, torch::kDouble);
    torch::NoGradGuard no_grad;
    torch::Tensor ids = test::sample_ids(model->config());
    torch::Tensor base = test::run(*model, ids);
    auto weights = base_weights(*model);

    inject(*model, recipe, 3);
    // IA3 is divided out on unmerge: keep its scales away from zero (1 ± 0.1·N(0, 1)).
    test::randomize_modules(*model, 0.1);
    torch::Tensor unmerged = test::run(*model, ids);
    EXPECT_GT((unmerged - base).abs().max().item<double>(), 1e-7) << "modules must change the output";

    EXPECT_EQ(merge(*model), expected_merged);
    EXPECT_GT(max_weight_difference(*model, weights), 1e-4) << "merge must change the weights";
    torch::Tensor merged = test::run(*model, ids);
    EXPECT_LE((merged - unmerged).abs().max().item<double>(), 1e-5);
    EXPECT_GT((merged - base).abs().max().item<double>(), 1e-7) << "merged logits must differ from the base";
    EXPECT_EQ(merge(*model), 0) << "merging twice must not fold twice";

    EXPECT_EQ(unmerge(*model), expected_merged);
    EXPECT_LE(max_weight_difference(*model, weights), 1e-6);
    EXPECT_LE((test::run(*model, ids) - unmerged).abs().max().item<double>(), 1e-5);
}

} // namespace

TEST(Merge, loraOnStories260K_foldsAndRestores) {
    expect_merge_round_trip(test::Family::Llama,
                            test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v","down"],"r":4,"alpha":8})")}),
                            15);
}

TEST(Merge, loraOnFusedQkvSlices_foldsIntoThoseColumnsOnly) {
    expect_merge_round_trip(test::Family::Gpt2,
                            test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":2})")}), 2);
}

TEST(Merge, ia3WithLoraOnOneSite_foldsInForwardOrder) {
    expect_merge_round_trip(test::Family::Llama,
                            test::recipe_of({test::module_spec(R"({"name":"l","kind":"lora","sites":["k","down"],"r":2})"),
                                             test::module_spec(R"({"name":"i","kind":"ia3","sites":["k","v","down"]})")}),
                            5 * 5);
    expect_merge_round_trip(test::Family::Bert,
                            test::recipe_of({test::module_spec(R"({"kind":"ia3","sites":["k","v","down"]})")}), 6);
}

TEST(Merge, linearScaledAdapter_foldsButNonlinearOnesStay) {
    Recipe recipe = test::recipe_of({
        test::module_spec(R"({"name":"lin","kind":"adapter","sites":["up"],"r":3,"activation":"identity",
                              "composition":"learned_channel"})"),
        test::module_spec(R"({"name":"relu","kind":"adapter","sites":["ffn_out"],"r":3})"),
    });
    expect_merge_round_trip(test::Family::Gpt2, recipe, 2);
}

TEST(Merge, prefixReparameterisation_foldsIntoPlainPrefix) {
    Transformer model = test::family_model(test::Family::Llama);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"prefix","length":4,"reparam_hidden":16})")}), 2);
    torch::NoGradGuard no_grad;
    torch::Tensor ids = test::sample_ids(model->config());
    torch::Tensor before = test::run(*model, ids);
    fold_reparameterisations(*model);
    EXPECT_LE((test::run(*model, ids) - before).abs().max().item<double>(), 1e-6);
    // What remains is PEFT's plain prefix: l · L · 2 · kv_heads · d_h (stories260K: 4 · 5 · 2 · 32).
    EXPECT_EQ(count_parameters(*model).second, 4 * 5 * 2 * 32);
}
