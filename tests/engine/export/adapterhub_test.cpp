// SPDX-License-Identifier: MIT
// AdapterHub directories: export -> our own AdapterHub import -> logits equal (≤ 1e-4) for every
// method the library expresses, on stories260K (Llama), GPT-2 and BERT; the golden layout of a
// Houlsby adapter on BERT (FORMATS.md); refusals that name the module and the reason; no partial
// directory when the target cannot be written.
#include "export_test_util.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

using namespace peft;
namespace fs = std::filesystem;

namespace {

Recipe recipe_from(const char* modules) {
    return Recipe::from_json({{"version", 1}, {"name", "ah-test"}, {"modules", nlohmann::json::parse(modules)}});
}

struct Case {
    const char* label;
    std::string model;
    TaskHead head;
    const char* modules;
    bool changes_logits = true; ///< IA3 near 1 on the tiny BERT moves its logits by less than 1e-4
};

double round_trip(const Case& c) {
    SCOPED_TRACE(c.label);
    const Recipe recipe = recipe_from(c.modules);
    Transformer model = test::trained_model(c.model, recipe, c.head);
    const torch::Tensor ids = test::sample_ids(model->config());
    const torch::Tensor live = test::logits_of(*model, ids);
    const fs::path root = test::temp_dir("export-ah");
    const fs::path out = root / "adapter";
    const ExportReport report = test::export_to(*model, recipe, c.model, ExportFormat::AdapterHub, out);
    EXPECT_LE(report.max_logit_difference, 1e-4);
    EXPECT_EQ(test::entries_of(root), std::vector<std::string>{"adapter"}) << "no temporary folder may remain";
    EXPECT_TRUE(is_adapterhub_adapter_dir(out.string()));

    ImportedAdapter imported = import_adapter(out.string(), c.model);
    EXPECT_EQ(imported.format, "adapterhub");
    const torch::Tensor reloaded = test::logits_of(*imported.model, ids);
    const double diff = test::max_difference(reloaded, live);
    EXPECT_TRUE(torch::allclose(reloaded, live, 1e-4, 1e-4)) << "largest difference " << diff;

    LoadOptions options;
    options.head = c.head;
    Transformer base = load_model(c.model, options);
    if (c.changes_logits) {
        EXPECT_GT(test::max_difference(test::logits_of(*base, ids), live), 1e-4) << "the adapter must change the logits";
    }
    std::cout << "[adapterhub round trip] " << c.label << ": export check " << report.max_logit_difference
              << ", reimport " << diff << "\n";
    fs::remove_all(root);
    return diff;
}

std::string refusal_of(const std::string& model_dir, const char* modules, TaskHead head = TaskHead::CausalLM) {
    const Recipe recipe = recipe_from(modules);
    Transformer model = test::trained_model(model_dir, recipe, head);
    const fs::path root = test::temp_dir("export-ah-refuse");
    std::string message;
    try {
        test::export_to(*model, recipe, model_dir, ExportFormat::AdapterHub, root / "adapter");
        ADD_FAILURE() << "export should have been refused: " << modules;
    } catch (const Error& e) {
        message = e.what();
    }
    EXPECT_TRUE(test::entries_of(root).empty()) << "a refused export leaves nothing";
    // The page asks the same question without writing.
    const auto reason = export_refusal(*model, recipe, ExportFormat::AdapterHub);
    EXPECT_TRUE(reason.has_value());
    if (reason) {
        EXPECT_EQ(*reason, message);
    }
    fs::remove_all(root);
    return message;
}

} // namespace

TEST(AdapterHubExport, llamaRoundTrips) {
    const std::string stories = test::model_dir("stories260K");
    round_trip({"houlsby_stories", stories, TaskHead::CausalLM,
                R"([{"name":"houlsby","kind":"adapter","sites":["attn_out","ffn_out"],"r":4,"insertion":"sequential","activation":"silu"}])"});
    round_trip({"pfeiffer_ln_in_scaled_stories", stories, TaskHead::CausalLM,
                R"([{"name":"pf","kind":"adapter","sites":["ffn_out"],"r":3,"insertion":"sequential","adapter_norm":"in",
                     "composition":"scaled","scale":2.5,"layers":[1,3]}])"});
    round_trip({"learned_channel_ln_out_stories", stories, TaskHead::CausalLM,
                R"([{"name":"a","kind":"adapter","sites":["attn_out"],"r":2,"insertion":"sequential","adapter_norm":"out","activation":"tanh"},
                    {"name":"b","kind":"adapter","sites":["ffn_out"],"r":5,"insertion":"sequential","composition":"learned_channel","scale":1.5}])"});
    round_trip({"lora_stories", stories, TaskHead::CausalLM,
                R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":8},
                    {"name":"lora_k","kind":"lora","sites":["k"],"r":4,"alpha":2,"rslora":true,"composition":"learned_scalar","scale":0.5}])"});
    round_trip({"ia3_stories", stories, TaskHead::CausalLM, R"([{"name":"ia3","kind":"ia3","sites":["k","v"]}])"});
    round_trip({"prefix_gqa_rope_stories", stories, TaskHead::CausalLM, R"([{"name":"prefix","kind":"prefix","length":3}])"});
    round_trip({"prefix_reparameterised_some_layers_stories", stories, TaskHead::CausalLM,
                R"([{"name":"prefix","kind":"prefix","length":2,"reparam_hidden":5,"layers":[0,2,4]}])"});
    // A union (ConfigUnion): prefix + sequential adapter + LoRA.
    round_trip({"union_prefix_adapter_lora_stories", stories, TaskHead::CausalLM,
                R"([{"name":"prefix","kind":"prefix","length":3},
                    {"name":"seq","kind":"adapter","sites":["ffn_out"],"r":4,"insertion":"sequential","composition":"scaled","scale":4},
                    {"name":"lora","kind":"lora","sites":["q"],"r":2}])"});
}

TEST(AdapterHubExport, gpt2RoundTrips) {
    const std::string gpt2 = test::model_dir("tiny-gpt2");
    round_trip({"houlsby_gpt2", gpt2, TaskHead::CausalLM,
                R"([{"name":"houlsby","kind":"adapter","sites":["attn_out","ffn_out"],"r":1,"insertion":"sequential"}])"});
    round_trip({"lora_qv_slices_gpt2", gpt2, TaskHead::CausalLM, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":2,"alpha":4}])"});
    round_trip({"lora_qkv_ffn_gpt2", gpt2, TaskHead::CausalLM, R"([{"name":"lora","kind":"lora","sites":["qkv","up","down"],"r":2}])"});
    round_trip({"ia3_kv_up_gpt2", gpt2, TaskHead::CausalLM, R"([{"name":"ia3","kind":"ia3","sites":["k","v","up"],"scale_input":false}])", false});
}

TEST(AdapterHubExport, bertRoundTripsWithHead) {
    const std::string bert = test::hf_reference("bert-cls");
    const TaskHead cls = TaskHead::SequenceClassification;
    round_trip({"houlsby_bert", bert, cls,
                R"([{"name":"houlsby","kind":"adapter","sites":["attn_out","ffn_out"],"r":4,"insertion":"sequential"},
                    {"name":"head","kind":"task_head"}])"});
    round_trip({"parallel_scaled_bert", bert, cls,
                R"([{"name":"pa","kind":"adapter","sites":["ffn_out"],"r":8,"composition":"scaled","scale":4,"init":"lora"},
                    {"name":"head","kind":"task_head"}])"});
    round_trip({"parallel_ln_in_learned_bert", bert, cls,
                R"([{"name":"pa","kind":"adapter","sites":["attn_out"],"r":2,"adapter_norm":"in","composition":"learned_scalar","scale":2,"layers":[1]}])"});
    round_trip({"lora_bert", bert, cls, R"([{"name":"lora","kind":"lora","sites":["q","v","up","down"],"r":4,"alpha":8},{"name":"head","kind":"task_head"}])"});
    round_trip({"ia3_bert", bert, cls, R"([{"name":"ia3","kind":"ia3","sites":["k","v","up"],"scale_input":false}])", false});
    // Union: scaled parallel adapter (MAM's FFN half) + LoRA on attention.
    round_trip({"union_parallel_lora_bert", bert, cls,
                R"([{"name":"pa","kind":"adapter","sites":["ffn_out"],"r":4,"composition":"scaled","scale":4},
                    {"name":"lora","kind":"lora","sites":["q","v"],"r":2}])"});
}

TEST(AdapterHubExport, goldenLayoutOfHoulsbyOnBert) {
    const std::string bert = test::hf_reference("bert-cls");
    const Recipe recipe = recipe_from(R"([{"name":"houlsby","kind":"adapter","sites":["attn_out","ffn_out"],"r":8,
        "insertion":"sequential","activation":"silu","init":"houlsby"},{"name":"head","kind":"task_head"}])");
    Transformer model = test::trained_model(bert, recipe, TaskHead::SequenceClassification);
    const fs::path root = test::temp_dir("export-ah-golden");
    const fs::path out = root / "adapter";
    ExportOptions options;
    options.format = ExportFormat::AdapterHub;
    options.out_dir = out.string();
    options.base_model_dir = bert;
    options.adapter_name = "sst2";
    const ExportReport report = export_adapter(*model, recipe, options);
    EXPECT_EQ(report.files, (std::vector<std::string>{"adapter.safetensors", "adapter_config.json", "head_config.json",
                                                      "model_head.safetensors"}));
    const int64_t H = 32, m = 8, C = model->config().num_labels;

    const nlohmann::json config = test::read_json(out / "adapter_config.json");
    EXPECT_EQ(config["name"], "sst2");
    EXPECT_EQ(config["model_type"], "bert");
    EXPECT_EQ(config["hidden_size"], H);
    EXPECT_EQ(config["model_class"], "BertAdapterModel");
    EXPECT_EQ(config["version"], "adapters.1.2.0");
    const nlohmann::json expected = {{"architecture", "bottleneck"},   {"mh_adapter", true},
                                     {"output_adapter", true},         {"reduction_factor", 4.0},
                                     {"non_linearity", "swish"},       {"original_ln_before", false},
                                     {"original_ln_after", true},      {"ln_before", false},
                                     {"ln_after", false},              {"init_weights", "houlsby"},
                                     {"is_parallel", false},           {"scaling", 1.0},
                                     {"use_gating", false},            {"residual_before_ln", true},
                                     {"adapter_residual_before_ln", false}, {"leave_out", nlohmann::json::array()},
                                     {"dropout", 0.0}};
    EXPECT_EQ(config["config"], expected) << config["config"].dump(2);

    SafetensorsFile weights = SafetensorsFile::open((out / "adapter.safetensors").string());
    std::vector<std::string> keys;
    for (int i = 0; i < 2; ++i)
        for (const char* location : {".attention.output", ".output"}) {
            const std::string p = "bert.encoder.layer." + std::to_string(i) + location + ".adapters.sst2.";
            keys.push_back(p + "adapter_down.0.weight");
            keys.push_back(p + "adapter_down.0.bias");
            keys.push_back(p + "adapter_up.weight");
            keys.push_back(p + "adapter_up.bias");
        }
    std::vector<std::string> names = weights.names();
    std::sort(names.begin(), names.end());
    std::vector<std::string> sorted_keys = keys;
    std::sort(sorted_keys.begin(), sorted_keys.end());
    EXPECT_EQ(names, sorted_keys);
    for (const std::string& k : keys) {
        const auto& e = weights.entry(k);
        EXPECT_EQ(e.dtype, "F32") << k;
        std::vector<int64_t> shape;
        if (k.find("adapter_down.0.weight") != std::string::npos) shape = {m, H};
        else if (k.find("adapter_down.0.bias") != std::string::npos) shape = {m};
        else if (k.find("adapter_up.weight") != std::string::npos) shape = {H, m};
        else shape = {H};
        EXPECT_EQ(e.shape, shape) << k;
    }

    const nlohmann::json head = test::read_json(out / "head_config.json");
    EXPECT_EQ(head["name"], "sst2");
    EXPECT_EQ(head["config"]["head_type"], "classification");
    EXPECT_EQ(head["config"]["num_labels"], C);
    EXPECT_EQ(head["config"]["layers"], 2);
    EXPECT_EQ(head["config"]["activation_function"], "tanh");
    EXPECT_EQ(head["config"]["use_pooler"], false);
    EXPECT_EQ(head["config"]["label2id"].size(), static_cast<size_t>(C));
    SafetensorsFile head_weights = SafetensorsFile::open((out / "model_head.safetensors").string());
    std::vector<std::string> head_names = head_weights.names();
    std::sort(head_names.begin(), head_names.end());
    EXPECT_EQ(head_names, (std::vector<std::string>{"heads.sst2.1.bias", "heads.sst2.1.weight", "heads.sst2.4.bias",
                                                    "heads.sst2.4.weight"}));
    EXPECT_EQ(head_weights.entry("heads.sst2.1.weight").shape, (std::vector<int64_t>{H, H}));
    EXPECT_EQ(head_weights.entry("heads.sst2.4.weight").shape, (std::vector<int64_t>{C, H}));
    EXPECT_EQ(head_weights.entry("heads.sst2.4.bias").shape, (std::vector<int64_t>{C}));
    fs::remove_all(root);
}

TEST(AdapterHubExport, layoutOfLoraPrefixAndIa3Keys) {
    const std::string stories = test::model_dir("stories260K");
    const Recipe recipe = recipe_from(R"([{"name":"prefix","kind":"prefix","length":3},{"name":"lora","kind":"lora","sites":["q"],"r":2,"alpha":4}])");
    Transformer model = test::trained_model(stories, recipe);
    const fs::path root = test::temp_dir("export-ah-keys");
    test::export_to(*model, recipe, stories, ExportFormat::AdapterHub, root / "a");
    const nlohmann::json config = test::read_json(root / "a" / "adapter_config.json");
    ASSERT_EQ(config["config"]["architecture"], "union");
    ASSERT_EQ(config["config"]["configs"].size(), 2u);
    EXPECT_EQ(config["config"]["configs"][0]["architecture"], "prefix_tuning");
    EXPECT_EQ(config["config"]["configs"][0]["flat"], true);
    EXPECT_EQ(config["config"]["configs"][0]["prefix_length"], 3);
    EXPECT_EQ(config["config"]["configs"][1]["architecture"], "lora");
    EXPECT_EQ(config["config"]["configs"][1]["attn_matrices"], nlohmann::json::array({"q"}));
    EXPECT_EQ(config["config"]["configs"][1]["alpha"], 4.0);
    SafetensorsFile weights = SafetensorsFile::open((root / "a" / "adapter.safetensors").string());
    // Prefix: 3 tokens × 5 layers × 2 × 8 query heads × 8 head size, flat.
    EXPECT_EQ(weights.entry("model.prefix_tuning.prefix_tunings.ah-test.self_prefix.control_trans").shape,
              (std::vector<int64_t>{3 * 5 * 2 * 8 * 8}));
    EXPECT_EQ(weights.entry("model.layers.0.self_attn.q_proj.loras.ah-test.lora_A").shape, (std::vector<int64_t>{2, 64}));
    EXPECT_EQ(weights.entry("model.layers.4.self_attn.q_proj.loras.ah-test.lora_B").shape, (std::vector<int64_t>{64, 2}));
    fs::remove_all(root);

    const std::string gpt2 = test::model_dir("tiny-gpt2");
    const Recipe ia3 = recipe_from(R"([{"name":"ia3","kind":"ia3","sites":["k","v"]}])");
    Transformer g = test::trained_model(gpt2, ia3);
    test::export_to(*g, ia3, gpt2, ExportFormat::AdapterHub, root / "g");
    const nlohmann::json gc = test::read_json(root / "g" / "adapter_config.json");
    EXPECT_EQ(gc["config"]["composition_mode"], "scale");
    EXPECT_EQ(gc["config"]["r"], 1);
    SafetensorsFile gw = SafetensorsFile::open((root / "g" / "adapter.safetensors").string());
    // c_attn is fused: two enabled matrices (k, v) of n_embd = 2 rows each.
    EXPECT_EQ(gw.entry("transformer.h.1.attn.c_attn.loras.ah-test.lora_B").shape, (std::vector<int64_t>{4, 1}));
    fs::remove_all(root);
}

TEST(AdapterHubExport, refusesWhatTheLibraryCannotExpress) {
    const std::string stories = test::model_dir("stories260K");
    const std::string gpt2 = test::model_dir("tiny-gpt2");
    const std::string bert = test::hf_reference("bert-cls");
    std::string m = refusal_of(stories, R"([{"name":"pa","kind":"adapter","sites":["ffn_out"],"r":4}])");
    EXPECT_NE(m.find("module 0 'pa' (bottleneck)"), std::string::npos) << m;
    EXPECT_NE(m.find("un-normalised residual stream"), std::string::npos) << m;
    // MAM = prefix + parallel adapter: on Llama the parallel half is not expressible.
    m = refusal_of(stories, R"([{"name":"prefix","kind":"prefix","length":3},{"name":"pa","kind":"adapter","sites":["ffn_out"],"r":4,"composition":"scaled","scale":4}])");
    EXPECT_NE(m.find("'pa'"), std::string::npos) << m;
    m = refusal_of(bert, R"([{"name":"prefix","kind":"prefix","length":2}])", TaskHead::SequenceClassification);
    EXPECT_NE(m.find("'prefix' (prefix)"), std::string::npos) << m;
    EXPECT_NE(m.find("positions"), std::string::npos) << m;
    m = refusal_of(gpt2, R"([{"name":"prefix","kind":"prefix","length":2}])");
    EXPECT_NE(m.find("absolute position embeddings"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"gate","kind":"adapter","sites":["ffn_out"],"r":4,"insertion":"sequential","composition":"gated"}])");
    EXPECT_NE(m.find("gated"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"heads","kind":"adapter","sites":["heads"],"r":2,"insertion":"sequential"}])");
    EXPECT_NE(m.find("attn_out"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"lora","kind":"lora","sites":["q"],"r":2},{"name":"ia3","kind":"ia3","sites":["k"]}])");
    EXPECT_NE(m.find("module 1 'ia3' (ia3)"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"a","kind":"lora","sites":["q"],"r":2},{"name":"b","kind":"lora","sites":["v"],"r":4}])");
    EXPECT_NE(m.find("r=4"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"o","kind":"lora","sites":["o"],"r":2}])");
    EXPECT_NE(m.find("attn.o"), std::string::npos) << m;
    m = refusal_of(gpt2, R"([{"name":"ia3","kind":"ia3","sites":["down"]}])");
    EXPECT_NE(m.find("scales the input"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"seq","kind":"lora","sites":["q"],"insertion":"sequential"}])");
    EXPECT_NE(m.find("sequential"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"prompt","kind":"prompt","length":3}])");
    EXPECT_NE(m.find("'prompt' (prompt)"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"ln","kind":"layernorm"},{"name":"lora","kind":"lora","sites":["q"]}])");
    EXPECT_NE(m.find("base weights"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"lq","kind":"lora","sites":["q"],"layers":[0]},{"name":"lv","kind":"lora","sites":["v"],"layers":[1]}])");
    EXPECT_NE(m.find("same projections in every layer"), std::string::npos) << m;
    m = refusal_of(stories, R"([{"name":"ln","kind":"adapter","sites":["ffn_out"],"r":2,"insertion":"sequential","adapter_norm":"out","composition":"scaled","scale":2}])");
    EXPECT_NE(m.find("ln_after"), std::string::npos) << m;

    // The same recipe is fine in the studio format, and the other checks agree with the writers.
    const Recipe prefix = recipe_from(R"([{"name":"prefix","kind":"prefix","length":3}])");
    Transformer model = test::trained_model(stories, prefix);
    EXPECT_FALSE(export_refusal(*model, prefix, ExportFormat::Studio).has_value());
    EXPECT_FALSE(export_refusal(*model, prefix, ExportFormat::Peft).has_value());
    EXPECT_FALSE(export_refusal(*model, prefix, ExportFormat::AdapterHub).has_value());
    const auto merged = export_refusal(*model, prefix, ExportFormat::Merged);
    ASSERT_TRUE(merged.has_value());
    EXPECT_NE(merged->find("prefix tuning adds keys and values that no weight holds"), std::string::npos) << *merged;
}

TEST(AdapterHubImport, mismatchesAreReportedByName) {
    const std::string stories = test::model_dir("stories260K");
    const std::string gpt2 = test::model_dir("tiny-gpt2");
    const Recipe recipe = recipe_from(R"([{"name":"a","kind":"adapter","sites":["attn_out","ffn_out"],"r":4,"insertion":"sequential"}])");
    Transformer model = test::trained_model(stories, recipe);
    const fs::path root = test::temp_dir("export-ah-import");
    const fs::path out = root / "a";
    test::export_to(*model, recipe, stories, ExportFormat::AdapterHub, out);
    auto message = [&](const std::string& base) {
        try {
            import_adapter(out.string(), base);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    // Wrong architecture.
    std::string m = message(gpt2);
    EXPECT_NE(m.find("'model_type' is \"llama\""), std::string::npos) << m;
    EXPECT_NE(m.find("wrong base architecture"), std::string::npos) << m;

    // Missing key.
    {
        auto tensors = std::vector<std::pair<std::string, torch::Tensor>>();
        SafetensorsFile w = SafetensorsFile::open((out / "adapter.safetensors").string());
        for (const auto& n : w.names())
            if (n != "model.layers.2.output_adapters.adapters.ah-test.adapter_up.weight") tensors.emplace_back(n, w.tensor(n, torch::kFloat));
        write_safetensors((root / "w.safetensors").string(), tensors);
    }
    fs::rename(root / "w.safetensors", out / "adapter.safetensors");
    m = message(stories);
    EXPECT_NE(m.find("no tensor 'model.layers.2.output_adapters.adapters.ah-test.adapter_up.weight'"), std::string::npos) << m;

    // Shape error.
    {
        auto tensors = std::vector<std::pair<std::string, torch::Tensor>>();
        SafetensorsFile w = SafetensorsFile::open((out / "adapter.safetensors").string());
        for (const auto& n : w.names()) tensors.emplace_back(n, w.tensor(n, torch::kFloat));
        tensors.emplace_back("model.layers.2.output_adapters.adapters.ah-test.adapter_up.weight", torch::zeros({64, 5}));
        write_safetensors((root / "w.safetensors").string(), tensors);
    }
    fs::rename(root / "w.safetensors", out / "adapter.safetensors");
    m = message(stories);
    EXPECT_NE(m.find("'model.layers.2.output_adapters.adapters.ah-test.adapter_up.weight' has shape [64, 5]"), std::string::npos) << m;

    // Unexpected key.
    {
        auto tensors = std::vector<std::pair<std::string, torch::Tensor>>();
        SafetensorsFile w = SafetensorsFile::open((out / "adapter.safetensors").string());
        for (const auto& n : w.names())
            tensors.emplace_back(n, n.find("layers.2.output_adapters") != std::string::npos && n.find("adapter_up.weight") != std::string::npos
                                        ? torch::zeros({64, 4}) : w.tensor(n, torch::kFloat));
        tensors.emplace_back("model.layers.0.self_attn.q_proj.loras.other.lora_A", torch::zeros({2, 64}));
        write_safetensors((root / "w.safetensors").string(), tensors);
    }
    fs::rename(root / "w.safetensors", out / "adapter.safetensors");
    m = message(stories);
    EXPECT_NE(m.find("'model.layers.0.self_attn.q_proj.loras.other.lora_A'"), std::string::npos) << m;
    fs::remove_all(root);
}

TEST(AdapterHubExport, targetBelowAFileLeavesNoPartialDirectory) {
    const std::string stories = test::model_dir("stories260K");
    {
        // A target below a regular file cannot be created (this also holds for root).
        const Recipe recipe = recipe_from(R"([{"name":"a","kind":"adapter","sites":["ffn_out"],"r":4,"insertion":"sequential"}])");
        Transformer model = test::trained_model(stories, recipe);
        const fs::path root = test::temp_dir("export-ah-file");
        std::ofstream(root / "file") << "x";
        std::string message;
        try {
            test::export_to(*model, recipe, stories, ExportFormat::AdapterHub, root / "file" / "adapter");
        } catch (const Error& e) {
            message = e.what();
        }
        EXPECT_NE(message.find("cannot create the folder"), std::string::npos) << message;
        EXPECT_EQ(test::entries_of(root), std::vector<std::string>{"file"});
        fs::remove_all(root);
    }
}

TEST(AdapterHubExport, fullDiskMidExportLeavesNoPartialDirectory) {
    // A file-size limit makes every write past 4 KiB fail (SIGXFSZ ignored, so write() returns
    // EFBIG), the way a full disk does, for root too (unlike a read-only folder).
    const std::string stories = test::model_dir("stories260K");
    const Recipe recipe = recipe_from(R"([{"name":"a","kind":"adapter","sites":["ffn_out"],"r":4,"insertion":"sequential"}])");
    Transformer model = test::trained_model(stories, recipe);
    const fs::path root = test::temp_dir("export-ah-full");
    struct rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string message;
    try {
        test::export_to(*model, recipe, stories, ExportFormat::AdapterHub, root / "adapter");
    } catch (const Error& e) {
        message = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    // The message names the file and says what to check.
    EXPECT_NE(message.find("adapter.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("disk full"), std::string::npos) << message;
    EXPECT_TRUE(test::entries_of(root).empty()) << "nothing may be left after a failed export";
    fs::remove_all(root);
}
