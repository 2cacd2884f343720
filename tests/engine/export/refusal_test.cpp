// SPDX-License-Identifier: MIT
// What an export refuses, and that a refused or failed export (unwritable target, full disk,
// verification failure) leaves nothing behind; import mismatches are reported by name.
#include "export_test_util.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

using namespace peft;
namespace fs = std::filesystem;

namespace {

Recipe recipe_from(const char* modules) {
    return Recipe::from_json({{"version", 1}, {"name", "refusal"}, {"modules", nlohmann::json::parse(modules)}});
}

/// Runs `f`, which must throw peft::Error; returns its message.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a peft::Error";
    return {};
}

std::string stories() { return test::model_dir("stories260K"); }

} // namespace

TEST(ExportRefusal, peftRefusesBottleneck_namingTheModule_andLeavesNothing) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q"]},
                                          {"name":"pfeiffer","kind":"adapter","sites":["ffn_out"],"r":4}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("export-refuse");
    const std::string message =
        error_of([&] { test::export_to(*model, recipe, stories(), ExportFormat::Peft, root / "out"); });
    EXPECT_NE(message.find("'pfeiffer'"), std::string::npos) << message;
    EXPECT_NE(message.find("bottleneck"), std::string::npos) << message;
    EXPECT_NE(message.find("studio"), std::string::npos) << "the message says what to do: " << message;
    EXPECT_TRUE(test::entries_of(root).empty());
    fs::remove_all(root);
}

TEST(ExportRefusal, peftRefusesGatedSequentialAndMixedMethods) {
    struct Row {
        const char* modules;
        const char* named;
        const char* reason;
    };
    for (const Row& row : {Row{R"([{"name":"g","kind":"lora","sites":["q"],"composition":"gated"}])", "'g'", "gated"},
                           Row{R"([{"name":"s","kind":"lora","sites":["q"],"insertion":"sequential"}])", "'s'", "sequential"},
                           Row{R"([{"name":"l","kind":"lora","sites":["q"]},{"name":"p","kind":"prefix","length":2}])",
                               "'p'", "one method"},
                           Row{R"([{"name":"p","kind":"prefix","length":2,"layers":[0]}])", "'p'", "every layer"},
                           Row{R"([{"name":"l","kind":"lora","sites":["q"]},{"name":"n","kind":"layernorm","layers":[0]}])",
                               "'n'", "base weights"}}) {
        SCOPED_TRACE(row.modules);
        const Recipe recipe = recipe_from(row.modules);
        Transformer model = test::trained_model(stories(), recipe);
        const fs::path root = test::temp_dir("export-refuse");
        const std::string message =
            error_of([&] { test::export_to(*model, recipe, stories(), ExportFormat::Peft, root / "out"); });
        EXPECT_NE(message.find(row.named), std::string::npos) << message;
        EXPECT_NE(message.find(row.reason), std::string::npos) << message;
        EXPECT_TRUE(test::entries_of(root).empty());
        fs::remove_all(root);
    }
}

TEST(ExportRefusal, mergedRefusesPrefix_namingTheModule) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q"]},{"name":"pre","kind":"prefix","length":2}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("export-refuse-merged");
    const std::string message =
        error_of([&] { test::export_to(*model, recipe, stories(), ExportFormat::Merged, root / "merged"); });
    EXPECT_NE(message.find("'pre'"), std::string::npos) << message;
    EXPECT_NE(message.find("not mergeable"), std::string::npos) << message;
    EXPECT_TRUE(test::entries_of(root).empty());
    fs::remove_all(root);
}

TEST(ExportRefusal, unwritableTarget_failsAndLeavesNothing) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q"]}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("export-unwritable");
    // A folder under a regular file can never be created (this holds for root too, unlike chmod).
    { std::ofstream(root / "file") << "x"; }
    for (ExportFormat format : {ExportFormat::Peft, ExportFormat::Studio, ExportFormat::Merged}) {
        const std::string message =
            error_of([&] { test::export_to(*model, recipe, stories(), format, root / "file" / "adapter"); });
        EXPECT_NE(message.find((root / "file").string()), std::string::npos) << message;
        EXPECT_EQ(test::entries_of(root), std::vector<std::string>{"file"});
    }
    fs::remove_all(root);
}

TEST(ExportRefusal, existingTarget_needsOverwrite_andSurvivesAFailedReplacement) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("export-existing");
    test::export_to(*model, recipe, stories(), ExportFormat::Studio, root / "adapter");
    const auto before = test::entries_of(root / "adapter");
    const std::string message =
        error_of([&] { test::export_to(*model, recipe, stories(), ExportFormat::Studio, root / "adapter"); });
    EXPECT_NE(message.find("not empty"), std::string::npos) << message;

    // Full disk: a file-size limit makes every write past 4 KiB fail (SIGXFSZ ignored, so write()
    // returns EFBIG), the way a full disk does; the old export must survive untouched.
    struct rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string full_disk;
    try {
        ExportOptions options;
        options.format = ExportFormat::Studio;
        options.out_dir = (root / "adapter").string();
        options.base_model_dir = stories();
        options.overwrite = true;
        export_adapter(*model, recipe, options);
    } catch (const Error& e) {
        full_disk = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    EXPECT_FALSE(full_disk.empty()) << "a write past the file-size limit must fail the export";
    EXPECT_EQ(test::entries_of(root), std::vector<std::string>{"adapter"}) << "no temporary folder may remain";
    EXPECT_EQ(test::entries_of(root / "adapter"), before);
    EXPECT_NO_THROW(import_adapter((root / "adapter").string(), stories()));
    fs::remove_all(root);
}

TEST(ImportErrors, wrongBaseModelType_isNamed) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q"]}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("import-wrong-base");
    test::export_to(*model, recipe, stories(), ExportFormat::Studio, root / "studio");
    const std::string message =
        error_of([&] { import_adapter((root / "studio").string(), test::model_dir("tiny-gpt2")); });
    EXPECT_NE(message.find("llama"), std::string::npos) << message;
    EXPECT_NE(message.find("gpt2"), std::string::npos) << message;
    // Same family, other sizes: the differing sizes are named.
    const std::string sizes =
        error_of([&] { import_adapter((root / "studio").string(), test::hf_reference("llama-gqa")); });
    EXPECT_NE(sizes.find("hidden_size"), std::string::npos) << sizes;
    fs::remove_all(root);
}

TEST(ImportErrors, peftMissingKeyAndShapeMismatch_areNamed) {
    const Recipe recipe = recipe_from(R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4}])");
    Transformer model = test::trained_model(stories(), recipe);
    const fs::path root = test::temp_dir("import-peft-errors");
    const fs::path dir = root / "adapter";
    test::export_to(*model, recipe, stories(), ExportFormat::Peft, dir);

    // Another base model of the same family: shapes differ, the tensor is named.
    const std::string shape = error_of([&] { import_adapter(dir.string(), test::hf_reference("llama-gqa")); });
    EXPECT_NE(shape.find("lora_A.weight"), std::string::npos) << shape;
    EXPECT_NE(shape.find("shape"), std::string::npos) << shape;

    // A rank that disagrees with the tensors.
    nlohmann::json config = test::read_json(dir / "adapter_config.json");
    config["r"] = 3;
    { std::ofstream(dir / "adapter_config.json") << config.dump(2); }
    const std::string rank = error_of([&] { import_adapter(dir.string(), stories()); });
    EXPECT_NE(rank.find("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"), std::string::npos) << rank;
    config["r"] = 4;
    { std::ofstream(dir / "adapter_config.json") << config.dump(2); }

    // A missing tensor.
    const std::string weights = (dir / "adapter_model.safetensors").string();
    std::vector<std::pair<std::string, torch::Tensor>> kept;
    {
        const auto file = SafetensorsFile::open(weights);
        for (const auto& name : file.names())
            if (name != "base_model.model.model.layers.2.self_attn.v_proj.lora_B.weight") kept.emplace_back(name, file.tensor(name));
    }
    write_safetensors(weights, kept);
    const std::string missing = error_of([&] { import_adapter(dir.string(), stories()); });
    EXPECT_NE(missing.find("base_model.model.model.layers.2.self_attn.v_proj.lora_B.weight"), std::string::npos) << missing;

    // An unexpected tensor (e.g. DoRA magnitudes).
    kept.emplace_back("base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector", torch::ones({64}));
    kept.emplace_back("base_model.model.model.layers.2.self_attn.v_proj.lora_B.weight", torch::zeros({32, 4}));
    write_safetensors(weights, kept);
    const std::string unexpected = error_of([&] { import_adapter(dir.string(), stories()); });
    EXPECT_NE(unexpected.find("lora_magnitude_vector"), std::string::npos) << unexpected;
    fs::remove_all(root);
}
