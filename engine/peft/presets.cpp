// SPDX-License-Identifier: MIT
#include "peft/presets.h"

#include "core/error.h"

#include <algorithm>
#include <functional>
#include <map>

namespace peft {
namespace {

ModuleSpec task_head() {
    ModuleSpec m;
    m.name = "task_head";
    m.kind = ModuleKind::TaskHead;
    return m;
}

/// PEFT's default LoRA targets (peft.utils.constants, TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING).
std::vector<std::string> lora_targets(const ModelConfig& c) {
    switch (c.family) {
    case ModelFamily::Gpt2: return {"c_attn"};
    case ModelFamily::Bert: return {"query", "value"};
    case ModelFamily::Llama: return {"q_proj", "v_proj"};
    }
    return {};
}

/// Every linear layer of the blocks (PEFT's "all-linear" without the heads).
std::vector<std::string> all_linear_targets(const ModelConfig& c) {
    switch (c.family) {
    case ModelFamily::Gpt2: return {"c_attn", "c_proj", "c_fc"};
    case ModelFamily::Bert: return {"query", "key", "value", "output.dense", "intermediate.dense"};
    case ModelFamily::Llama: return {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
    }
    return {};
}

ModuleSpec lora(const ModelConfig& c) {
    ModuleSpec m;
    m.name = "lora";
    m.kind = ModuleKind::LowRank;
    m.target_modules = lora_targets(c);
    m.r = 8;
    m.alpha = 8; // PEFT's LoraConfig default lora_alpha
    return m;
}

ModuleSpec adapter(std::string name, std::vector<std::string> sites, Insertion insertion, double factor,
                   AdapterInit init) {
    ModuleSpec m;
    m.name = std::move(name);
    m.kind = ModuleKind::Bottleneck;
    m.sites = std::move(sites);
    m.insertion = insertion;
    m.reduction_factor = factor;
    m.activation = Activation::ReLU;
    m.init = init;
    return m;
}

ModuleSpec prefix(int64_t length) {
    ModuleSpec m;
    m.name = "prefix";
    m.kind = ModuleKind::Prefix;
    m.sites = {"kv"};
    m.length = length;
    return m;
}

ModuleSpec simple(std::string name, ModuleKind kind) {
    ModuleSpec m;
    m.name = std::move(name);
    m.kind = kind;
    return m;
}

Recipe make(std::string name, std::string description, std::vector<ModuleSpec> modules) {
    Recipe r;
    r.name = std::move(name);
    r.description = std::move(description);
    r.modules = std::move(modules);
    r.modules.push_back(task_head());
    return r;
}

using Builder = std::function<Recipe(const ModelConfig&)>;

const std::vector<std::pair<std::string, Builder>>& builders() {
    static const std::vector<std::pair<std::string, Builder>> table = {
        {"lora", [](const ModelConfig& c) {
             return make("lora", "LoRA r=8, alpha=8 on PEFT's default targets", {lora(c)});
         }},
        {"lora_all", [](const ModelConfig& c) {
             ModuleSpec m = lora(c);
             m.target_modules = all_linear_targets(c);
             m.alpha = 16;
             return make("lora_all",
                         "LoRA r=8, alpha=16 on every linear layer of the blocks (attention and FFN): the best "
                         "LoRA setting of the SST-2 search in docs/benchmarks.md (lr 2e-3)",
                         {m});
         }},
        {"houlsby", [](const ModelConfig&) {
             return make("houlsby", "Houlsby: sequential adapters after attention and FFN (r = d/16), LayerNorms trained",
                         {adapter("adapter", {"attn_out", "ffn_out"}, Insertion::Sequential, 16, AdapterInit::Houlsby),
                          simple("layernorm", ModuleKind::LayerNorm)});
         }},
        {"pfeiffer", [](const ModelConfig&) {
             return make("pfeiffer", "Pfeiffer: one sequential adapter after the FFN (r = d/16)",
                         {adapter("adapter", {"ffn_out"}, Insertion::Sequential, 16, AdapterInit::Bert)});
         }},
        {"parallel_adapter", [](const ModelConfig&) {
             return make("parallel_adapter", "Parallel adapter on the FFN (r = d/2)",
                         {adapter("adapter", {"ffn_out"}, Insertion::Parallel, 2, AdapterInit::Lora)});
         }},
        {"scaled_parallel_adapter", [](const ModelConfig&) {
             ModuleSpec a = adapter("adapter", {"ffn_out"}, Insertion::Parallel, 2, AdapterInit::Lora);
             a.composition = Composition::Scaled;
             a.scale = 4;
             return make("scaled_parallel_adapter", "Scaled parallel adapter on the FFN (r = d/2, s = 4)", {a});
         }},
        {"multihead_parallel_adapter", [](const ModelConfig&) {
             ModuleSpec a = adapter("adapter", {"heads"}, Insertion::Parallel, 0, AdapterInit::Lora);
             a.r = 30;
             return make("multihead_parallel_adapter", "Multi-head parallel adapter: per-head bottleneck r = 30", {a});
         }},
        {"prefix_tuning", [](const ModelConfig&) {
             return make("prefix_tuning",
                         "Prefix tuning, 20 virtual tokens per layer, initialised from real tokens' keys and values "
                         "on decoders (prefix_init auto; see docs/benchmarks.md, SST-2)",
                         {prefix(20)});
         }},
        {"prompt_tuning", [](const ModelConfig&) {
             ModuleSpec m = simple("prompt", ModuleKind::Prompt);
             m.length = 20;
             return make("prompt_tuning", "Prompt tuning, 20 virtual tokens", {m});
         }},
        {"ia3", [](const ModelConfig& c) {
             ModuleSpec m = simple("ia3", ModuleKind::IA3);
             // PEFT's defaults: keys, values and the FFN down projection (scaled on its input).
             m.sites = c.family == ModelFamily::Gpt2 ? std::vector<std::string>{"qkv", "down"}
                                                     : std::vector<std::string>{"k", "v", "down"};
             return make("ia3",
                         "IA3 on keys, values and the FFN down projection's input (few parameters: wants a high "
                         "rate, 3e-2 was best in the SST-2 search of docs/benchmarks.md)",
                         {m});
         }},
        {"bitfit", [](const ModelConfig&) {
             return make("bitfit", "BitFit: every bias vector", {simple("bitfit", ModuleKind::BitFit)});
         }},
        {"layernorm", [](const ModelConfig&) {
             return make("layernorm", "LayerNorm tuning: every norm's weight and bias",
                         {simple("layernorm", ModuleKind::LayerNorm)});
         }},
        {"top_k", [](const ModelConfig& c) {
             ModuleSpec m = simple("top_k", ModuleKind::Unfreeze);
             m.top_k_layers = static_cast<int>(std::max<int64_t>(1, c.num_layers / 4));
             return make("top_k", "The last quarter of the blocks fully trainable", {m});
         }},
        {"full", [](const ModelConfig&) {
             return make("full", "Full fine-tuning", {simple("full", ModuleKind::Unfreeze)});
         }},
        {"mam", [](const ModelConfig&) {
             ModuleSpec a = adapter("ffn_adapter", {"ffn_out"}, Insertion::Parallel, 2, AdapterInit::Lora);
             a.composition = Composition::Scaled;
             a.scale = 4;
             return make("mam", "MAM: prefix l = 30 on attention (from real tokens' keys and values on decoders) + scaled "
                         "parallel adapter (r = d/2, s = 4) on the FFN",
                         {prefix(30), a});
         }},
        {"unipelt", [](const ModelConfig&) {
             ModuleSpec l = simple("lora", ModuleKind::LowRank);
             l.sites = {"q", "v"};
             l.composition = Composition::Gated;
             ModuleSpec a = adapter("adapter", {"ffn_out"}, Insertion::Sequential, 16, AdapterInit::Lora);
             a.composition = Composition::Gated;
             return make("unipelt", "UniPELT: gated LoRA (q, v) + prefix l = 10 + gated sequential adapter",
                         {l, prefix(10), a});
         }},
    };
    return table;
}

} // namespace

std::vector<std::string> preset_names() {
    std::vector<std::string> names;
    for (const auto& [name, builder] : builders()) names.push_back(name);
    return names;
}

Recipe preset(const std::string& name, const ModelConfig& config) {
    for (const auto& [preset_name, builder] : builders())
        if (preset_name == name) return builder(config);
    std::string known;
    for (const auto& n : preset_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error("unknown preset '" + name + "' (known presets: " + known + ")");
}

} // namespace peft
