// SPDX-License-Identifier: MIT
// Rebuilds a recipe from an AdapterHub adapter_config.json (single config or union) and loads
// adapter.safetensors (and the classification head) into it. See adapterhub.h for the mapping.
#include "export/adapterhub.h"

#include "core/error.h"
#include "export/adapter_files.h"
#include "export/export_util.h"
#include "io/safetensors.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "peft/modules.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {
using json = nlohmann::json;

std::string shape_text(at::IntArrayRef shape) {
    std::string out = "[";
    for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

struct Reader {
    std::string config_path;
    std::optional<SafetensorsFile> weights;
    std::optional<SafetensorsFile> head;
    std::set<std::string> used;

    [[noreturn]] void fail(const std::string& where, const std::string& why) const {
        throw Error(config_path + ": " + where + " " + why);
    }
    torch::Tensor take(const std::string& key, const std::string& what, bool from_head = false) {
        SafetensorsFile& file = from_head ? *head : *weights;
        if (!file.contains(key))
            throw Error(file.path() + " has no tensor '" + key + "' (" + what +
                        "); the adapter is incomplete, has another name, or belongs to another base model");
        used.insert(key);
        return file.tensor(key, torch::kFloat);
    }
    void copy(torch::Tensor& destination, const torch::Tensor& value, const std::string& key, const std::string& why) const {
        if (value.sizes() != destination.sizes())
            throw Error(weights->path() + ": tensor '" + key + "' has shape " + shape_text(value.sizes()) +
                        " but the model needs " + shape_text(destination.sizes()) + " (" + why +
                        "); is this the adapter's base model?");
        torch::NoGradGuard no_grad;
        destination.copy_(value.to(destination.device(), destination.scalar_type()));
    }
};

std::vector<int> layers_without(const json& leave_out, int num_layers, const Reader& reader, const std::string& where) {
    std::set<int> out_set;
    if (!leave_out.is_null() && !leave_out.is_array()) reader.fail(where + " 'leave_out'", "must be a list of layer indices");
    if (leave_out.is_array())
        for (const auto& v : leave_out) {
            if (!v.is_number_integer()) reader.fail(where + " 'leave_out'", "must be a list of layer indices");
            out_set.insert(v.get<int>());
        }
    if (out_set.empty()) return {}; // every layer
    std::vector<int> layers;
    for (int i = 0; i < num_layers; ++i)
        if (!out_set.count(i)) layers.push_back(i);
    if (layers.empty()) reader.fail(where + " 'leave_out'", "leaves out every layer");
    return layers;
}

bool flag(const json& c, const char* key, bool fallback) {
    const auto it = c.find(key);
    return it == c.end() || it->is_null() ? fallback : it->get<bool>();
}

Activation activation_of(const std::string& name, const Reader& reader, const std::string& where) {
    if (name == "relu") return Activation::ReLU;
    if (name == "gelu") return Activation::GELU;
    if (name == "swish" || name == "silu") return Activation::SiLU;
    if (name == "tanh") return Activation::Tanh;
    if (name == "linear" || name == "identity") return Activation::Identity;
    reader.fail(where + " 'non_linearity'", "is \"" + name + "\"; supported: relu, gelu, swish, tanh, linear");
}

void bottleneck_spec(const json& c, const ModelConfig& mc, AhFamily family, int index, const Reader& reader, Recipe& recipe) {
    const std::string where = "config " + std::to_string(index) + " (bottleneck)";
    auto expect = [&](const char* key, bool wanted, bool fallback, const std::string& why) {
        if (flag(c, key, fallback) != wanted)
            reader.fail(where + " '" + key + "'", "is " + std::string(wanted ? "false" : "true") + "; " + why);
    };
    const bool parallel = flag(c, "is_parallel", false);
    expect("use_gating", false, false, "gated adapters are not supported");
    if (!parallel) {
        expect("original_ln_before", false, false,
               "the engine's sequential adapter reads the sub-layer output, not LayerNorm(output + residual) "
               "(Pfeiffer's original_ln_before): not supported");
        expect("residual_before_ln", true, true, "the adapter's residual must be the sub-layer output");
        expect("adapter_residual_before_ln", false, false, "the residual is added after ln_after in the engine");
    } else if (family != AhFamily::Encoder) {
        reader.fail(where + " 'is_parallel'", "is true; on " + mc.model_type +
                                                   " the library's parallel adapter reads the un-normalised residual "
                                                   "stream, which the engine's parallel adapter does not");
    }
    expect("original_ln_after", true, true, "the block's own residual and LayerNorm must follow the adapter");
    const bool ln_before = flag(c, "ln_before", false), ln_after = flag(c, "ln_after", false);
    if (ln_before && ln_after) reader.fail(where, "has ln_before and ln_after; the engine's adapter has one LayerNorm");
    for (const char* key : {"phm_layer", "inv_adapter", "cross_adapter", "stochastic_depth"})
        if (c.contains(key) && !c[key].is_null() && c[key] != false && c[key] != 0.0)
            reader.fail(where + " '" + key + "'", "is set; not supported");
    ModuleSpec spec;
    spec.kind = ModuleKind::Bottleneck;
    spec.name = "bottleneck_" + std::to_string(index);
    if (flag(c, "mh_adapter", false)) spec.sites.push_back("attn_out");
    if (flag(c, "output_adapter", true)) spec.sites.push_back("ffn_out");
    if (spec.sites.empty()) reader.fail(where, "has neither mh_adapter nor output_adapter");
    spec.insertion = parallel ? Insertion::Parallel : Insertion::Sequential;
    const json rf = c.value("reduction_factor", json(16.0));
    if (!rf.is_number() || rf.get<double>() <= 0)
        reader.fail(where + " 'reduction_factor'", "must be a positive number (per-layer mappings are not supported)");
    const double factor = rf.get<double>();
    spec.r = std::max<int64_t>(1, static_cast<int64_t>(std::floor(static_cast<double>(mc.hidden_size) / factor + 1e-9)));
    spec.reduction_factor = 0;
    spec.activation = activation_of(c.value("non_linearity", std::string("relu")), reader, where);
    spec.adapter_norm = ln_before ? AdapterNorm::In : ln_after ? AdapterNorm::Out : AdapterNorm::None;
    const std::string init = c.value("init_weights", std::string("bert"));
    spec.init = init == "mam_adapter" ? AdapterInit::Lora : init == "houlsby" ? AdapterInit::Houlsby : AdapterInit::Bert;
    spec.dropout = c.value("dropout", 0.0);
    const json scaling = c.value("scaling", json(1.0));
    if (scaling.is_number()) {
        spec.scale = scaling.get<double>();
        spec.composition = spec.scale == 1.0 ? Composition::Add : Composition::Scaled;
    } else if (scaling == "learned") {
        spec.composition = Composition::LearnedScalar;
    } else if (scaling == "channel") {
        spec.composition = Composition::LearnedChannel;
    } else {
        reader.fail(where + " 'scaling'", "is " + scaling.dump() + "; expected a number, \"learned\" or \"channel\"");
    }
    if (ln_after && spec.composition != Composition::Add)
        reader.fail(where, "combines ln_after with a scale: the library computes LN(s·Δh), the engine s·LN(Δh)");
    spec.layers = layers_without(c.value("leave_out", json()), static_cast<int>(mc.num_layers), reader, where);
    recipe.modules.push_back(spec);
}

void lora_specs(const json& c, const ModelConfig& mc, AhFamily family, int index, const Reader& reader, Recipe& recipe) {
    const std::string mode = c.value("composition_mode", std::string("add"));
    const bool ia3 = mode == "scale";
    const std::string where = "config " + std::to_string(index) + (ia3 ? " (IA3)" : " (LoRA)");
    if (mode != "add" && mode != "scale") reader.fail(where + " 'composition_mode'", "is \"" + mode + "\"; expected add or scale");
    if (flag(c, "use_gating", false)) reader.fail(where + " 'use_gating'", "is true; gated LoRA is not supported");
    if (ia3 && c.value("alpha", 1.0) != 1.0)
        reader.fail(where + " 'alpha'", "is not 1; an IA3 vector with a separate alpha is not supported");
    std::vector<int> layers = layers_without(c.value("leave_out", json()), static_cast<int>(mc.num_layers), reader, where);
    std::vector<std::vector<std::string>> groups; // sites of each module
    if (flag(c, "selfattn_lora", true)) {
        const json matrices = c.value("attn_matrices", json::array({"q", "v"}));
        for (const auto& m : matrices) {
            if (!m.is_string() || (m != "q" && m != "k" && m != "v"))
                reader.fail(where + " 'attn_matrices'", "must list \"q\", \"k\" and/or \"v\"");
            groups.push_back({m.get<std::string>()});
        }
    }
    for (const char* key : {"intermediate_lora", "output_lora"}) {
        if (!flag(c, key, false)) continue;
        if (family == AhFamily::Llama)
            reader.fail(where + " '" + key + "'", "is true; the library maps Llama's feed-forward projections under "
                                                  "names that changed between versions, so the studio does not import them");
        groups.push_back({std::string(key) == "intermediate_lora" ? "up" : "down"});
    }
    if (ia3 && groups.size() > 1) {
        // One IA3 module over every attention matrix: on a fused c_attn it selects those slices
        // together (the engine holds one scale per site), in q, k, v order like the library's blocks.
        std::vector<std::vector<std::string>> merged;
        std::vector<std::string> attention;
        for (const auto& g : groups)
            if (g.front() == "q" || g.front() == "k" || g.front() == "v") attention.push_back(g.front());
            else merged.push_back(g);
        if (!attention.empty()) merged.insert(merged.begin(), attention);
        groups = merged;
    }
    for (const auto& sites : groups) {
        ModuleSpec spec;
        spec.kind = ia3 ? ModuleKind::IA3 : ModuleKind::LowRank;
        spec.name = std::string(ia3 ? "ia3_" : "lora_") + sites.front();
        spec.sites = sites;
        spec.layers = layers;
        if (ia3) {
            spec.scale_input = false;
        } else {
            spec.r = c.value("r", int64_t{8});
            spec.alpha = c.value("alpha", 8.0);
            spec.dropout = c.value("dropout", 0.0);
        }
        recipe.modules.push_back(spec);
    }
}

void prefix_spec(const json& c, const ModelConfig& mc, AhFamily family, int index, const Reader& reader, Recipe& recipe) {
    const std::string where = "config " + std::to_string(index) + " (prefix_tuning)";
    if (family != AhFamily::Llama)
        reader.fail(where, "is a prefix on " + mc.model_type +
                               ": the library leaves real tokens at positions from 0, the engine shifts them after "
                               "the prefix (as transformers does for past_key_values); absolute position embeddings "
                               "make these different models");
    if (flag(c, "use_gating", false)) reader.fail(where + " 'use_gating'", "is true; gated prefixes are not supported");
    ModuleSpec spec;
    spec.kind = ModuleKind::Prefix;
    spec.name = "prefix";
    spec.length = c.value("prefix_length", int64_t{10});
    spec.layers = layers_without(c.value("leave_out", json()), static_cast<int>(mc.num_layers), reader, where);
    recipe.modules.push_back(spec);
}

/// The prefix keys/values of every included layer: [l, L·2, H, d_h] from the flat or MLP form.
torch::Tensor prefix_states(Reader& reader, const json& c, const std::string& base, int64_t layers, const ModelConfig& mc) {
    const int64_t l = c.value("prefix_length", int64_t{10}), H = mc.num_heads, dh = mc.head_dim;
    const std::vector<int64_t> shape{l, layers * 2, H, dh};
    if (flag(c, "flat", false)) {
        torch::Tensor flat = reader.take(base + "control_trans", "the flat prefix");
        if (flat.numel() != l * layers * 2 * H * dh)
            throw Error(reader.weights->path() + ": tensor '" + base + "control_trans' has " + std::to_string(flat.numel()) +
                        " values but prefix_length × layers × 2 × heads × head size is " +
                        std::to_string(l * layers * 2 * H * dh));
        return flat.reshape(shape);
    }
    // The reparameterised form: wte -> Linear -> non_linearity -> Linear, evaluated here (folded).
    const torch::Tensor wte = reader.take(base + "wte.weight", "the prefix embedding");
    const torch::Tensor w0 = reader.take(base + "control_trans.0.weight", "the prefix MLP");
    const torch::Tensor b0 = reader.take(base + "control_trans.0.bias", "the prefix MLP");
    const torch::Tensor w2 = reader.take(base + "control_trans.2.weight", "the prefix MLP");
    const torch::Tensor b2 = reader.take(base + "control_trans.2.bias", "the prefix MLP");
    const Activation act = activation_of(c.value("non_linearity", std::string("tanh")), reader, "prefix");
    torch::Tensor out;
    try {
        out = torch::nn::functional::linear(apply_activation(act, torch::nn::functional::linear(wte, w0, b0)), w2, b2);
    } catch (const c10::Error&) {
        throw Error(reader.weights->path() + ": the prefix MLP tensors under '" + base + "' have mismatched shapes");
    }
    if (out.numel() != l * layers * 2 * H * dh)
        throw Error(reader.weights->path() + ": the prefix MLP under '" + base + "' produces " + std::to_string(out.numel()) +
                    " values; the config and base model need " + std::to_string(l * layers * 2 * H * dh));
    return out.reshape(shape);
}

void load_bottlenecks(Reader& reader, TransformerImpl& model, const Recipe& recipe, const std::string& name) {
    const ModelConfig& c = model.config();
    for (const AttachedModule& am : attached_modules(model)) {
        auto bn = std::dynamic_pointer_cast<BottleneckModule>(am.module);
        if (!bn) continue;
        const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(am.module_index));
        const bool attention = am.site->kind == SiteKind::AttentionOutput;
        const std::string path = adapterhub_bottleneck_path(c, am.site->layer, attention, name);
        const std::string why = "bottleneck adapter at " + am.site->name;
        std::map<std::string, torch::Tensor> params;
        for (const auto& item : bn->named_parameters(true)) params.emplace(item.key(), item.value());
        int down = 0;
        if (spec.adapter_norm == AdapterNorm::In) {
            reader.copy(params.at("norm.weight"), reader.take(path + "adapter_down.0.weight", why), path + "adapter_down.0.weight", "ln_before");
            reader.copy(params.at("norm.bias"), reader.take(path + "adapter_down.0.bias", why), path + "adapter_down.0.bias", "ln_before");
            down = 1;
        }
        const std::string d = path + "adapter_down." + std::to_string(down);
        reader.copy(bn->down_weight, reader.take(d + ".weight", why), d + ".weight", "down projection, r from reduction_factor");
        reader.copy(bn->down_bias, reader.take(d + ".bias", why), d + ".bias", "down projection bias");
        reader.copy(bn->up_weight, reader.take(path + "adapter_up.weight", why), path + "adapter_up.weight", "up projection");
        reader.copy(bn->up_bias, reader.take(path + "adapter_up.bias", why), path + "adapter_up.bias", "up projection bias");
        if (spec.adapter_norm == AdapterNorm::Out) {
            reader.copy(params.at("norm.weight"), reader.take(path + "adapter_norm_after.weight", why), path + "adapter_norm_after.weight", "ln_after");
            reader.copy(params.at("norm.bias"), reader.take(path + "adapter_norm_after.bias", why), path + "adapter_norm_after.bias", "ln_after");
        }
        if (spec.composition == Composition::LearnedScalar || spec.composition == Composition::LearnedChannel) {
            torch::Tensor& scale = params.at("compose.scale");
            torch::Tensor value = reader.take(path + "scaling", why);
            reader.copy(scale, value.numel() == scale.numel() ? value.reshape(scale.sizes()) : value, path + "scaling",
                        "learned scaling");
        }
    }
}

/// The block of a fused c_attn tensor that belongs to `matrix`, given the config's attn_matrices.
torch::Tensor fused_block(const torch::Tensor& t, const std::vector<std::string>& enabled, const std::string& matrix,
                          int64_t rows) {
    int64_t j = 0;
    for (const char* m : {"q", "k", "v"}) {
        if (std::find(enabled.begin(), enabled.end(), m) == enabled.end()) continue;
        if (matrix == m) break;
        ++j;
    }
    return t.narrow(0, j * rows, rows);
}

/// LoRA / IA3 modules built by lora_specs: one per matrix or FFN projection (sites.front()).
void load_loras(Reader& reader, TransformerImpl& model, const Recipe& recipe, const std::string& name,
                const std::map<int, std::vector<std::string>>& enabled_of) {
    const ModelConfig& c = model.config();
    for (const AttachedModule& am : attached_modules(model)) {
        auto lora = std::dynamic_pointer_cast<LoraModule>(am.module);
        auto ia3 = std::dynamic_pointer_cast<IA3Module>(am.module);
        if (!lora && !ia3) continue;
        const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(am.module_index));
        const std::string path = adapterhub_site_path(c, *am.site) + ".loras." + name + ".";
        const std::string why = std::string(lora ? "LoRA" : "IA3") + " on " + am.site->hf_module;
        const bool fused = am.site->role == "qkv";
        const std::vector<std::string>& enabled = enabled_of.at(am.module_index);
        const int64_t n = fused && lora ? static_cast<int64_t>(enabled.size()) : 1; // IA3: its scale spans the slices
        const std::string matrix = spec.sites.front();
        if (lora) {
            const std::string a_key = path + "lora_A", b_key = path + "lora_B";
            torch::Tensor A = reader.take(a_key, why), B = reader.take(b_key, why);
            if (fused) {
                if (A.dim() != 2 || A.size(0) != n * spec.r || B.dim() != 2 || B.size(0) != n * lora->B.size(0))
                    throw Error(reader.weights->path() + ": tensors '" + a_key + "' " + shape_text(A.sizes()) + " and '" +
                                b_key + "' " + shape_text(B.sizes()) + " do not hold " + std::to_string(n) +
                                " blocks of r=" + std::to_string(spec.r) + " (attn_matrices of c_attn)");
                A = fused_block(A, enabled, matrix, spec.r);
                B = fused_block(B, enabled, matrix, lora->B.size(0));
            }
            reader.copy(lora->A, A, a_key, why + ", r from the config");
            reader.copy(lora->B, B, b_key, why + ", r from the config");
        } else {
            const std::string b_key = path + "lora_B";
            torch::Tensor B = reader.take(b_key, why);
            const int64_t rows = ia3->scale.size(0);
            if (B.dim() != 2 || B.size(1) != 1 || B.size(0) != n * rows)
                throw Error(reader.weights->path() + ": tensor '" + b_key + "' has shape " + shape_text(B.sizes()) +
                            " but " + why + " needs [" + std::to_string(n * rows) + ", 1]");
            reader.copy(ia3->scale, B.reshape({-1}), b_key, "IA3 scale");
        }
    }
}

void load_prefix(Reader& reader, TransformerImpl& model, const json& c, const std::string& name) {
    const ModelConfig& mc = model.config();
    std::map<int, std::shared_ptr<PrefixModule>> by_layer;
    for (const AttachedModule& am : attached_modules(model))
        if (auto p = std::dynamic_pointer_cast<PrefixModule>(am.module)) by_layer[am.site->layer] = p;
    if (by_layer.empty()) return;
    const std::string base = adapterhub_base_prefix(mc) + "prefix_tuning.prefix_tunings." + name + ".self_prefix.";
    const torch::Tensor states = prefix_states(reader, c, base, static_cast<int64_t>(by_layer.size()), mc);
    const int64_t l = states.size(0), H = mc.num_heads, dh = mc.head_dim;
    const int64_t kv = mc.num_kv_heads > 0 ? mc.num_kv_heads : H, group = H / kv;
    int64_t k = 0;
    for (auto& [layer, module] : by_layer) {
        auto from_heads = [&](const torch::Tensor& t, const char* what) { // [H, l, d_h] -> [l, kv·d_h]
            const torch::Tensor grouped = t.reshape({kv, group, l, dh});
            const torch::Tensor first = grouped.select(1, 0);
            if (group > 1 && !torch::allclose(grouped, first.unsqueeze(1).expand_as(grouped), 1e-5, 1e-6))
                throw Error(reader.weights->path() + ": the prefix " + what + " of layer " + std::to_string(layer) +
                            " differ between query heads that share a key/value head; the engine keeps prefixes in "
                            "the " + std::to_string(kv) + " KV heads of " + mc.model_type + " and cannot hold them");
            return first.permute({1, 0, 2}).reshape({l, kv * dh});
        };
        const torch::Tensor keys = rotate_prefix_keys(states.select(1, 2 * k).permute({1, 0, 2}), l, mc);
        const torch::Tensor values = states.select(1, 2 * k + 1).permute({1, 0, 2});
        const torch::Tensor matrix = torch::cat({from_heads(keys, "keys"), from_heads(values, "values")}, 1);
        for (auto& item : module->named_parameters(/*recurse=*/false))
            if (item.key() == "prefix") reader.copy(item.value(), matrix, base + "control_trans", "prefix of one layer");
        ++k;
    }
}

void load_head(Reader& reader, TransformerImpl& model, const std::string& name, AhFamily family) {
    if (model.head() != TaskHead::SequenceClassification) return;
    const ModelConfig& c = model.config();
    std::map<std::string, NamedTensor> by_name;
    for (auto& nt : model.named_tensors())
        if (!nt.tied) by_name.emplace(nt.hf_name, nt);
    const std::string h = "heads." + name + ".";
    auto put = [&](const std::string& from, const std::string& to) {
        auto it = by_name.find(to);
        if (it == by_name.end()) throw Error("AdapterHub import: the base model has no head tensor '" + to + "'");
        torch::Tensor value = reader.take(h + from, "the classification head", /*from_head=*/true);
        if (it->second.transposed) value = value.t();
        if (value.sizes() != it->second.tensor.sizes())
            throw Error(reader.head->path() + ": tensor '" + h + from + "' has shape " + shape_text(value.sizes()) +
                        " but the model's " + to + " is " + shape_text(it->second.tensor.sizes()));
        torch::NoGradGuard no_grad;
        it->second.tensor.copy_(value.to(it->second.tensor.device(), it->second.tensor.scalar_type()));
    };
    if (family == AhFamily::Encoder) {
        const bool roberta = c.model_type == "roberta";
        const std::string dense = roberta ? "classifier.dense" : adapterhub_base_prefix(c) + "pooler.dense";
        const std::string last = roberta ? "classifier.out_proj" : "classifier";
        put("1.weight", dense + ".weight");
        put("1.bias", dense + ".bias");
        put("4.weight", last + ".weight");
        put("4.bias", last + ".bias");
    } else {
        put("1.weight", "score.weight");
    }
}

} // namespace

ImportedAdapter import_adapterhub_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype) {
    Reader reader;
    reader.config_path = (fs::path(dir) / kAdapterHubConfigFile).string();
    const json file = read_json_file(reader.config_path);
    if (!is_adapterhub_config(file)) throw Error(reader.config_path + " is not an AdapterHub adapter config (no \"config\" object)");
    const std::string weights_path = (fs::path(dir) / kAdapterHubWeightsFile).string();
    if (!fs::is_regular_file(weights_path))
        throw Error(dir + " has no " + std::string(kAdapterHubWeightsFile) +
                    (fs::is_regular_file(fs::path(dir) / "pytorch_adapter.bin")
                         ? " (pickled pytorch_adapter.bin files are not read: save with use_safetensors=True)"
                         : ""));
    reader.weights.emplace(SafetensorsFile::open(weights_path));

    ModelConfig base = load_model_config(base_model_dir);
    const AhFamily family = adapterhub_family(base, "AdapterHub import");
    ImportedAdapter out;
    out.format = "adapterhub";
    try {
        if (file.contains("model_type") && file["model_type"].is_string() && file["model_type"] != base.model_type)
            reader.fail("'model_type'", "is \"" + file["model_type"].get<std::string>() + "\" but the base model " +
                                            base_model_dir + " is " + base.model_type + ": wrong base architecture");
        if (file.contains("hidden_size") && file["hidden_size"].is_number_integer() &&
            file["hidden_size"].get<int64_t>() != base.hidden_size)
            reader.fail("'hidden_size'", "is " + file["hidden_size"].dump() + " but the base model's is " +
                                             std::to_string(base.hidden_size) + ": another base model");
        const std::string version = file.value("version", std::string());
        if (version.rfind("adapters.", 0) == 0 && version < std::string("adapters.1.1.0"))
            reader.fail("'version'", "is " + version + "; adapters before 1.1.0 used other LoRA scaling rules");
        const std::string name = file.value("name", std::string("adapter"));
        const json& config = file["config"];
        if (!config.is_object())
            reader.fail("'config'", "is " + config.dump() + "; save the adapter with its full config, not a preset name");
        std::vector<json> configs;
        if (config.value("architecture", json()) == "union") {
            for (const auto& sub : config.value("configs", json::array())) configs.push_back(sub);
        } else {
            configs.push_back(config);
        }

        // Head: classification head files, else the model's own head.
        TaskHead head = family == AhFamily::Encoder ? TaskHead::None : TaskHead::CausalLM;
        int64_t num_labels = 0;
        const fs::path head_config_path = fs::path(dir) / kAdapterHubHeadConfigFile;
        if (fs::is_regular_file(head_config_path)) {
            const json hc = read_json_file(head_config_path.string());
            const json hcfg = hc.value("config", json::object());
            const std::string type = hcfg.value("head_type", std::string());
            if (type == "classification") {
                head = TaskHead::SequenceClassification;
                num_labels = hcfg.value("num_labels", int64_t{2});
                const int layers = hcfg.value("layers", 2);
                const int wanted = family == AhFamily::Encoder ? 2 : 1;
                if (layers != wanted || hcfg.value("use_pooler", false) || hcfg.value("activation_function", std::string("tanh")) != "tanh")
                    throw Error(head_config_path.string() + ": a classification head with " + std::to_string(layers) +
                                " layers, use_pooler or another activation has no equivalent in the engine's " +
                                base.model_type + " head (expected layers " + std::to_string(wanted) + ", tanh, no pooler)");
                const fs::path head_weights = fs::path(dir) / kAdapterHubHeadWeightsFile;
                if (!fs::is_regular_file(head_weights))
                    throw Error(dir + " has head_config.json but no " + std::string(kAdapterHubHeadWeightsFile));
                reader.head.emplace(SafetensorsFile::open(head_weights.string()));
            } else if (type != "causal_lm") {
                throw Error(head_config_path.string() + ": head_type \"" + type +
                            "\" is not supported (classification or causal_lm)");
            }
        }
        out.model = load_base_model(base_model_dir, head, num_labels, dtype);
        TransformerImpl& model = *out.model;
        const ModelConfig& mc = model.config();

        std::map<int, std::vector<std::string>> enabled_of; // LoRA/IA3 module -> its config's attn_matrices
        std::optional<json> prefix_config;
        for (size_t i = 0; i < configs.size(); ++i) {
            const json& c = configs[i];
            if (!c.is_object()) reader.fail("config " + std::to_string(i), "is not an object");
            const json arch = c.value("architecture", json());
            const int first = static_cast<int>(out.recipe.modules.size());
            if (arch.is_null() || arch == "bottleneck") {
                bottleneck_spec(c, mc, family, static_cast<int>(i), reader, out.recipe);
            } else if (arch == "lora") {
                lora_specs(c, mc, family, static_cast<int>(i), reader, out.recipe);
                std::vector<std::string> enabled;
                for (const auto& m : c.value("attn_matrices", json::array({"q", "v"}))) enabled.push_back(m.get<std::string>());
                for (int k = first; k < static_cast<int>(out.recipe.modules.size()); ++k) enabled_of[k] = enabled;
            } else if (arch == "prefix_tuning") {
                if (prefix_config) reader.fail("config " + std::to_string(i), "is a second prefix; one is supported");
                prefix_spec(c, mc, family, static_cast<int>(i), reader, out.recipe);
                prefix_config = c;
            } else {
                reader.fail("config " + std::to_string(i) + " 'architecture'",
                            "is " + arch.dump() + "; supported: bottleneck, lora, prefix_tuning and unions of them");
            }
        }
        if (out.recipe.modules.empty()) reader.fail("'config'", "holds no adapter configuration");
        out.peft_type = configs.size() > 1 ? "union" : configs.front().value("architecture", std::string("bottleneck"));
        out.recipe.name = fs::path(dir).filename().string();
        out.recipe.description = "imported from the AdapterHub adapter " + dir;

        inject(model, out.recipe, 0);
        load_bottlenecks(reader, model, out.recipe, name);
        load_loras(reader, model, out.recipe, name, enabled_of);
        if (prefix_config) load_prefix(reader, model, *prefix_config, name);
        load_head(reader, model, name, family);
    } catch (const nlohmann::json::exception& e) {
        throw Error(reader.config_path + ": a field has an unexpected type (" + e.what() + ")");
    }

    std::string unused;
    int count = 0;
    std::vector<std::string> names = reader.weights->names();
    if (reader.head) for (const auto& n : reader.head->names()) names.push_back(n);
    for (const std::string& key : names)
        if (!reader.used.count(key) && count++ < 5) unused += (unused.empty() ? "'" : ", '") + key + "'";
    if (count > 0)
        throw Error(dir + " has " + std::to_string(count) + " tensor(s) its config does not explain: " + unused +
                    (count > 5 ? ", ..." : "") + " (another adapter name or base model, or a feature this importer lacks)");
    out.tensors = static_cast<int64_t>(reader.used.size());
    out.model->eval();
    return out;
}

} // namespace peft::exporting
