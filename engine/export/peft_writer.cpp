// SPDX-License-Identifier: MIT
#include "export/peft_writer.h"

#include "core/error.h"
#include "export/adapter_files.h"
#include "export/export_util.h"
#include "io/safetensors.h"
#include "peft/matching.h"
#include "peft/modules.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace peft::exporting {
namespace {
using json = nlohmann::json;

/// LoRA and IA3 live inside the transformers model that PEFT wraps (LoraModel(model)), prompt
/// methods beside it (PeftModel.base_model is the model itself): the saved keys differ.
constexpr const char* kTunerPrefix = "base_model.model.";
constexpr const char* kPromptPrefix = "base_model.";

[[noreturn]] void refuse(const Recipe& recipe, int index, const std::string& why) {
    throw Error("PEFT export: " + module_name_for(recipe, index) + ": " + why +
                "; export this recipe with --format studio instead");
}

/// The keys every PEFT config class has (PeftConfig), with the values PEFT writes on save.
json base_config(const std::string& peft_type, TaskHead head, const std::string& base_model_name) {
    return {{"auto_mapping", nullptr},         {"base_model_name_or_path", base_model_name},
            {"inference_mode", true},          {"peft_type", peft_type},
            {"revision", nullptr},             {"task_type", task_type_of(head)}};
}

/// Every module path PEFT would see while matching target_modules: sites and parents of tensors.
std::vector<std::string> module_universe(TransformerImpl& model) {
    std::set<std::string> out;
    for (const SiteInfo& site : model.site_infos())
        if (!site.hf_module.empty()) out.insert(site.hf_module);
    for (const auto& nt : model.named_tensors()) out.insert(module_path_of(nt.hf_name));
    return {out.begin(), out.end()};
}

/// Targets of each recipe module by site name (for the slices of fused projections).
const Target& target_of(std::map<int, std::map<std::string, Target>>& cache, const Recipe& recipe, int index,
                        TransformerImpl& model, const SiteInfo& site) {
    auto& by_site = cache[index];
    if (by_site.empty())
        for (const Target& t : resolve_targets(index, recipe.modules[static_cast<size_t>(index)], model.site_infos()))
            by_site.emplace(t.site->name, t);
    auto it = by_site.find(site.name);
    if (it == by_site.end())
        throw Error("PEFT export: " + module_name_for(recipe, index) + " is attached to " + site.name +
                    " but its recipe does not select that site (an engine bug)");
    return it->second;
}

/// The classification head (and a trained BERT pooler) as PEFT's modules_to_save. Any other
/// trained base weight (BitFit, LayerNorm, unfreeze) has no place in a PEFT adapter.
std::vector<std::string> add_modules_to_save(TransformerImpl& model, const Recipe& recipe, const std::string& prefix,
                                             std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
    std::string head_module, pooler_module;
    for (const SiteInfo& site : model.site_infos()) {
        if (site.kind == SiteKind::Head && model.head() == TaskHead::SequenceClassification) head_module = site.hf_module;
        if (site.name == "pooler") pooler_module = site.hf_module;
    }
    std::set<std::string> saved; // module paths
    if (!head_module.empty()) saved.insert(head_module);
    for (const auto& [name, tensor] : base_parameters_by_hf_name(model)) {
        if (!tensor.requires_grad()) continue;
        const std::string module = module_path_of(name);
        if (!head_module.empty() && (name.rfind(head_module + ".", 0) == 0)) continue;
        if (!pooler_module.empty() && module == pooler_module) {
            saved.insert(pooler_module);
            continue;
        }
        int culprit = -1;
        for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
            const auto kind = recipe.modules[static_cast<size_t>(i)].kind;
            if (kind == ModuleKind::BitFit || kind == ModuleKind::LayerNorm || kind == ModuleKind::Unfreeze ||
                kind == ModuleKind::TaskHead) {
                culprit = i;
                break;
            }
        }
        refuse(recipe, culprit, "it trains the base parameter '" + name +
                                    "', which a PEFT adapter cannot carry (only a classification head, in modules_to_save)");
    }
    for (const auto& nt : model.named_tensors()) {
        if (nt.tied || !nt.tensor.defined()) continue;
        const bool in_saved = std::any_of(saved.begin(), saved.end(), [&](const std::string& m) {
            return nt.hf_name.rfind(m + ".", 0) == 0;
        });
        if (!in_saved) continue;
        tensors.emplace_back(prefix + nt.hf_name, to_saved(nt.transposed ? nt.tensor.t() : nt.tensor));
    }
    std::vector<std::string> names;
    for (const auto& m : saved) names.push_back(m == pooler_module ? "pooler" : m);
    return names;
}

json modules_to_save_value(const std::vector<std::string>& names) {
    return names.empty() ? json(nullptr) : json(names);
}

double composition_scale_or_refuse(const Recipe& recipe, int index, LoraModule& lora, torch::Tensor& channel) {
    const ModuleSpec& spec = recipe.modules[static_cast<size_t>(index)];
    switch (spec.composition) {
    case Composition::Add: return 1.0;
    case Composition::Scaled: return spec.scale;
    case Composition::LearnedScalar:
    case Composition::LearnedChannel: {
        // A learned scale is a constant once trained: folded into lora_B below.
        for (const auto& item : lora.named_parameters(/*recurse=*/true))
            if (item.key() == "compose.scale") {
                if (spec.composition == Composition::LearnedScalar) return item.value().item<double>();
                channel = item.value().detach();
                return 1.0;
            }
        refuse(recipe, index, "its learned scale was not found (an engine bug)");
    }
    case Composition::Gated: break;
    }
    refuse(recipe, index, "a gated composition depends on the input and has no PEFT equivalent");
}

void add_lora(TransformerImpl& model, const Recipe& recipe, PeftAdapterFiles& out) {
    struct Entry {
        std::string path;
        int64_t r;
        double alpha;
        bool rslora;
    };
    std::vector<Entry> entries;
    std::map<int, std::map<std::string, Target>> targets;
    std::set<std::string> seen;
    bool fan_in_fan_out = false;
    double dropout = 0;
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        auto lora = std::dynamic_pointer_cast<LoraModule>(am.module);
        if (!lora) continue;
        const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(am.module_index));
        if (spec.insertion == Insertion::Sequential)
            refuse(recipe, am.module_index, "sequential insertion (LoRA on the projection's output) has no PEFT equivalent; PEFT's LoRA is parallel");
        const std::string& path = am.site->hf_module;
        if (!seen.insert(path).second)
            refuse(recipe, am.module_index, "a second LoRA on " + path + " (PEFT holds one LoRA per projection)");
        torch::Tensor channel;
        const double scale = composition_scale_or_refuse(recipe, am.module_index, *lora, channel);
        torch::Tensor B = lora->B.detach() * scale;
        if (channel.defined()) B = B * channel.to(B.device(), B.scalar_type()).unsqueeze(1);
        const Target& target = target_of(targets, recipe, am.module_index, model, *am.site);
        if (!target.slices.empty()) {
            // Only some slices of a fused projection (GPT-2 c_attn q,v): PEFT adapts the whole
            // projection; zero rows for the other slices give the same Δh exactly.
            const torch::Tensor index = slice_index(target).to(B.device());
            B = torch::zeros({am.site->out_features, B.size(1)}, B.options()).index_copy(0, index, B);
        }
        fan_in_fan_out = fan_in_fan_out || am.site->fan_in_fan_out;
        if (entries.empty()) dropout = spec.dropout;
        entries.push_back({path, spec.r, spec.alpha, spec.rslora});
        out.tensors.emplace_back(kTunerPrefix + path + ".lora_A.weight", to_saved(lora->A));
        out.tensors.emplace_back(kTunerPrefix + path + ".lora_B.weight", to_saved(B));
    }
    if (entries.empty()) throw Error("PEFT export: the recipe's LoRA modules attach to no projection; nothing to export");
    const Entry& first = entries.front();
    // One r, lora_alpha and use_rslora for the config; modules that differ go to rank_pattern and
    // alpha_pattern under their full path (PEFT matches a pattern key as `(.*\.)?key$`).
    json rank_pattern = json::object(), alpha_pattern = json::object();
    std::vector<std::string> paths;
    for (const Entry& e : entries) {
        paths.push_back(e.path);
        if (e.r != first.r) rank_pattern[e.path] = e.r;
        double alpha = e.alpha;
        if (e.rslora != first.rslora) {
            // Same scaling under the config's rule: α'/f(r) = α/g(r).
            const double scaling = e.rslora ? e.alpha / std::sqrt(static_cast<double>(e.r)) : e.alpha / static_cast<double>(e.r);
            alpha = scaling * (first.rslora ? std::sqrt(static_cast<double>(e.r)) : static_cast<double>(e.r));
        }
        if (alpha != first.alpha) alpha_pattern[e.path] = alpha;
    }
    const auto saved = add_modules_to_save(model, recipe, kTunerPrefix, out.tensors);
    json config = base_config("LORA", model.head(), out.config.value("base_model_name_or_path", ""));
    config.update({{"alpha_pattern", alpha_pattern},
                   {"bias", "none"},
                   {"fan_in_fan_out", fan_in_fan_out},
                   {"init_lora_weights", true},
                   {"layer_replication", nullptr},
                   {"layers_pattern", nullptr},
                   {"layers_to_transform", nullptr},
                   {"loftq_config", json::object()},
                   {"lora_alpha", first.alpha},
                   {"lora_dropout", dropout},
                   {"megatron_config", nullptr},
                   {"megatron_core", "megatron.core"},
                   {"modules_to_save", modules_to_save_value(saved)},
                   {"r", first.r},
                   {"rank_pattern", rank_pattern},
                   {"target_modules", minimal_target_names(paths, module_universe(model))},
                   {"use_dora", false},
                   {"use_rslora", first.rslora}});
    out.config = config;
}

void add_ia3(TransformerImpl& model, const Recipe& recipe, PeftAdapterFiles& out) {
    std::vector<std::string> paths, feedforward;
    std::map<int, std::map<std::string, Target>> targets;
    std::set<std::string> seen;
    bool fan_in_fan_out = false;
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        auto ia3 = std::dynamic_pointer_cast<IA3Module>(am.module);
        if (!ia3) continue;
        const std::string& path = am.site->hf_module;
        if (!seen.insert(path).second)
            refuse(recipe, am.module_index, "a second IA3 scale on " + path + " (PEFT holds one per projection)");
        torch::Tensor saved;
        if (ia3->scales_input()) {
            // PEFT's feed-forward rule: the vector scales the input, stored [1, in].
            saved = ia3->scale.detach().reshape({1, -1});
            feedforward.push_back(path);
        } else {
            torch::Tensor scale = ia3->scale.detach();
            const Target& target = target_of(targets, recipe, am.module_index, model, *am.site);
            if (!target.slices.empty())
                scale = torch::ones({am.site->out_features}, scale.options())
                            .index_copy(0, slice_index(target).to(scale.device()), scale); // untouched slices: 1
            saved = scale.reshape({-1, 1});
        }
        paths.push_back(path);
        fan_in_fan_out = fan_in_fan_out || am.site->fan_in_fan_out;
        out.tensors.emplace_back(kTunerPrefix + path + ".ia3_l", to_saved(saved));
    }
    const auto saved = add_modules_to_save(model, recipe, kTunerPrefix, out.tensors);
    json config = base_config("IA3", model.head(), out.config.value("base_model_name_or_path", ""));
    config.update({{"fan_in_fan_out", fan_in_fan_out},
                   {"feedforward_modules", minimal_target_names(feedforward, paths)},
                   {"init_ia3_weights", true},
                   {"modules_to_save", modules_to_save_value(saved)},
                   {"target_modules", minimal_target_names(paths, module_universe(model))}});
    out.config = config;
}

/// PREFIX_TUNING and PROMPT_TUNING share these keys (PromptLearningConfig).
json prompt_learning_config(const std::string& peft_type, TransformerImpl& model, int64_t tokens, int64_t token_dim,
                            int64_t heads, const std::string& base_model_name) {
    json config = base_config(peft_type, model.head(), base_model_name);
    config.update({{"num_virtual_tokens", tokens},
                   {"token_dim", token_dim},
                   {"num_transformer_submodules", 1}, // decoder-only and encoder-only models
                   {"num_attention_heads", heads},
                   {"num_layers", model.config().num_layers}});
    return config;
}

void add_prefix(TransformerImpl& model, const Recipe& recipe, PeftAdapterFiles& out) {
    std::map<int, torch::Tensor> per_layer;
    int owner = -1;
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        auto prefix = std::dynamic_pointer_cast<PrefixModule>(am.module);
        if (!prefix) continue;
        if (owner >= 0 && am.module_index != owner)
            refuse(recipe, am.module_index, "a second prefix module (PEFT holds one prefix for every layer)");
        owner = am.module_index;
        // The reparameterisation MLP is evaluated here (folded), without changing the live model.
        per_layer[am.site->layer] = prefix->prefix_matrix().detach();
    }
    const ModelConfig& c = model.config();
    if (static_cast<int64_t>(per_layer.size()) != c.num_layers)
        refuse(recipe, owner, "it prefixes " + std::to_string(per_layer.size()) + " of " + std::to_string(c.num_layers) +
                                  " layers; PEFT's prefix tuning covers every layer");
    std::vector<torch::Tensor> columns;
    for (auto& [layer, matrix] : per_layer) columns.push_back(matrix); // [l, 2·kv] per layer, keys first
    // PEFT: [l, L·2·token_dim], read back as view(B, l, 2L, H, d_h): layer-major, keys then values.
    torch::Tensor embeddings = torch::cat(columns, 1);
    const int64_t kv_heads = c.num_kv_heads > 0 ? c.num_kv_heads : c.num_heads;
    const int64_t token_dim = columns.front().size(1) / 2;
    out.tensors.emplace_back("prompt_embeddings", to_saved(embeddings));
    const auto saved = add_modules_to_save(model, recipe, kPromptPrefix, out.tensors);
    (void)saved; // PEFT adds the head to modules_to_save itself for SEQ_CLS; older configs lack the key
    json config = prompt_learning_config("PREFIX_TUNING", model, embeddings.size(0), token_dim, kv_heads,
                                         out.config.value("base_model_name_or_path", ""));
    config.update({{"encoder_hidden_size", c.hidden_size}, {"prefix_projection", false}});
    out.config = config;
}

void add_prompt(TransformerImpl& model, const Recipe& recipe, PeftAdapterFiles& out) {
    std::shared_ptr<PromptModule> found;
    int owner = -1;
    for (const AttachedModule& am : attached_modules(model)) {
        auto prompt = std::dynamic_pointer_cast<PromptModule>(am.module);
        if (!prompt) continue;
        if (found) refuse(recipe, am.module_index, "a second prompt module (PEFT holds one set of virtual tokens)");
        found = prompt;
        owner = am.module_index;
    }
    if (!found) throw Error("PEFT export: " + module_name_for(recipe, owner) + " is attached nowhere; nothing to export");
    const ModelConfig& c = model.config();
    out.tensors.emplace_back("prompt_embeddings", to_saved(found->embeddings));
    add_modules_to_save(model, recipe, kPromptPrefix, out.tensors);
    json config = prompt_learning_config("PROMPT_TUNING", model, found->embeddings.size(0), c.hidden_size, c.num_heads,
                                         out.config.value("base_model_name_or_path", ""));
    config.update({{"prompt_tuning_init", "RANDOM"}, {"prompt_tuning_init_text", nullptr}, {"tokenizer_name_or_path", nullptr}});
    out.config = config;
}

} // namespace

std::vector<std::string> minimal_target_names(const std::vector<std::string>& chosen,
                                              const std::vector<std::string>& universe) {
    const std::set<std::string> wanted(chosen.begin(), chosen.end());
    std::set<std::string> names;
    for (const auto& path : wanted) names.insert(path.substr(path.rfind('.') + 1)); // npos + 1 = 0
    std::set<std::string> all(universe.begin(), universe.end());
    all.insert(wanted.begin(), wanted.end());
    const bool exact = std::all_of(all.begin(), all.end(), [&](const std::string& key) {
        const bool hit = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return suffix_match(key, n); });
        return hit == (wanted.count(key) > 0);
    });
    const auto& list = exact ? names : wanted;
    return {list.begin(), list.end()};
}

PeftAdapterFiles make_peft_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_name) {
    // One PEFT config holds one method: find it, refusing kinds PEFT has no form for.
    int method_index = -1; // the first module of the method
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        const ModuleKind kind = recipe.modules[static_cast<size_t>(i)].kind;
        switch (kind) {
        case ModuleKind::Bottleneck:
            refuse(recipe, i, "PEFT has no bottleneck adapters (AdapterHub's format has them)");
        case ModuleKind::BitFit:
        case ModuleKind::LayerNorm:
        case ModuleKind::Unfreeze:
            refuse(recipe, i, "it trains base weights, which a PEFT adapter cannot carry");
        case ModuleKind::TaskHead:
            // A classifier goes to modules_to_save; on a causal LM it trains nothing (tied head).
            // Any base weight it did make trainable is refused by add_modules_to_save, by name.
            continue;
        default: break;
        }
        if (method_index < 0) {
            method_index = i;
            continue;
        }
        const ModuleKind method = recipe.modules[static_cast<size_t>(method_index)].kind;
        if (method != kind)
            refuse(recipe, i, std::string("PEFT directories hold one method and this recipe also has ") +
                                  module_kind_name(method) + " (" + module_name_for(recipe, method_index) + ")");
    }
    if (method_index < 0)
        throw Error("PEFT export: the recipe has no LoRA, IA3, prefix or prompt module; nothing to export in PEFT format");

    PeftAdapterFiles out;
    out.config = {{"base_model_name_or_path", base_model_name}};
    switch (recipe.modules[static_cast<size_t>(method_index)].kind) {
    case ModuleKind::LowRank: add_lora(model, recipe, out); break;
    case ModuleKind::IA3: add_ia3(model, recipe, out); break;
    case ModuleKind::Prefix: add_prefix(model, recipe, out); break;
    case ModuleKind::Prompt: add_prompt(model, recipe, out); break;
    default: refuse(recipe, method_index, "no PEFT form");
    }
    return out;
}

int64_t write_peft_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                           const StagingDir& out) {
    const PeftAdapterFiles files = make_peft_adapter(model, recipe, base_model_dir);
    write_json_file(out.file(kPeftConfigFile), files.config);
    write_safetensors(out.file(kPeftWeightsFile), files.tensors);
    return static_cast<int64_t>(files.tensors.size());
}

} // namespace peft::exporting
