// SPDX-License-Identifier: MIT
// The PEFT directory layout, pinned to ../shared/FORMATS.md: file names, the classic config keys
// and their values, tensor keys, shapes and dtypes, safetensors metadata.
#include "export_test_util.h"
#include "export/peft_writer.h"

#include <gtest/gtest.h>

#include <set>

using namespace peft;
namespace fs = std::filesystem;

namespace {

/// FORMATS.md: PEFT before 0.14 raises on unknown keys, so LoRA configs hold exactly these.
const std::set<std::string> kLoraKeys = {
    "alpha_pattern", "auto_mapping", "base_model_name_or_path", "bias", "fan_in_fan_out", "inference_mode",
    "init_lora_weights", "layer_replication", "layers_pattern", "layers_to_transform", "loftq_config",
    "lora_alpha", "lora_dropout", "megatron_config", "megatron_core", "modules_to_save", "peft_type", "r",
    "rank_pattern", "revision", "target_modules", "task_type", "use_dora", "use_rslora"};

/// FORMATS.md prefix keys plus PeftConfig's own.
const std::set<std::string> kPrefixKeys = {
    "auto_mapping", "base_model_name_or_path", "inference_mode", "peft_type", "revision", "task_type",
    "num_virtual_tokens", "token_dim", "num_transformer_submodules", "num_attention_heads", "num_layers",
    "encoder_hidden_size", "prefix_projection"};

struct Written {
    fs::path root;
    fs::path dir;
    nlohmann::json config;
    SafetensorsHeader header;
    std::map<std::string, TensorEntry> tensors;
};

Written export_peft(const std::string& base, const char* modules, TaskHead head = TaskHead::CausalLM) {
    const Recipe recipe = Recipe::from_json({{"version", 1}, {"name", "golden"}, {"modules", nlohmann::json::parse(modules)}});
    Transformer model = test::trained_model(base, recipe, head);
    Written w;
    w.root = test::temp_dir("export-golden");
    w.dir = w.root / "adapter";
    test::export_to(*model, recipe, base, ExportFormat::Peft, w.dir);
    w.config = test::read_json(w.dir / "adapter_config.json");
    w.header = read_safetensors_header((w.dir / "adapter_model.safetensors").string());
    for (const auto& e : w.header.entries) w.tensors[e.name] = e;
    return w;
}

std::set<std::string> keys_of(const nlohmann::json& j) {
    std::set<std::string> out;
    for (const auto& [key, value] : j.items()) out.insert(key);
    return out;
}

void expect_tensor(const Written& w, const std::string& name, std::vector<int64_t> shape) {
    auto it = w.tensors.find(name);
    ASSERT_NE(it, w.tensors.end()) << "missing tensor " << name;
    EXPECT_EQ(it->second.shape, shape) << name;
    EXPECT_EQ(it->second.dtype, "F32") << name;
}

void expect_common(const Written& w, const std::string& peft_type, const std::string& task_type, const std::string& base) {
    EXPECT_EQ(test::entries_of(w.dir), (std::vector<std::string>{"adapter_config.json", "adapter_model.safetensors"}));
    EXPECT_EQ(w.config.at("peft_type"), peft_type);
    EXPECT_EQ(w.config.at("task_type"), task_type);
    EXPECT_EQ(w.config.at("inference_mode"), true);
    EXPECT_EQ(w.config.at("base_model_name_or_path"), base);
    EXPECT_TRUE(w.config.at("revision").is_null());
    // safetensors: format "pt" metadata, header padded to a multiple of 8 (FORMATS.md writer rules).
    EXPECT_EQ(w.header.metadata.at("format"), "pt");
    EXPECT_EQ(w.header.header_size % 8, 0u);
}

} // namespace

TEST(PeftLayout, loraOnGpt2_conv1dKeysShapesAndFanInFanOut) {
    const std::string base = test::model_dir("tiny-gpt2"); // n_embd 2, n_layer 2
    Written w = export_peft(base, R"([{"name":"lora","kind":"lora","sites":["qkv"],"r":2,"alpha":4}])");
    expect_common(w, "LORA", "CAUSAL_LM", base);
    EXPECT_EQ(keys_of(w.config), kLoraKeys);
    EXPECT_EQ(w.config.at("fan_in_fan_out"), true) << "GPT-2 Conv1D targets need fan_in_fan_out";
    EXPECT_EQ(w.config.at("r"), 2);
    EXPECT_EQ(w.config.at("lora_alpha"), 4);
    EXPECT_EQ(w.config.at("target_modules"), nlohmann::json::array({"c_attn"}));
    EXPECT_EQ(w.config.at("use_rslora"), false);
    EXPECT_EQ(w.config.at("use_dora"), false);
    EXPECT_EQ(w.config.at("bias"), "none");
    EXPECT_TRUE(w.config.at("modules_to_save").is_null());
    EXPECT_EQ(w.config.at("rank_pattern"), nlohmann::json::object());
    EXPECT_EQ(w.config.at("alpha_pattern"), nlohmann::json::object());
    EXPECT_EQ(w.tensors.size(), 4u);
    for (int i = 0; i < 2; ++i) {
        const std::string p = "base_model.model.transformer.h." + std::to_string(i) + ".attn.c_attn.";
        expect_tensor(w, p + "lora_A.weight", {2, 2}); // [r, in]
        expect_tensor(w, p + "lora_B.weight", {6, 2}); // [out = 3·n_embd, r]
    }
    fs::remove_all(w.root);
}

TEST(PeftLayout, loraOnLlama_keysShapesAndRankPattern) {
    const std::string base = test::model_dir("stories260K"); // d 64, 5 layers, 4 KV heads of 8
    Written w = export_peft(base, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":8},
                                      {"name":"o","kind":"lora","sites":["o"],"r":2,"alpha":8,"layers":[0]}])");
    expect_common(w, "LORA", "CAUSAL_LM", base);
    EXPECT_EQ(keys_of(w.config), kLoraKeys);
    EXPECT_EQ(w.config.at("fan_in_fan_out"), false);
    EXPECT_EQ(w.config.at("r"), 4);
    EXPECT_EQ(w.config.at("lora_alpha"), 8);
    // o_proj of layer 0 only: short names would also select the other layers' o_proj.
    const auto targets = w.config.at("target_modules").get<std::vector<std::string>>();
    EXPECT_EQ(targets.size(), 11u);
    EXPECT_EQ(w.config.at("rank_pattern"), (nlohmann::json{{"model.layers.0.self_attn.o_proj", 2}}));
    EXPECT_EQ(w.config.at("alpha_pattern"), nlohmann::json::object()) << "same alpha: no alpha_pattern entry";
    EXPECT_EQ(w.tensors.size(), 5u * 4 + 2);
    for (int i = 0; i < 5; ++i) {
        const std::string p = "base_model.model.model.layers." + std::to_string(i) + ".self_attn.";
        expect_tensor(w, p + "q_proj.lora_A.weight", {4, 64});
        expect_tensor(w, p + "q_proj.lora_B.weight", {64, 4});
        expect_tensor(w, p + "v_proj.lora_A.weight", {4, 64});
        expect_tensor(w, p + "v_proj.lora_B.weight", {32, 4}); // GQA: v out = kv_heads · head_dim
    }
    expect_tensor(w, "base_model.model.model.layers.0.self_attn.o_proj.lora_A.weight", {2, 64});
    fs::remove_all(w.root);
}

TEST(PeftLayout, loraOnLlama_shortTargetNames) {
    const std::string base = test::model_dir("stories260K");
    Written w = export_peft(base, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4,"alpha":16,"rslora":true}])");
    EXPECT_EQ(w.config.at("target_modules"), nlohmann::json::array({"q_proj", "v_proj"}));
    EXPECT_EQ(w.config.at("use_rslora"), true);
    EXPECT_EQ(w.config.at("lora_alpha"), 16);
    fs::remove_all(w.root);
}

TEST(PeftLayout, prefixOnLlama_configAndKeyValueLayout) {
    const std::string base = test::model_dir("stories260K");
    const Recipe recipe = Recipe::from_json(
        {{"version", 1}, {"name", "golden"}, {"modules", nlohmann::json::parse(R"([{"name":"prefix","kind":"prefix","length":3}])")}});
    Transformer model = test::trained_model(base, recipe);
    const fs::path root = test::temp_dir("export-golden-prefix");
    test::export_to(*model, recipe, base, ExportFormat::Peft, root / "adapter");
    const nlohmann::json config = test::read_json(root / "adapter" / "adapter_config.json");
    EXPECT_EQ(keys_of(config), kPrefixKeys);
    EXPECT_EQ(config.at("peft_type"), "PREFIX_TUNING");
    EXPECT_EQ(config.at("task_type"), "CAUSAL_LM");
    EXPECT_EQ(config.at("inference_mode"), true);
    EXPECT_EQ(config.at("num_virtual_tokens"), 3);
    EXPECT_EQ(config.at("token_dim"), 32) << "GQA: token_dim = head_dim · num_kv_heads";
    EXPECT_EQ(config.at("num_attention_heads"), 4) << "GQA: H = num_kv_heads";
    EXPECT_EQ(config.at("num_layers"), 5);
    EXPECT_EQ(config.at("num_transformer_submodules"), 1);
    EXPECT_EQ(config.at("encoder_hidden_size"), 64);
    EXPECT_EQ(config.at("prefix_projection"), false);

    const auto file = SafetensorsFile::open((root / "adapter" / "adapter_model.safetensors").string());
    EXPECT_EQ(file.names(), std::vector<std::string>{"prompt_embeddings"});
    EXPECT_EQ(file.entry("prompt_embeddings").dtype, "F32");
    const torch::Tensor embeddings = file.tensor("prompt_embeddings");
    ASSERT_EQ(embeddings.sizes(), (std::vector<int64_t>{3, 5 * 2 * 32})); // [n, L·2·token_dim]

    // FORMATS.md: view(B, n, L·2, H, token_dim/H).permute(2, 0, 3, 1, 4).split(2) gives per layer
    // [2, B, H, n, d_h], index 0 = key, 1 = value: the model's own prefix keys and values.
    const torch::Tensor kv = embeddings.unsqueeze(0).view({1, 3, 5 * 2, 4, 8}).permute({2, 0, 3, 1, 4});
    torch::NoGradGuard no_grad;
    for (auto& [name, site] : model->sites()) {
        const auto prefix = site->prefix_kv(1);
        if (!prefix) continue;
        const int layer = site->info().layer;
        EXPECT_TRUE(torch::allclose(kv[2 * layer], prefix->first)) << "keys of layer " << layer;
        EXPECT_TRUE(torch::allclose(kv[2 * layer + 1], prefix->second)) << "values of layer " << layer;
    }
    fs::remove_all(root);
}

TEST(PeftLayout, ia3OnLlama_outputAndFeedForwardShapes) {
    const std::string base = test::model_dir("stories260K");
    Written w = export_peft(base, R"([{"name":"ia3","kind":"ia3","sites":["k","v","down"]}])");
    expect_common(w, "IA3", "CAUSAL_LM", base);
    EXPECT_EQ(keys_of(w.config), (std::set<std::string>{"auto_mapping", "base_model_name_or_path", "inference_mode",
                                                        "peft_type", "revision", "task_type", "fan_in_fan_out",
                                                        "feedforward_modules", "init_ia3_weights", "modules_to_save",
                                                        "target_modules"}));
    EXPECT_EQ(w.config.at("target_modules"), nlohmann::json::array({"down_proj", "k_proj", "v_proj"}));
    EXPECT_EQ(w.config.at("feedforward_modules"), nlohmann::json::array({"down_proj"}));
    expect_tensor(w, "base_model.model.model.layers.0.self_attn.k_proj.ia3_l", {32, 1}); // [out, 1]
    expect_tensor(w, "base_model.model.model.layers.0.mlp.down_proj.ia3_l", {1, 172});  // [1, in]
    fs::remove_all(w.root);
}

TEST(PeftLayout, loraOnBertClassifier_headInModulesToSave) {
    const std::string base = test::hf_reference("bert-cls"); // d 32, 2 layers, 2 labels
    Written w = export_peft(base, R"([{"name":"lora","kind":"lora","sites":["q","v"],"r":4},{"name":"head","kind":"task_head"}])",
                            TaskHead::SequenceClassification);
    expect_common(w, "LORA", "SEQ_CLS", base);
    EXPECT_EQ(w.config.at("target_modules"), nlohmann::json::array({"query", "value"}));
    const auto saved = w.config.at("modules_to_save").get<std::vector<std::string>>();
    EXPECT_NE(std::find(saved.begin(), saved.end(), "classifier"), saved.end());
    expect_tensor(w, "base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight", {4, 32});
    expect_tensor(w, "base_model.model.classifier.weight", {2, 32});
    expect_tensor(w, "base_model.model.classifier.bias", {2});
    fs::remove_all(w.root);
}

TEST(PeftLayout, targetModules_shortNamesOnlyWhenExact) {
    const std::vector<std::string> universe = {"model.layers.0.self_attn.q_proj", "model.layers.1.self_attn.q_proj",
                                               "model.layers.0.self_attn.k_proj", "model.layers.1.self_attn.k_proj"};
    EXPECT_EQ(exporting::minimal_target_names({"model.layers.0.self_attn.q_proj", "model.layers.1.self_attn.q_proj"}, universe),
              std::vector<std::string>{"q_proj"});
    EXPECT_EQ(exporting::minimal_target_names({"model.layers.1.self_attn.q_proj"}, universe),
              std::vector<std::string>{"model.layers.1.self_attn.q_proj"});
}
