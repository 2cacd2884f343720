// SPDX-License-Identifier: MIT
#include "peft/report.h"

#include "models/model.h"
#include "peft/validate.h"

#include <cstdio>
#include <map>
#include <set>

namespace peft {
namespace {

int64_t numel(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Parameters of the composition function: one scalar, one per output channel, or a gate.
int64_t composition_parameters(const ModuleSpec& spec, int64_t x_width, int64_t h_width) {
    switch (spec.composition) {
    case Composition::LearnedScalar: return 1;
    case Composition::LearnedChannel: return h_width;
    case Composition::Gated: return x_width + 1;
    default: return 0;
    }
}

} // namespace

int64_t bottleneck_size(const ModuleSpec& spec, const ModelConfig& config) {
    if (spec.reduction_factor > 0)
        return std::max<int64_t>(1, static_cast<int64_t>(static_cast<double>(config.hidden_size) / spec.reduction_factor));
    return spec.r;
}

int64_t module_parameters_at(const ModuleSpec& spec, const Target& target, const ModelConfig& config) {
    const SiteInfo& site = *target.site;
    const bool linear = site.kind == SiteKind::Linear;
    // x: what the site receives; h: what it produces (the part the module modifies).
    const int64_t x_width = site.in_features;
    const int64_t h_width = linear ? target.selected_width()
                                   : (site.kind == SiteKind::HeadOutput ? site.out_features : site.in_features);
    switch (spec.kind) {
    case ModuleKind::LowRank: {
        const int64_t z = spec.insertion == Insertion::Parallel ? x_width : site.out_features;
        return spec.r * (z + h_width) + composition_parameters(spec, x_width, h_width);
    }
    case ModuleKind::Bottleneck: {
        const int64_t r = bottleneck_size(spec, config);
        const bool parallel = spec.insertion == Insertion::Parallel;
        if (site.kind == SiteKind::HeadOutput) {
            const int64_t heads = config.num_heads, dh = site.out_features / config.num_heads;
            const int64_t z = parallel ? x_width : dh;
            int64_t n = heads * (z * r + r + r * dh + dh);
            if (spec.adapter_norm == AdapterNorm::In) n += 2 * z;
            if (spec.adapter_norm == AdapterNorm::Out) n += 2 * dh;
            return n + composition_parameters(spec, x_width, h_width);
        }
        const int64_t z = parallel ? x_width : h_width;
        int64_t n = z * r + r + r * h_width + h_width;
        if (spec.adapter_norm == AdapterNorm::In) n += 2 * z;
        if (spec.adapter_norm == AdapterNorm::Out) n += 2 * h_width;
        return n + composition_parameters(spec, x_width, h_width);
    }
    case ModuleKind::Prefix: {
        const int64_t kv = site.out_features; // kv_heads * head_dim: GQA prefixes live in KV space
        if (spec.reparam_hidden <= 0) return spec.length * 2 * kv;
        const int64_t d = config.hidden_size, b = spec.reparam_hidden;
        return spec.length * d + d * b + b + b * 2 * kv + 2 * kv;
    }
    case ModuleKind::Prompt: return spec.length * config.hidden_size;
    case ModuleKind::IA3: {
        const bool input = spec.scale_input.value_or(site.role == "down");
        return input ? site.in_features : h_width;
    }
    default: return 0;
    }
}

bool unfreezes(const ModuleSpec& spec, const SiteInfo& site, const std::string& name, TaskHead head) {
    switch (spec.kind) {
    case ModuleKind::BitFit: return ends_with(name, "bias");
    case ModuleKind::LayerNorm: return site.kind == SiteKind::Norm;
    case ModuleKind::Unfreeze: return true;
    // A causal LM head is usually tied to the embeddings: "task head" means a classifier.
    case ModuleKind::TaskHead: return head == TaskHead::SequenceClassification;
    default: return false;
    }
}

ParameterReport make_report(const ModelConfig& config, const std::vector<SiteInfo>& sites, TaskHead head,
                            const Recipe& recipe) {
    check_recipe(recipe, config, sites);
    ParameterReport report;
    for (const auto& site : sites)
        for (const auto& shape : site.parameter_shapes) report.base_parameters += numel(shape);

    std::map<std::string, int64_t> per_site;  // site name -> trainable
    std::set<std::string> unfrozen;           // base parameter names, counted once overall
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        const ModuleSpec& spec = recipe.modules[i];
        ModuleReport mr{i, spec.name, spec.kind, 0, 0};
        for (const Target& target : resolve_targets(i, spec, sites)) {
            const SiteInfo& site = *target.site;
            const int64_t added = module_parameters_at(spec, target, config);
            mr.new_parameters += added;
            per_site[site.name] += added;
            for (size_t p = 0; p < site.parameter_names.size(); ++p) {
                const std::string& pname = site.parameter_names[p];
                if (!unfreezes(spec, site, pname, head)) continue;
                const int64_t n = numel(site.parameter_shapes[p]);
                mr.unfrozen_parameters += n;
                if (unfrozen.insert(pname).second) per_site[site.name] += n;
            }
        }
        report.added_parameters += mr.new_parameters;
        report.modules.push_back(mr);
    }
    int64_t unfrozen_total = 0;
    std::map<int, int64_t> per_layer;
    for (const auto& site : sites) {
        for (size_t p = 0; p < site.parameter_names.size(); ++p)
            if (unfrozen.count(site.parameter_names[p])) unfrozen_total += numel(site.parameter_shapes[p]);
        auto it = per_site.find(site.name);
        if (it == per_site.end() || it->second == 0) continue;
        report.sites.push_back({site.name, site.layer, it->second});
        per_layer[site.layer] += it->second;
    }
    for (const auto& [layer, n] : per_layer) report.layers.push_back({layer, n});
    report.trainable = report.added_parameters + unfrozen_total;
    report.total = report.base_parameters + report.added_parameters;
    return report;
}

ParameterReport make_report(const ModelConfig& config, TaskHead head, const Recipe& recipe) {
    return make_report(config, describe_sites(config, head), head, recipe);
}

std::string format_thousands(int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string peft_summary_line(int64_t trainable, int64_t total) {
    // PEFT prints f"trainable%: {100 * trainable_params / all_param:.4f}".
    char percent[64];
    std::snprintf(percent, sizeof percent, "%.4f", total ? 100.0 * static_cast<double>(trainable) / static_cast<double>(total) : 0.0);
    return "trainable params: " + format_thousands(trainable) + " || all params: " + format_thousands(total) +
           " || trainable%: " + percent;
}

std::string peft_summary_line(const ParameterReport& report) {
    return peft_summary_line(report.trainable, report.total);
}

} // namespace peft
