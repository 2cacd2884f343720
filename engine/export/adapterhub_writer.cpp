// SPDX-License-Identifier: MIT
// The AdapterHub directory of a live model (see adapterhub.h for the mapping and its limits).
#include "export/adapterhub.h"

#include "core/error.h"
#include "export/adapter_files.h"
#include "export/export_util.h"
#include "io/safetensors.h"
#include "models/rope.h"
#include "peft/modules.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {
using json = nlohmann::json;

[[noreturn]] void refuse(const Recipe& recipe, int index, const std::string& why) {
    throw Error("AdapterHub export: " + module_name_for(recipe, index) + ": " + why);
}

std::map<std::string, torch::Tensor> parameters_of(torch::nn::Module& module) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) out.emplace(item.key(), item.value());
    return out;
}

const char* non_linearity_name(Activation a) {
    switch (a) {
    case Activation::ReLU: return "relu";
    case Activation::GELU: return "gelu";
    case Activation::SiLU: return "swish";
    case Activation::Tanh: return "tanh";
    case Activation::Identity: return "linear";
    }
    return "relu";
}

const char* init_name(AdapterInit init) {
    switch (init) {
    case AdapterInit::Bert: return "bert";
    case AdapterInit::Lora: return "mam_adapter";
    case AdapterInit::Houlsby: return "houlsby";
    }
    return "bert";
}

json leave_out_of(const std::set<int>& layers, int num_layers) {
    json out = json::array();
    for (int i = 0; i < num_layers; ++i)
        if (!layers.count(i)) out.push_back(i);
    return out;
}

/// The reduction factor whose `hidden // factor` (Python float floor division) gives r.
double reduction_factor_for(int64_t hidden, int64_t r) {
    if (hidden % r == 0) return static_cast<double>(hidden / r);
    return static_cast<double>(hidden) / (static_cast<double>(r) + 0.5);
}

// --- bottleneck adapters ------------------------------------------------------------------------

struct BnGroup {
    int module_index = -1;
    bool attention = false; ///< location: mh_adapter (true) or output_adapter
    std::set<int> layers;
    json config;             ///< without mh_adapter/output_adapter/leave_out
};

void add_bottlenecks(TransformerImpl& model, const Recipe& recipe, const std::string& name, AhFamily family,
                     json& configs, NamedTensors& tensors) {
    const ModelConfig& c = model.config();
    std::map<std::pair<int, bool>, BnGroup> groups;
    std::map<std::pair<int, bool>, int> owner; // (layer, location) -> module index
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        auto bn = std::dynamic_pointer_cast<BottleneckModule>(am.module);
        if (!bn) continue;
        const int index = am.module_index;
        const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(index));
        const SiteKind kind = am.site->kind;
        if (kind != SiteKind::AttentionOutput && kind != SiteKind::FfnOutput)
            refuse(recipe, index, "it sits at " + am.site->name + " (" + site_kind_name(kind) +
                                      "); AdapterHub places bottleneck adapters only after the attention block "
                                      "(attn_out) or the feed-forward block (ffn_out)");
        if (spec.composition == Composition::Gated)
            refuse(recipe, index, "a gated composition σ(W_g x)·Δh has no AdapterHub equivalent (its use_gating "
                                  "averages the gate over the sequence)");
        const bool parallel = spec.insertion == Insertion::Parallel;
        if (parallel && family != AhFamily::Encoder)
            refuse(recipe, index, "a parallel adapter here reads the normalised sub-layer input, but AdapterHub's "
                                  "parallel adapter on " + c.model_type +
                                  " reads the un-normalised residual stream (pre-norm block); only BERT-style "
                                  "post-norm models express it");
        if (spec.adapter_norm == AdapterNorm::Out && spec.composition != Composition::Add &&
            !(spec.composition == Composition::Scaled && spec.scale == 1.0))
            refuse(recipe, index, "AdapterHub applies ln_after to the scaled output LN(s·Δh), this module "
                                  "computes s·LN(Δh); they agree only without a scale");
        const bool attention = kind == SiteKind::AttentionOutput;
        const int layer = am.site->layer;
        if (auto [it, fresh] = owner.emplace(std::make_pair(layer, attention), index); !fresh)
            refuse(recipe, index, std::string("a second bottleneck adapter at ") + am.site->name + " (besides " +
                                      module_name_for(recipe, it->second) +
                                      "); an AdapterHub adapter holds one bottleneck per location and layer");

        auto params = parameters_of(*bn);
        const int64_t r = bn->down_weight.size(0);
        BnGroup& g = groups[{index, attention}];
        g.module_index = index;
        g.attention = attention;
        g.layers.insert(layer);
        json scaling;
        switch (spec.composition) {
        case Composition::Add: scaling = 1.0; break;
        case Composition::Scaled: scaling = spec.scale; break;
        case Composition::LearnedScalar: scaling = "learned"; break;
        case Composition::LearnedChannel: scaling = "channel"; break;
        case Composition::Gated: break;
        }
        g.config = {{"architecture", "bottleneck"},
                    {"reduction_factor", reduction_factor_for(c.hidden_size, r)},
                    {"non_linearity", non_linearity_name(spec.activation)},
                    {"original_ln_before", false},
                    {"original_ln_after", true},
                    {"ln_before", spec.adapter_norm == AdapterNorm::In},
                    {"ln_after", spec.adapter_norm == AdapterNorm::Out},
                    {"init_weights", init_name(spec.init)},
                    {"is_parallel", parallel},
                    {"scaling", scaling},
                    {"use_gating", false},
                    {"residual_before_ln", true},
                    {"adapter_residual_before_ln", false},
                    {"dropout", spec.dropout}};

        const std::string path = adapterhub_bottleneck_path(c, layer, attention, name);
        int down = 0;
        if (spec.adapter_norm == AdapterNorm::In) {
            tensors.emplace_back(path + "adapter_down.0.weight", to_saved(params.at("norm.weight")));
            tensors.emplace_back(path + "adapter_down.0.bias", to_saved(params.at("norm.bias")));
            down = 1;
        }
        tensors.emplace_back(path + "adapter_down." + std::to_string(down) + ".weight", to_saved(bn->down_weight));
        tensors.emplace_back(path + "adapter_down." + std::to_string(down) + ".bias", to_saved(bn->down_bias));
        tensors.emplace_back(path + "adapter_up.weight", to_saved(bn->up_weight));
        tensors.emplace_back(path + "adapter_up.bias", to_saved(bn->up_bias));
        if (spec.adapter_norm == AdapterNorm::Out) {
            tensors.emplace_back(path + "adapter_norm_after.weight", to_saved(params.at("norm.weight")));
            tensors.emplace_back(path + "adapter_norm_after.bias", to_saved(params.at("norm.bias")));
        }
        if (spec.composition == Composition::LearnedScalar || spec.composition == Composition::LearnedChannel)
            tensors.emplace_back(path + "scaling", to_saved(params.at("compose.scale").reshape({-1})));
    }
    // One config per (module, location); the two locations of one module (or of two modules with
    // the same settings) on the same layers become one config with both flags (Houlsby).
    std::vector<BnGroup> list;
    for (auto& [key, g] : groups) list.push_back(g);
    std::vector<bool> used(list.size(), false);
    for (size_t i = 0; i < list.size(); ++i) {
        if (used[i]) continue;
        json config = list[i].config;
        bool mh = list[i].attention, out = !list[i].attention;
        for (size_t j = i + 1; j < list.size(); ++j) {
            if (used[j] || list[j].attention == list[i].attention || list[j].layers != list[i].layers ||
                list[j].config != list[i].config)
                continue;
            used[j] = true;
            mh = mh || list[j].attention;
            out = out || !list[j].attention;
            break;
        }
        config["mh_adapter"] = mh;
        config["output_adapter"] = out;
        config["leave_out"] = leave_out_of(list[i].layers, static_cast<int>(c.num_layers));
        configs.push_back(config);
    }
}

// --- LoRA and IA3 ---------------------------------------------------------------------------------

/// AdapterHub's LoRA location of a site: "selfattn" (with its matrices), "intermediate", "output".
struct LoraPlace {
    std::string location;
    std::vector<std::string> matrices; ///< selfattn: "q", "k", "v" of this site (fused: its slices)
};

LoraPlace lora_place(const Recipe& recipe, int index, const SiteInfo& site, const Target& target, AhFamily family,
                     const std::string& model_type) {
    const std::string& role = site.role;
    if (role == "q" || role == "k" || role == "v") return {"selfattn", {role}};
    if (role == "qkv") {
        LoraPlace p{"selfattn", {}};
        if (target.slices.empty())
            for (const auto& s : site.slices) p.matrices.push_back(s.role);
        else
            for (const auto& s : target.slices) p.matrices.push_back(s.role);
        return p;
    }
    if ((role == "up" || role == "down") && family != AhFamily::Llama)
        return {role == "up" ? "intermediate" : "output", {}};
    if (role == "up" || role == "down" || role == "gate")
        refuse(recipe, index, "it sits at " + site.name + "; the adapters library wraps " + model_type +
                                  "'s feed-forward projections under location names that changed between its "
                                  "versions, so only q, k and v are exported for this family");
    refuse(recipe, index, "it sits at " + site.name + " (" + role +
                              "); AdapterHub's LoRA and IA3 wrap only q, k, v and the feed-forward up/down projections");
}

struct LoraEntry {
    int module_index = -1;
    int layer = -1;
    std::string location;  ///< selfattn / intermediate / output
    std::string matrix;    ///< q/k/v for selfattn, "" otherwise
    std::string path;      ///< AdapterHub module path
    torch::Tensor A;       ///< [r, in] (LoRA)
    torch::Tensor B;       ///< [rows, r] (LoRA, scaled to the config's alpha) or [rows] (IA3)
};

/// A module's constant output scale (scalar) and per-channel factor (or undefined).
double constant_scale(const Recipe& recipe, int index, torch::nn::Module& module, torch::Tensor& channel) {
    const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(index));
    switch (spec.composition) {
    case Composition::Add: return 1.0;
    case Composition::Scaled: return spec.scale;
    case Composition::LearnedScalar:
    case Composition::LearnedChannel: {
        auto params = parameters_of(module);
        const auto it = params.find("compose.scale");
        if (it == params.end()) refuse(recipe, index, "its learned scale was not found (an engine bug)");
        if (spec.composition == Composition::LearnedScalar) return it->second.item<double>();
        channel = it->second.detach();
        return 1.0;
    }
    case Composition::Gated: break;
    }
    refuse(recipe, index, "a gated composition depends on the input; AdapterHub's LoRA gate averages over the "
                          "sequence and is not the same function");
}

void add_lora_config(TransformerImpl& model, const Recipe& recipe, const std::string& name, AhFamily family,
                     bool ia3, json& configs, NamedTensors& tensors) {
    const ModelConfig& c = model.config();
    std::vector<LoraEntry> entries;
    std::map<int, std::map<std::string, Target>> targets;
    int64_t r = -1;
    int r_owner = -1;
    double scaling = 0; // the config's alpha / r
    double dropout = 0;
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        const int index = am.module_index;
        const ModuleSpec* spec = index >= 0 ? &recipe.modules.at(static_cast<size_t>(index)) : nullptr;
        auto lora = std::dynamic_pointer_cast<LoraModule>(am.module);
        auto scale = std::dynamic_pointer_cast<IA3Module>(am.module);
        if (ia3 ? !scale : !lora) continue;
        auto& by_site = targets[index];
        if (by_site.empty())
            for (const Target& t : resolve_targets(index, *spec, model.site_infos())) by_site.emplace(t.site->name, t);
        const Target& target = by_site.at(am.site->name);
        const LoraPlace place = lora_place(recipe, index, *am.site, target, family, c.model_type);
        const std::string path = adapterhub_site_path(c, *am.site) + ".loras." + name + ".";
        if (!ia3) {
            if (spec->insertion == Insertion::Sequential)
                refuse(recipe, index, "sequential insertion (LoRA on the projection's output) has no AdapterHub "
                                      "equivalent; AdapterHub's LoRA is parallel");
            torch::Tensor channel;
            const double s = constant_scale(recipe, index, *lora, channel);
            const double base = spec->rslora ? spec->alpha / std::sqrt(static_cast<double>(spec->r))
                                             : spec->alpha / static_cast<double>(spec->r);
            if (r < 0) {
                r = spec->r;
                r_owner = index;
                scaling = base * s;
                dropout = spec->dropout;
            } else if (spec->r != r) {
                refuse(recipe, index, "its rank r=" + std::to_string(spec->r) + " differs from " +
                                          module_name_for(recipe, r_owner) + " (r=" + std::to_string(r) +
                                          "); an AdapterHub LoRA config has one r");
            }
            // The config's alpha gives `scaling`; any other constant factor is folded into B.
            torch::Tensor B = lora->B.detach().to(torch::kFloat);
            const double factor = base * s / scaling;
            if (factor != 1.0) B = B * factor;
            if (channel.defined()) B = B * channel.to(torch::kFloat).unsqueeze(1);
            const torch::Tensor A = lora->A.detach().to(torch::kFloat);
            if (place.location != "selfattn" || am.site->role != "qkv") {
                entries.push_back({index, am.site->layer, place.location,
                                   place.matrices.empty() ? "" : place.matrices.front(), path, A, B});
            } else {
                int64_t row = 0;
                const int64_t width = am.site->out_features / 3;
                for (const auto& m : place.matrices) {
                    entries.push_back({index, am.site->layer, place.location, m, path, A, B.narrow(0, row, width)});
                    row += width;
                }
            }
        } else {
            if (scale->scales_input())
                refuse(recipe, index, "it scales the input of " + am.site->name +
                                          " (PEFT's feed-forward rule); AdapterHub's IA3 scales outputs only, so "
                                          "export it with --format peft or scale an output instead");
            const torch::Tensor v = scale->scale.detach().to(torch::kFloat);
            if (am.site->role != "qkv") {
                entries.push_back({index, am.site->layer, place.location,
                                   place.matrices.empty() ? "" : place.matrices.front(), path, {}, v});
            } else {
                int64_t row = 0;
                const int64_t width = am.site->out_features / 3;
                for (const auto& m : place.matrices) {
                    entries.push_back({index, am.site->layer, place.location, m, path, {}, v.narrow(0, row, width)});
                    row += width;
                }
            }
        }
    }
    if (entries.empty()) return;

    // AdapterHub applies one config to the same projections of every layer it covers.
    std::map<int, std::set<std::string>> places; // layer -> "location/matrix"
    std::map<std::pair<int, std::string>, int> owner;
    std::set<std::string> matrices;
    bool selfattn = false, intermediate = false, output = false;
    for (const LoraEntry& e : entries) {
        const std::string key = e.location + "/" + e.matrix;
        if (auto [it, fresh] = owner.emplace(std::make_pair(e.layer, key), e.module_index); !fresh)
            refuse(recipe, e.module_index, std::string(ia3 ? "a second IA3 scale" : "a second LoRA") + " on " + e.path +
                                               (e.matrix.empty() ? "" : " (" + e.matrix + ")") + " besides " +
                                               module_name_for(recipe, it->second));
        places[e.layer].insert(key);
        if (e.location == "selfattn") {
            selfattn = true;
            matrices.insert(e.matrix);
        }
        intermediate = intermediate || e.location == "intermediate";
        output = output || e.location == "output";
    }
    const std::set<std::string>& first = places.begin()->second;
    std::set<int> layers;
    for (const auto& [layer, set] : places) {
        layers.insert(layer);
        if (set != first) {
            int culprit = entries.front().module_index;
            for (const LoraEntry& e : entries)
                if (e.layer == layer) culprit = e.module_index;
            refuse(recipe, culprit, std::string("layer ") + std::to_string(layer) + " adapts other projections than layer " +
                                        std::to_string(places.begin()->first) + "; one AdapterHub " +
                                        (ia3 ? "IA3" : "LoRA") + " config adapts the same projections in every layer");
        }
    }

    // Tensors: per module path; a fused c_attn gets one block per enabled matrix, in q, k, v order.
    std::map<std::string, std::vector<const LoraEntry*>> by_path;
    for (const LoraEntry& e : entries) by_path[e.path].push_back(&e);
    for (auto& [path, list] : by_path) {
        const auto rank = [](const std::string& m) { return m == "q" ? 0 : m == "k" ? 1 : m == "v" ? 2 : 3; };
        std::sort(list.begin(), list.end(),
                  [&](const LoraEntry* a, const LoraEntry* b) { return rank(a->matrix) < rank(b->matrix); });
        std::vector<torch::Tensor> as, bs;
        for (const LoraEntry* e : list) {
            if (!ia3) as.push_back(e->A);
            bs.push_back(e->B);
        }
        if (ia3) {
            tensors.emplace_back(path + "lora_B", to_saved(torch::cat(bs, 0).reshape({-1, 1})));
        } else {
            tensors.emplace_back(path + "lora_A", to_saved(torch::cat(as, 0)));
            tensors.emplace_back(path + "lora_B", to_saved(torch::cat(bs, 0)));
        }
    }
    json attn = json::array();
    for (const char* m : {"q", "k", "v"})
        if (matrices.count(m)) attn.push_back(m);
    json config = {{"architecture", "lora"},
                   {"selfattn_lora", selfattn},
                   {"intermediate_lora", intermediate},
                   {"output_lora", output},
                   {"attn_matrices", attn},
                   {"r", ia3 ? int64_t{1} : r},
                   {"alpha", ia3 ? 1.0 : scaling * static_cast<double>(r)},
                   {"dropout", ia3 ? 0.0 : dropout},
                   {"composition_mode", ia3 ? "scale" : "add"},
                   {"init_weights", ia3 ? "ia3" : "lora"},
                   {"use_gating", false},
                   {"leave_out", leave_out_of(layers, static_cast<int>(c.num_layers))}};
    configs.push_back(config);
}

// --- prefix tuning ------------------------------------------------------------------------------

void add_prefix(TransformerImpl& model, const Recipe& recipe, const std::string& name, AhFamily family,
                json& configs, NamedTensors& tensors) {
    const ModelConfig& c = model.config();
    std::map<int, torch::Tensor> per_layer;
    int owner = -1;
    int64_t length = 0;
    torch::NoGradGuard no_grad;
    for (const AttachedModule& am : attached_modules(model)) {
        auto prefix = std::dynamic_pointer_cast<PrefixModule>(am.module);
        if (!prefix) continue;
        if (owner >= 0 && am.module_index != owner)
            refuse(recipe, am.module_index, "a second prefix module besides " + module_name_for(recipe, owner) +
                                                " (an AdapterHub adapter holds one prefix)");
        owner = am.module_index;
        if (family != AhFamily::Llama)
            refuse(recipe, owner, "the engine's prefix shifts the positions of real tokens by the prefix length "
                                  "(as transformers does for past_key_values); AdapterHub's prefix leaves them "
                                  "from 0, and " + c.model_type +
                                  "'s absolute position embeddings cannot absorb that (only rotary models like Llama can)");
        per_layer[am.site->layer] = prefix->prefix_matrix().detach().to(torch::kFloat);
        length = per_layer[am.site->layer].size(0);
    }
    if (per_layer.empty()) return;
    const int64_t kv = c.num_kv_heads > 0 ? c.num_kv_heads : c.num_heads;
    const int64_t H = c.num_heads, dh = c.head_dim;
    std::vector<torch::Tensor> blocks; // per layer [l, 2, H, d_h]
    std::set<int> layers;
    for (auto& [layer, matrix] : per_layer) {
        layers.insert(layer);
        auto parts = matrix.chunk(2, 1); // keys, values: [l, kv·d_h]
        auto heads = [&](const torch::Tensor& t) {
            // [l, kv, d_h] -> [H, l, d_h]: each KV head serves H/kv query heads (repeat_kv).
            return t.reshape({length, kv, dh}).permute({1, 0, 2}).repeat_interleave(H / kv, 0);
        };
        const torch::Tensor keys = rotate_prefix_keys(heads(parts[0]), -length, c);
        const torch::Tensor values = heads(parts[1]);
        blocks.push_back(torch::stack({keys.permute({1, 0, 2}), values.permute({1, 0, 2})}, 1)); // [l, 2, H, d_h]
    }
    const torch::Tensor flat = torch::cat(blocks, 1).reshape({-1}); // view(l, L·2, H, d_h)
    tensors.emplace_back(adapterhub_base_prefix(c) + "prefix_tuning.prefix_tunings." + name + ".self_prefix.control_trans",
                         to_saved(flat));
    const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(owner));
    configs.push_back({{"architecture", "prefix_tuning"},
                       {"encoder_prefix", true},
                       {"cross_prefix", true},
                       {"leave_out", leave_out_of(layers, static_cast<int>(c.num_layers))},
                       {"flat", true},
                       {"prefix_length", length},
                       {"bottleneck_size", spec.reparam_hidden > 0 ? spec.reparam_hidden : int64_t{512}},
                       {"non_linearity", "tanh"},
                       {"dropout", 0.0},
                       {"use_gating", false},
                       {"shared_gating", true}});
}

// --- classification head ----------------------------------------------------------------------

void add_head(TransformerImpl& model, const std::string& name, const std::string& model_name, AhFamily family,
              AdapterHubFiles& out) {
    if (model.head() != TaskHead::SequenceClassification) return;
    const ModelConfig& c = model.config();
    std::map<std::string, torch::Tensor> by_name;
    for (const auto& nt : model.named_tensors())
        if (!nt.tied && nt.tensor.defined()) by_name.emplace(nt.hf_name, nt.transposed ? nt.tensor.t() : nt.tensor);
    const std::string h = "heads." + name + ".";
    auto put = [&](const std::string& from, const std::string& to) {
        const auto it = by_name.find(from);
        if (it == by_name.end()) throw Error("AdapterHub export: the classification head has no tensor '" + from + "'");
        out.head_tensors.emplace_back(h + to, to_saved(it->second));
    };
    int layers = 1;
    bool bias = false;
    if (family == AhFamily::Encoder) {
        // dense -> tanh -> out: BERT's pooler + classifier, RoBERTa's classification head.
        layers = 2;
        bias = true;
        const bool roberta = c.model_type == "roberta";
        const std::string dense = roberta ? "classifier.dense" : adapterhub_base_prefix(c) + "pooler.dense";
        const std::string last = roberta ? "classifier.out_proj" : "classifier";
        put(dense + ".weight", "1.weight");
        put(dense + ".bias", "1.bias");
        put(last + ".weight", "4.weight");
        put(last + ".bias", "4.bias");
    } else {
        put("score.weight", "1.weight");
    }
    json label2id = json::object();
    for (size_t i = 0; i < c.id2label.size(); ++i) label2id[c.id2label[i]] = i;
    if (label2id.empty())
        for (int64_t i = 0; i < c.num_labels; ++i) label2id["LABEL_" + std::to_string(i)] = i;
    out.head_config = {{"config",
                        {{"head_type", "classification"},
                         {"num_labels", c.num_labels},
                         {"layers", layers},
                         {"activation_function", "tanh"},
                         {"label2id", label2id},
                         {"use_pooler", false},
                         {"bias", bias},
                         {"dropout_prob", nullptr}}},
                       {"hidden_size", c.hidden_size},
                       {"model_class", adapterhub_model_class(c)},
                       {"model_name", model_name},
                       {"model_type", c.model_type},
                       {"name", name},
                       {"version", kAdapterHubVersion}};
}

/// Trained base weights other than the classification head (BitFit, LayerNorm, unfreeze).
void refuse_trained_base_weights(TransformerImpl& model, const Recipe& recipe) {
    std::set<std::string> head;
    for (const SiteInfo& site : model.site_infos())
        if ((site.kind == SiteKind::Head || site.name == "pooler") && model.head() == TaskHead::SequenceClassification)
            head.insert(site.parameter_names.begin(), site.parameter_names.end());
    for (const auto& [name, tensor] : base_parameters_by_hf_name(model)) {
        if (!tensor.requires_grad() || head.count(name)) continue;
        if (name.rfind("classifier.", 0) == 0 && model.head() == TaskHead::SequenceClassification) continue;
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
                                    "', which an AdapterHub adapter cannot carry (only a classification head, in its head files)");
    }
}

} // namespace

std::string adapterhub_name(const std::string& wanted) {
    std::string out;
    for (char ch : wanted) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
        out += ok ? ch : '_';
    }
    return out.empty() ? "adapter" : out;
}

AdapterHubFiles make_adapterhub_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                                        const std::string& wanted_name) {
    const ModelConfig& c = model.config();
    const AhFamily family = adapterhub_family(c, "AdapterHub export");
    const std::string name = adapterhub_name(wanted_name);
    bool lora = false, ia3 = false;
    int lora_index = -1;
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        switch (recipe.modules[static_cast<size_t>(i)].kind) {
        case ModuleKind::Prompt:
            refuse(recipe, i, "the studio does not write AdapterHub prompt tuning (its virtual tokens are placed and "
                              "initialised differently); export it with --format peft");
        case ModuleKind::BitFit:
        case ModuleKind::LayerNorm:
        case ModuleKind::Unfreeze:
            refuse(recipe, i, "it trains base weights, which an AdapterHub adapter cannot carry");
        case ModuleKind::LowRank:
            if (ia3) refuse(recipe, i, "AdapterHub's IA3 is a LoRA config (composition_mode \"scale\"): one adapter holds LoRA or IA3, not both");
            lora = true;
            lora_index = i;
            break;
        case ModuleKind::IA3:
            if (lora) refuse(recipe, i, "AdapterHub's IA3 is a LoRA config (composition_mode \"scale\"): one adapter holds LoRA (" +
                                            module_name_for(recipe, lora_index) + ") or IA3, not both");
            ia3 = true;
            break;
        default: break;
        }
    }
    refuse_trained_base_weights(model, recipe);

    AdapterHubFiles out;
    json configs = json::array();
    add_prefix(model, recipe, name, family, configs, out.tensors);
    add_bottlenecks(model, recipe, name, family, configs, out.tensors);
    if (lora) add_lora_config(model, recipe, name, family, false, configs, out.tensors);
    if (ia3) add_lora_config(model, recipe, name, family, true, configs, out.tensors);
    if (configs.empty())
        throw Error("AdapterHub export: the recipe has no bottleneck, LoRA, IA3 or prefix module attached anywhere; "
                    "nothing to export in AdapterHub format");

    std::string model_name = fs::path(base_model_dir).lexically_normal().filename().string();
    if (model_name.empty()) model_name = fs::path(base_model_dir).lexically_normal().parent_path().filename().string();
    if (c.raw.is_object() && c.raw.contains("_name_or_path") && c.raw["_name_or_path"].is_string() &&
        !c.raw["_name_or_path"].get<std::string>().empty())
        model_name = c.raw["_name_or_path"].get<std::string>();
    const json config = configs.size() == 1 ? configs.front() : json{{"architecture", "union"}, {"configs", configs}};
    out.config = {{"config", config},
                  {"hidden_size", c.hidden_size},
                  {"model_class", adapterhub_model_class(c)},
                  {"model_name", model_name},
                  {"model_type", c.model_type},
                  {"name", name},
                  {"version", kAdapterHubVersion}};
    add_head(model, name, model_name, family, out);
    return out;
}

int64_t write_adapterhub_adapter(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                                 const std::string& name, const StagingDir& out) {
    const AdapterHubFiles files = make_adapterhub_adapter(model, recipe, base_model_dir, name);
    write_json_file(out.file(kAdapterHubConfigFile), files.config);
    write_safetensors(out.file(kAdapterHubWeightsFile), files.tensors);
    int64_t count = static_cast<int64_t>(files.tensors.size());
    if (!files.head_config.is_null()) {
        write_json_file(out.file(kAdapterHubHeadConfigFile), files.head_config);
        write_safetensors(out.file(kAdapterHubHeadWeightsFile), files.head_tensors);
        count += static_cast<int64_t>(files.head_tensors.size());
    }
    return count;
}

// --- shared with the reader ---------------------------------------------------------------------

bool is_adapterhub_config(const nlohmann::json& config) {
    return config.is_object() && config.contains("config") && !config.contains("peft_type");
}

AhFamily adapterhub_family(const ModelConfig& config, const std::string& who) {
    const std::string& t = config.model_type;
    if (t == "bert" || t == "roberta") return AhFamily::Encoder;
    if (t == "gpt2") return AhFamily::Gpt2;
    if (t == "llama" || t == "mistral") return AhFamily::Llama;
    throw Error(who + ": the adapters library (1.2) has no " + t + " integration the studio maps; supported: bert, "
                "roberta, gpt2, llama, mistral");
}

std::string adapterhub_base_prefix(const ModelConfig& config) {
    switch (adapterhub_family(config, "AdapterHub")) {
    case AhFamily::Encoder: return config.model_type + ".";
    case AhFamily::Gpt2: return "transformer.";
    case AhFamily::Llama: return "model.";
    }
    return "model.";
}

std::string adapterhub_layer_path(const ModelConfig& config, int layer) {
    const std::string i = std::to_string(layer);
    switch (adapterhub_family(config, "AdapterHub")) {
    case AhFamily::Encoder: return config.model_type + ".encoder.layer." + i;
    case AhFamily::Gpt2: return "transformer.h." + i;
    case AhFamily::Llama: return "model.layers." + i;
    }
    return "model.layers." + i;
}

std::string adapterhub_bottleneck_path(const ModelConfig& config, int layer, bool attention, const std::string& name) {
    const std::string base = adapterhub_layer_path(config, layer);
    if (adapterhub_family(config, "AdapterHub") == AhFamily::Encoder)
        return base + (attention ? ".attention.output" : ".output") + ".adapters." + name + ".";
    return base + (attention ? ".attention_adapters" : ".output_adapters") + ".adapters." + name + ".";
}

std::string adapterhub_site_path(const ModelConfig& config, const SiteInfo& site) {
    const std::string i = std::to_string(site.layer);
    std::string marker;
    switch (adapterhub_family(config, "AdapterHub")) {
    case AhFamily::Encoder: marker = "encoder.layer." + i + "."; break;
    case AhFamily::Gpt2: marker = "h." + i + "."; break;
    case AhFamily::Llama: marker = "layers." + i + "."; break;
    }
    const std::string& m = site.hf_module;
    size_t at = std::string::npos;
    for (size_t pos = m.find(marker); pos != std::string::npos; pos = m.find(marker, pos + 1))
        if (pos == 0 || m[pos - 1] == '.') {
            at = pos;
            break;
        }
    if (at == std::string::npos) throw Error("AdapterHub: the site " + site.name + " (" + m + ") is outside the layers");
    return adapterhub_layer_path(config, site.layer) + "." + m.substr(at + marker.size());
}

std::string adapterhub_model_class(const ModelConfig& config) {
    const std::string& t = config.model_type;
    if (t == "bert") return "BertAdapterModel";
    if (t == "roberta") return "RobertaAdapterModel";
    if (t == "gpt2") return "GPT2AdapterModel";
    if (t == "mistral") return "MistralAdapterModel";
    return "LlamaAdapterModel";
}

torch::Tensor rotate_prefix_keys(const torch::Tensor& keys, int64_t position, const ModelConfig& config) {
    const int64_t length = keys.size(1);
    const torch::Tensor positions = torch::full({1, length}, position, torch::kLong);
    auto [cos, sin] = rope_tables(positions, config.head_dim, config.rope_theta, torch::kFloat);
    return apply_rope(keys.to(torch::kFloat).unsqueeze(0), cos, sin).squeeze(0);
}

} // namespace peft::exporting
