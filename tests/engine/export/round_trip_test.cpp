// SPDX-License-Identifier: MIT
// Export -> import on a fresh base model reproduces the live model's logits (FORMATS.md: atol =
// rtol = 1e-4), for every PEFT method on each family, for the studio format and merged models.
#include "export_test_util.h"

#include <gtest/gtest.h>

using namespace peft;
namespace fs = std::filesystem;

namespace {

struct Case {
    const char* label;
    std::string model;
    TaskHead head;
    const char* modules; ///< JSON array of module specs
};

Recipe recipe_from(const char* modules) {
    return Recipe::from_json({{"version", 1}, {"name", "export-test"}, {"modules", nlohmann::json::parse(modules)}});
}

void expect_round_trip(const Case& c, ExportFormat format) {
    SCOPED_TRACE(std::string(c.label) + " as " + export_format_name(format));
    const Recipe recipe = recipe_from(c.modules);
    Transformer model = test::trained_model(c.model, recipe, c.head);
    const torch::Tensor ids = test::sample_ids(model->config());
    const torch::Tensor live = test::logits_of(*model, ids);

    const fs::path root = test::temp_dir("export-rt");
    const fs::path out = root / "adapter";
    const ExportReport report = test::export_to(*model, recipe, c.model, format, out);
    EXPECT_LE(report.max_logit_difference, 1e-4);
    EXPECT_EQ(test::entries_of(root), std::vector<std::string>{"adapter"}) << "no temporary folder may remain";

    // The live model is untouched by the export.
    EXPECT_LE(test::max_difference(test::logits_of(*model, ids), live), 0.0);

    torch::Tensor reloaded;
    if (format == ExportFormat::Merged) {
        LoadOptions options;
        options.head = c.head;
        Transformer merged = load_model(out.string(), options);
        EXPECT_TRUE(merged->site_infos().size() > 0);
        reloaded = test::logits_of(*merged, ids);
    } else {
        ImportedAdapter imported = import_adapter(out.string(), c.model);
        EXPECT_EQ(imported.format, format == ExportFormat::Peft ? "peft" : "studio");
        reloaded = test::logits_of(*imported.model, ids);
    }
    EXPECT_TRUE(torch::allclose(reloaded, live, 1e-4, 1e-4)) << "largest difference " << test::max_difference(reloaded, live);

    // And the adapter matters: the bare base model gives other logits.
    LoadOptions options;
    options.head = c.head;
    Transformer base = load_model(c.model, options);
    const torch::Tensor bare = test::logits_of(*base, ids);
    if (bare.sizes() == live.sizes()) { // prompt tuning may add positions for its virtual tokens
        EXPECT_GT(test::max_difference(bare, live), 1e-4) << "the adapter must change the logits";
    }
    fs::remove_all(root);
}

std::vector<Case> peft_cases() {
    const std::string stories = test::model_dir("stories260K");
    const std::string gpt2 = test::model_dir("tiny-gpt2");
    const std::string bert = test::hf_reference("bert-cls");
    return {
        {"lora_stories", stories, TaskHead::CausalLM, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":8}])"},
        {"rslora_with_rank_pattern_stories", stories, TaskHead::CausalLM,
         R"([{"name":"qv","kind":"lora","sites":["q","v"],"r":4,"alpha":8,"rslora":true},
             {"name":"down","kind":"lora","sites":["down"],"r":2,"alpha":3}])"},
        {"lora_learned_scale_stories", stories, TaskHead::CausalLM,
         R"([{"name":"lora","kind":"lora","sites":["o"],"r":2,"composition":"learned_channel","scale":2}])"},
        {"ia3_stories", stories, TaskHead::CausalLM, R"([{"name":"ia3","kind":"ia3","sites":["k","v","down"]}])"},
        {"prefix_stories", stories, TaskHead::CausalLM, R"([{"name":"prefix","kind":"prefix","length":3}])"},
        {"prefix_reparameterised_stories", stories, TaskHead::CausalLM,
         R"([{"name":"prefix","kind":"prefix","length":3,"reparam_hidden":5}])"},
        {"prompt_stories", stories, TaskHead::CausalLM, R"([{"name":"prompt","kind":"prompt","length":4}])"},
        {"lora_gpt2_fan_in_fan_out", gpt2, TaskHead::CausalLM,
         R"([{"name":"lora","kind":"lora","sites":["qkv","up"],"r":2,"alpha":4}])"},
        {"lora_gpt2_qv_slices", gpt2, TaskHead::CausalLM, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":2}])"},
        {"ia3_gpt2", gpt2, TaskHead::CausalLM, R"([{"name":"ia3","kind":"ia3","sites":["k","v","down"]}])"},
        {"lora_bert_classifier", bert, TaskHead::SequenceClassification,
         R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":8},{"name":"head","kind":"task_head"}])"},
    };
}

} // namespace

TEST(ExportRoundTrip, peftFormat_reloadsWithEqualLogits) {
    for (const Case& c : peft_cases()) expect_round_trip(c, ExportFormat::Peft);
}

TEST(ExportRoundTrip, studioFormat_reloadsEveryRecipe) {
    for (const Case& c : peft_cases()) expect_round_trip(c, ExportFormat::Studio);
    // Recipes PEFT cannot express: bottlenecks, gated composition, sequential LoRA, MAM, BitFit.
    const std::string stories = test::model_dir("stories260K");
    expect_round_trip({"mam", stories, TaskHead::CausalLM,
                       R"([{"name":"prefix","kind":"prefix","length":3,"reparam_hidden":4},
                           {"name":"pa","kind":"adapter","sites":["ffn_out"],"r":4,"composition":"scaled","scale":4}])"},
                      ExportFormat::Studio);
    expect_round_trip({"gated_sequential", stories, TaskHead::CausalLM,
                       R"([{"name":"lora","kind":"lora","sites":["q"],"composition":"gated"},
                           {"name":"seq","kind":"lora","sites":["v"],"insertion":"sequential"},
                           {"name":"ln","kind":"layernorm","layers":[0]}])"},
                      ExportFormat::Studio);
}

TEST(ExportRoundTrip, mergedModel_matchesBasePlusAdapter) {
    const std::string stories = test::model_dir("stories260K");
    expect_round_trip({"lora_ia3_stories", stories, TaskHead::CausalLM,
                       R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":8},
                           {"name":"ia3","kind":"ia3","sites":["down"]}])"},
                      ExportFormat::Merged);
    expect_round_trip({"lora_gpt2_slices", test::model_dir("tiny-gpt2"), TaskHead::CausalLM,
                       R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":2}])"},
                      ExportFormat::Merged);
    expect_round_trip({"lora_bert_classifier", test::hf_reference("bert-cls"), TaskHead::SequenceClassification,
                       R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4},{"name":"head","kind":"task_head"}])"},
                      ExportFormat::Merged);
}

TEST(ExportRoundTrip, mergedModel_copiesTokenizerFiles) {
    const std::string gpt2 = test::model_dir("tiny-gpt2");
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["qkv"],"r":2}])");
    Transformer model = test::trained_model(gpt2, recipe);
    const fs::path root = test::temp_dir("export-merged");
    const ExportReport report = test::export_to(*model, recipe, gpt2, ExportFormat::Merged, root / "merged");
    for (const char* name : {"config.json", "model.safetensors", "tokenizer.json", "vocab.json", "merges.txt",
                             "tokenizer_config.json", "generation_config.json"})
        EXPECT_TRUE(fs::is_regular_file(root / "merged" / name)) << name;
    EXPECT_NE(std::find(report.files.begin(), report.files.end(), "tokenizer.json"), report.files.end());
    fs::remove_all(root);
}

TEST(ExportRoundTrip, exportLeavesTheGlobalGeneratorAlone) {
    const std::string stories = test::model_dir("stories260K");
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q"],"r":2}])");
    Transformer model = test::trained_model(stories, recipe);
    const fs::path root = test::temp_dir("export-rng");
    torch::manual_seed(123);
    test::export_to(*model, recipe, stories, ExportFormat::Merged, root / "merged");
    const torch::Tensor after = torch::rand({4});
    torch::manual_seed(123);
    EXPECT_TRUE(torch::equal(after, torch::rand({4}))) << "training after an export must draw what it would have drawn";
    fs::remove_all(root);
}
