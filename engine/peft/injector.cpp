// SPDX-License-Identifier: MIT
#include "peft/injector.h"

#include "peft/matching.h"
#include "peft/modules.h"
#include "peft/report.h"
#include "peft/validate.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <unordered_set>

namespace peft {
namespace {

/// Site submodule names may not contain '.': "peft0_lora", "peft2_ffn_adapter".
std::string attach_name(int index, const std::string& name) {
    std::string out = "peft" + std::to_string(index) + "_";
    for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

/// Per-site order class: scales first, then parallel modules (they read the site's input), then
/// sequential ones (they read the running output, including every parallel Δh).
int order_class(const ModuleSpec& spec) {
    if (spec.kind == ModuleKind::IA3) return 0;
    if ((spec.kind == ModuleKind::LowRank || spec.kind == ModuleKind::Bottleneck) && spec.insertion == Insertion::Sequential)
        return 2;
    return 1;
}

/// Engine parameters by Hugging Face name (matched through storage, since named_tensors may
/// hand out views of the parameters).
std::map<std::string, torch::Tensor> parameters_by_hf_name(TransformerImpl& model) {
    std::map<const void*, torch::Tensor> by_ptr;
    for (auto& p : model.parameters()) by_ptr.emplace(p.data_ptr(), p);
    std::map<std::string, torch::Tensor> out;
    for (auto& nt : model.named_tensors()) {
        if (!nt.tensor.defined()) continue;
        auto it = by_ptr.find(nt.tensor.data_ptr());
        if (it != by_ptr.end() && it->second.numel() == nt.tensor.numel()) out.emplace(nt.hf_name, it->second);
    }
    return out;
}

torch::Tensor token_embedding_table(TransformerImpl& model, const std::map<std::string, torch::Tensor>& params) {
    for (const auto& site : model.site_infos()) {
        if (site.kind != SiteKind::Embeddings) continue;
        for (size_t i = 0; i < site.parameter_names.size(); ++i) {
            const auto& shape = site.parameter_shapes[i];
            if (shape.size() == 2 && shape[0] == model.config().vocab_size) {
                auto it = params.find(site.parameter_names[i]);
                if (it != params.end()) return it->second;
            }
        }
    }
    return {};
}

std::shared_ptr<SiteModule> build_module(const ModuleSpec& spec, const Target& target, const ModelConfig& config,
                                         const torch::Tensor& embeddings) {
    switch (spec.kind) {
    case ModuleKind::LowRank: return std::make_shared<LoraModule>(spec, target);
    case ModuleKind::Bottleneck: return std::make_shared<BottleneckModule>(spec, target, config);
    case ModuleKind::Prefix: return std::make_shared<PrefixModule>(spec, target, config);
    case ModuleKind::Prompt: return std::make_shared<PromptModule>(spec, config, embeddings);
    case ModuleKind::IA3: return std::make_shared<IA3Module>(spec, target);
    default: return nullptr; // kinds that only unfreeze existing weights
    }
}

/// Tokens init (Li & Liang): the keys and values `spec`'s tokens get from the model as it is now,
/// one [1, kv_heads, l, d_h] pair per layer in the returned cache. The prefix then plays the role
/// of those tokens as past keys and values: keys carry their rotation for positions 0..l-1, and
/// real tokens start at position l, so the model starts out as if the tokens preceded the input.
KVCache token_prefix_cache(TransformerImpl& model, const ModuleSpec& spec, uint64_t seed, const torch::Device& device) {
    const int64_t vocab = model.config().vocab_size;
    std::vector<int64_t> ids;
    if (!spec.init_token_ids.empty()) {
        for (int64_t i = 0; i < spec.length; ++i) ids.push_back(spec.init_token_ids[static_cast<size_t>(i) % spec.init_token_ids.size()]);
    } else {
        // Vocabulary tokens drawn with the seed; ids below 3 are skipped (the usual pad/BOS/EOS).
        const int64_t low = vocab > 3 ? 3 : 0;
        std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
        std::uniform_int_distribution<int64_t> pick(low, vocab - 1);
        for (int64_t i = 0; i < spec.length; ++i) ids.push_back(pick(rng));
    }
    KVCache cache;
    ForwardInput in;
    in.input_ids = torch::tensor(ids, torch::kLong).unsqueeze(0).to(device);
    in.cache = &cache;
    const bool was_training = model.is_training();
    model.eval();
    {
        torch::NoGradGuard no_grad;
        model.forward(in);
    }
    model.train(was_training);
    return cache;
}

} // namespace

void inject(TransformerImpl& model, const Recipe& recipe, uint64_t seed) {
    const ModelConfig& config = model.config();
    const std::vector<SiteInfo>& sites = model.site_infos();
    check_recipe(recipe, config, sites);

    for (auto& p : model.parameters()) p.set_requires_grad(false);
    torch::manual_seed(seed);

    torch::Device device = torch::kCPU;
    torch::ScalarType dtype = torch::kFloat;
    if (auto params = model.parameters(); !params.empty()) {
        device = params.front().device();
        dtype = params.front().scalar_type();
    }
    const auto by_name = parameters_by_hf_name(model);
    const torch::Tensor table = token_embedding_table(model, by_name);

    struct Pending {
        size_t site_order;
        int order_class;
        int module_index;
        std::string site;
        std::shared_ptr<SiteModule> module;
    };
    std::map<std::string, size_t> site_order;
    for (size_t i = 0; i < sites.size(); ++i) site_order[sites[i].name] = i;

    // Tokens-initialised prefixes read the model before any module of this recipe is attached.
    std::map<int, KVCache> token_caches;
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        const ModuleSpec& spec = recipe.modules[static_cast<size_t>(i)];
        const bool tokens = spec.prefix_init == PrefixInit::Tokens ||
                            (spec.prefix_init == PrefixInit::Auto && config.is_decoder() && spec.reparam_hidden <= 0);
        if (spec.kind == ModuleKind::Prefix && tokens)
            token_caches[i] = token_prefix_cache(model, spec, seed, device);
    }

    std::vector<Pending> pending;
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        const ModuleSpec& spec = recipe.modules[i];
        for (const Target& target : resolve_targets(i, spec, sites)) {
            const SiteInfo& site = *target.site;
            for (const auto& pname : site.parameter_names) {
                if (!unfreezes(spec, site, pname, model.head())) continue;
                auto it = by_name.find(pname);
                if (it == by_name.end())
                    throw Error("recipe: " + module_label(i, spec) + ": the model has no parameter '" + pname +
                                "' at site '" + site.name + "' (an engine bug: sites and tensors disagree)");
                it->second.set_requires_grad(true);
            }
            auto module = build_module(spec, target, config, table);
            if (auto cache = token_caches.find(i); cache != token_caches.end() && module) {
                const auto layer = static_cast<size_t>(site.layer);
                if (site.layer < 0 || cache->second.keys.size() <= layer || !cache->second.keys[layer].defined())
                    throw Error("recipe: " + module_label(i, spec) + ": prefix_init 'tokens': the model cached no keys for '" +
                                site.name + "' (use \"normal\")");
                std::static_pointer_cast<PrefixModule>(module)->set_prefix(cache->second.keys[layer][0],
                                                                           cache->second.values[layer][0]);
            }
            if (module)
                pending.push_back({site_order[site.name], order_class(spec), i, site.name, std::move(module)});
        }
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
        return std::tie(a.site_order, a.order_class, a.module_index) < std::tie(b.site_order, b.order_class, b.module_index);
    });
    for (auto& p : pending) {
        p.module->to(device, dtype);
        p.module->train(model.is_training());
        model.site(p.site).attach(attach_name(p.module_index, recipe.modules[static_cast<size_t>(p.module_index)].name),
                                  p.module);
    }
}

void remove_modules(TransformerImpl& model) {
    for (auto& [name, site] : model.sites()) site->clear();
}

std::vector<torch::Tensor> trainable_parameters(TransformerImpl& model) {
    std::vector<torch::Tensor> out;
    std::unordered_set<const void*> seen;
    for (auto& p : model.parameters())
        if (p.requires_grad() && seen.insert(p.unsafeGetTensorImpl()).second) out.push_back(p);
    return out;
}

std::pair<int64_t, int64_t> count_parameters(TransformerImpl& model) {
    std::unordered_set<const void*> seen;
    int64_t total = 0, trainable = 0;
    for (auto& p : model.parameters()) {
        if (!seen.insert(p.unsafeGetTensorImpl()).second) continue;
        total += p.numel();
        if (p.requires_grad()) trainable += p.numel();
    }
    return {total, trainable};
}

} // namespace peft
