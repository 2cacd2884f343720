// SPDX-License-Identifier: MIT
// Rebuilds a recipe from a PEFT adapter_config.json and loads adapter_model.safetensors into it.
#include "export/adapter_files.h"
#include "export/export_util.h"

#include "core/error.h"
#include "io/safetensors.h"
#include "peft/injector.h"
#include "peft/matching.h"
#include "peft/modules.h"

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {
using json = nlohmann::json;

constexpr const char* kTunerPrefix = "base_model.model.";
constexpr const char* kPromptPrefix = "base_model.";

/// The adapter being read: its config, its tensors, and which tensors were used.
struct Source {
    std::string config_path;
    json config;
    SafetensorsFile weights;
    std::set<std::string> used;

    [[noreturn]] void fail_field(const std::string& field, const std::string& why) const {
        throw Error(config_path + ": '" + field + "' " + why);
    }
    torch::Tensor take(const std::string& key, const std::string& what) {
        if (!weights.contains(key))
            throw Error(weights.path() + " has no tensor '" + key + "' (" + what +
                        "); the adapter is incomplete or belongs to another base model");
        used.insert(key);
        return weights.tensor(key, torch::kFloat);
    }
};

std::string shape_text(at::IntArrayRef shape) {
    std::string out = "[";
    for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

void copy_checked(torch::Tensor& destination, const torch::Tensor& value, const std::string& key, const Source& source,
                  const std::string& why) {
    if (value.sizes() != destination.sizes())
        throw Error(source.weights.path() + ": tensor '" + key + "' has shape " + shape_text(value.sizes()) +
                    " but the model needs " + shape_text(destination.sizes()) + " (" + why +
                    "); is this the adapter's base model?");
    torch::NoGradGuard no_grad;
    destination.copy_(value.to(destination.device(), destination.scalar_type()));
}

/// target_modules / feedforward_modules: a list (suffix rule), a string (full regex match) or null.
void read_targets(const Source& src, const std::string& field, ModuleSpec& spec) {
    const json& v = src.config.contains(field) ? src.config.at(field) : json();
    if (v.is_string()) {
        if (v.get<std::string>() == "all-linear")
            src.fail_field(field, "is \"all-linear\", which this importer does not expand; list the module names");
        spec.target_regex = v.get<std::string>();
    } else if (v.is_array()) {
        for (const auto& item : v) {
            if (!item.is_string()) src.fail_field(field, "must list module names (strings)");
            spec.target_modules.push_back(item.get<std::string>());
        }
    } else {
        src.fail_field(field, "is missing; PEFT fills it for known model types only, so list the modules");
    }
    if (const auto it = src.config.find("layers_to_transform"); it != src.config.end() && !it->is_null()) {
        if (it->is_number_integer()) spec.layers_to_transform.push_back(it->get<int>());
        else for (const auto& l : *it) spec.layers_to_transform.push_back(l.get<int>());
    }
    if (const auto it = src.config.find("layers_pattern"); it != src.config.end() && !it->is_null()) {
        if (it->is_string()) spec.layers_pattern.push_back(it->get<std::string>());
        else for (const auto& p : *it) spec.layers_pattern.push_back(p.get<std::string>());
    }
}

/// The Hugging Face module paths a PEFT-style spec selects on this model.
std::vector<std::string> selected_paths(const ModuleSpec& spec, TransformerImpl& model) {
    std::vector<std::string> out;
    for (const Target& t : resolve_targets(0, spec, model.site_infos())) out.push_back(t.site->hf_module);
    return out;
}

/// PEFT's get_pattern_key: a rank_pattern/alpha_pattern key applies when it equals the module
/// path or `(.*\.)?key$` matches it.
const json* pattern_value(const Source& src, const std::string& field, const std::string& path) {
    const auto it = src.config.find(field);
    if (it == src.config.end() || !it->is_object()) return nullptr;
    for (auto entry = it->begin(); entry != it->end(); ++entry) {
        const std::string& key = entry.key();
        if (key == path) return &entry.value();
        try {
            if (std::regex_match(path, std::regex("(.*\\.)?(" + key + ")"))) return &entry.value();
        } catch (const std::regex_error&) {
            src.fail_field(field, "has the key '" + key + "', which is not a valid regular expression");
        }
    }
    return nullptr;
}

/// LoRA: one recipe module per distinct (r, alpha), each naming its modules by full path.
Recipe lora_recipe(Source& src, TransformerImpl& model) {
    if (src.config.value("use_dora", false)) src.fail_field("use_dora", "is true; DoRA adapters are not supported");
    if (src.config.contains("bias") && src.config["bias"] != "none")
        src.fail_field("bias", "is not \"none\"; adapters that train biases are not supported");
    if (src.config.contains("layer_replication") && !src.config["layer_replication"].is_null())
        src.fail_field("layer_replication", "is set; replicated layers are not supported");
    ModuleSpec base;
    base.kind = ModuleKind::LowRank;
    base.name = "lora";
    base.r = src.config.value("r", int64_t{8});
    base.alpha = src.config.value("lora_alpha", 8.0);
    base.rslora = src.config.value("use_rslora", false);
    base.dropout = src.config.value("lora_dropout", 0.0);
    read_targets(src, "target_modules", base);
    std::map<std::pair<int64_t, double>, std::vector<std::string>> groups;
    for (const std::string& path : selected_paths(base, model)) {
        int64_t r = base.r;
        double alpha = base.alpha;
        if (const json* v = pattern_value(src, "rank_pattern", path)) r = v->get<int64_t>();
        if (const json* v = pattern_value(src, "alpha_pattern", path)) alpha = v->get<double>();
        groups[{r, alpha}].push_back(path);
    }
    Recipe recipe;
    for (const auto& [key, paths] : groups) {
        ModuleSpec spec = base;
        spec.r = key.first;
        spec.alpha = key.second;
        spec.target_modules = paths; // full paths: the suffix rule selects exactly these
        spec.target_regex.clear();
        spec.layers_to_transform.clear();
        spec.layers_pattern.clear();
        if (groups.size() > 1) spec.name = "lora_r" + std::to_string(spec.r) + "_" + std::to_string(recipe.modules.size());
        recipe.modules.push_back(spec);
    }
    return recipe;
}

void load_lora(Source& src, TransformerImpl& model) {
    for (const AttachedModule& am : attached_modules(model)) {
        auto lora = std::dynamic_pointer_cast<LoraModule>(am.module);
        if (!lora) continue;
        const std::string path = kTunerPrefix + am.site->hf_module;
        const std::string why = "LoRA on " + am.site->hf_module;
        copy_checked(lora->A, src.take(path + ".lora_A.weight", why), path + ".lora_A.weight", src, why + ", r from the config");
        copy_checked(lora->B, src.take(path + ".lora_B.weight", why), path + ".lora_B.weight", src, why + ", r from the config");
    }
}

Recipe ia3_recipe(Source& src, TransformerImpl& model) {
    ModuleSpec base;
    base.kind = ModuleKind::IA3;
    base.name = "ia3";
    read_targets(src, "target_modules", base);
    const auto paths = selected_paths(base, model);
    // PEFT scales the input of feed-forward modules and the output of the others.
    std::vector<std::string> feedforward, output;
    const json& ff = src.config.contains("feedforward_modules") ? src.config["feedforward_modules"] : json();
    std::optional<std::regex> ff_regex;
    if (ff.is_string()) ff_regex.emplace(ff.get<std::string>());
    for (const std::string& path : paths) {
        bool is_ff = false;
        if (ff_regex) is_ff = std::regex_match(path, *ff_regex);
        else if (ff.is_array())
            for (const auto& name : ff) is_ff = is_ff || (name.is_string() && suffix_match(path, name.get<std::string>()));
        (is_ff ? feedforward : output).push_back(path);
    }
    Recipe recipe;
    for (bool input : {false, true}) {
        const auto& group = input ? feedforward : output;
        if (group.empty()) continue;
        ModuleSpec spec;
        spec.kind = ModuleKind::IA3;
        spec.name = input ? "ia3_ff" : "ia3";
        spec.target_modules = group;
        spec.scale_input = input;
        recipe.modules.push_back(spec);
    }
    return recipe;
}

void load_ia3(Source& src, TransformerImpl& model) {
    for (const AttachedModule& am : attached_modules(model)) {
        auto ia3 = std::dynamic_pointer_cast<IA3Module>(am.module);
        if (!ia3) continue;
        const std::string key = kTunerPrefix + am.site->hf_module + ".ia3_l";
        torch::Tensor value = src.take(key, "IA3 on " + am.site->hf_module);
        const std::vector<int64_t> expected = ia3->scales_input() ? std::vector<int64_t>{1, ia3->scale.size(0)}
                                                                  : std::vector<int64_t>{ia3->scale.size(0), 1};
        if (value.sizes() != at::IntArrayRef(expected))
            throw Error(src.weights.path() + ": tensor '" + key + "' has shape " + shape_text(value.sizes()) + " but " +
                        (ia3->scales_input() ? "a feed-forward" : "an output") + " IA3 on " + am.site->hf_module +
                        " needs " + shape_text(expected) + " (check feedforward_modules and the base model)");
        copy_checked(ia3->scale, value.reshape({-1}), key, src, "IA3 scale");
    }
}

int64_t config_int(const Source& src, const std::string& field) {
    const auto it = src.config.find(field);
    if (it == src.config.end() || !it->is_number_integer()) src.fail_field(field, "is missing or not an integer");
    return it->get<int64_t>();
}

Recipe prompt_learning_recipe(Source& src, TransformerImpl& model, ModuleKind kind) {
    if (src.config.value("num_transformer_submodules", 1) != 1)
        src.fail_field("num_transformer_submodules", "is not 1; encoder-decoder models are not supported");
    const ModelConfig& c = model.config();
    if (kind == ModuleKind::Prefix) {
        if (config_int(src, "num_layers") != c.num_layers)
            src.fail_field("num_layers", "is " + std::to_string(config_int(src, "num_layers")) + " but the base model has " +
                                             std::to_string(c.num_layers) + " layers: another base model");
        const int64_t kv_width = (c.num_kv_heads > 0 ? c.num_kv_heads : c.num_heads) * c.head_dim;
        if (config_int(src, "token_dim") != kv_width)
            src.fail_field("token_dim", "is " + std::to_string(config_int(src, "token_dim")) +
                                            " but the base model's keys are " + std::to_string(kv_width) + " wide");
    }
    ModuleSpec spec;
    spec.kind = kind;
    spec.name = kind == ModuleKind::Prefix ? "prefix" : "prompt";
    spec.length = config_int(src, "num_virtual_tokens"); // no sites: every kv (or the embeddings) site
    Recipe recipe;
    recipe.modules.push_back(spec);
    return recipe;
}

void load_prefix(Source& src, TransformerImpl& model) {
    torch::Tensor all = src.take("prompt_embeddings", "the prefix of every layer");
    const ModelConfig& c = model.config();
    const int64_t kv_width = (c.num_kv_heads > 0 ? c.num_kv_heads : c.num_heads) * c.head_dim;
    const std::vector<int64_t> expected{config_int(src, "num_virtual_tokens"), c.num_layers * 2 * kv_width};
    if (all.sizes() != at::IntArrayRef(expected))
        throw Error(src.weights.path() + ": tensor 'prompt_embeddings' has shape " + shape_text(all.sizes()) +
                    " but the config and base model need " + shape_text(expected) +
                    " (num_virtual_tokens × num_layers·2·token_dim)");
    for (const AttachedModule& am : attached_modules(model)) {
        auto prefix = std::dynamic_pointer_cast<PrefixModule>(am.module);
        if (!prefix) continue;
        torch::Tensor layer = all.narrow(1, am.site->layer * 2 * kv_width, 2 * kv_width);
        for (auto& item : prefix->named_parameters(/*recurse=*/false))
            if (item.key() == "prefix") copy_checked(item.value(), layer, "prompt_embeddings", src, "prefix of one layer");
    }
}

void load_prompt(Source& src, TransformerImpl& model) {
    torch::Tensor value = src.take("prompt_embeddings", "the virtual tokens");
    for (const AttachedModule& am : attached_modules(model))
        if (auto prompt = std::dynamic_pointer_cast<PromptModule>(am.module))
            copy_checked(prompt->embeddings, value, "prompt_embeddings", src, "num_virtual_tokens × hidden size");
}

/// modules_to_save (the classification head): any remaining tensor named after a base tensor.
void load_saved_modules(Source& src, TransformerImpl& model) {
    std::map<std::string, NamedTensor> by_name;
    for (auto& nt : model.named_tensors())
        if (!nt.tied) by_name.emplace(nt.hf_name, nt);
    for (const std::string& key : src.weights.names()) {
        if (src.used.count(key)) continue;
        for (const char* prefix : {kTunerPrefix, kPromptPrefix}) {
            if (key.rfind(prefix, 0) != 0) continue;
            auto it = by_name.find(key.substr(std::string(prefix).size()));
            if (it == by_name.end()) continue;
            torch::Tensor value = src.weights.tensor(key, torch::kFloat);
            if (it->second.transposed) value = value.t();
            copy_checked(it->second.tensor, value, key, src, "a module in modules_to_save");
            src.used.insert(key);
            break;
        }
    }
}

TaskHead head_of(const Source& src) {
    const json& t = src.config.contains("task_type") ? src.config["task_type"] : json();
    if (t.is_null() || t == "CAUSAL_LM") return TaskHead::CausalLM;
    if (t == "SEQ_CLS") return TaskHead::SequenceClassification;
    if (t == "FEATURE_EXTRACTION") return TaskHead::None;
    src.fail_field("task_type", "is " + t.dump() + "; supported: CAUSAL_LM, SEQ_CLS, FEATURE_EXTRACTION");
}

/// Classes of a classification adapter: rows of its saved head.
int64_t saved_num_labels(const Source& src) {
    for (const std::string& key : src.weights.names())
        for (const char* suffix : {".score.weight", ".classifier.weight", ".classifier.out_proj.weight"}) {
            const std::string s = suffix;
            if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0)
                return src.weights.entry(key).shape.at(0);
        }
    return 0;
}

} // namespace

ImportedAdapter import_peft_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype) {
    const std::string config_path = (fs::path(dir) / kPeftConfigFile).string();
    const std::string weights_path = (fs::path(dir) / kPeftWeightsFile).string();
    json config = read_json_file(config_path);
    if (!fs::is_regular_file(weights_path))
        throw Error(dir + " has no " + kPeftWeightsFile +
                    " (pickled adapter_model.bin files are not read: save with safe_serialization=True)");
    Source src{config_path, config, SafetensorsFile::open(weights_path), {}};
    if (!config.is_object() || !config.contains("peft_type") || !config["peft_type"].is_string())
        throw Error(config_path + ": 'peft_type' is missing; not a PEFT adapter config");
    const std::string peft_type = config["peft_type"].get<std::string>();
    const TaskHead head = head_of(src);

    ImportedAdapter out;
    out.format = "peft";
    out.peft_type = peft_type;
    out.model = load_base_model(base_model_dir, head, saved_num_labels(src), dtype);
    TransformerImpl& model = *out.model;
    try {
        if (peft_type == "LORA") out.recipe = lora_recipe(src, model);
        else if (peft_type == "IA3") out.recipe = ia3_recipe(src, model);
        else if (peft_type == "PREFIX_TUNING") out.recipe = prompt_learning_recipe(src, model, ModuleKind::Prefix);
        else if (peft_type == "PROMPT_TUNING") out.recipe = prompt_learning_recipe(src, model, ModuleKind::Prompt);
        else src.fail_field("peft_type", "is \"" + peft_type + "\"; supported: LORA, IA3, PREFIX_TUNING, PROMPT_TUNING");
    } catch (const nlohmann::json::exception& e) {
        throw Error(config_path + ": a field has an unexpected type (" + e.what() + ")");
    } catch (const std::regex_error& e) {
        throw Error(config_path + ": a module pattern is not a valid regular expression (" + e.what() + ")");
    }
    if (config.contains("prefix_projection") && config["prefix_projection"] == true && !config.value("inference_mode", true))
        src.fail_field("prefix_projection", "is true in a training checkpoint; save it for inference (folded) first");
    out.recipe.name = fs::path(dir).filename().string();
    out.recipe.description = "imported from the PEFT adapter " + dir;

    inject(model, out.recipe, 0);
    if (peft_type == "LORA") load_lora(src, model);
    else if (peft_type == "IA3") load_ia3(src, model);
    else if (peft_type == "PREFIX_TUNING") load_prefix(src, model);
    else load_prompt(src, model);
    load_saved_modules(src, model);

    std::string unused;
    int count = 0;
    for (const std::string& key : src.weights.names())
        if (!src.used.count(key) && count++ < 5) unused += (unused.empty() ? "'" : ", '") + key + "'";
    if (count > 0)
        throw Error(weights_path + " has " + std::to_string(count) + " tensor(s) its config does not explain: " + unused +
                    (count > 5 ? ", ..." : "") + " (another base model, or a feature this importer lacks: DoRA, "
                    "LoRA on embeddings, biases)");
    if (head == TaskHead::SequenceClassification && saved_num_labels(src) == 0)
        throw Error(weights_path + " has no classification head (SEQ_CLS adapters save it in modules_to_save)");
    out.tensors = static_cast<int64_t>(src.used.size());
    model.eval();
    return out;
}

} // namespace peft::exporting
