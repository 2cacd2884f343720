// SPDX-License-Identifier: MIT
#include "peft/matching.h"

#include "core/error.h"

#include <algorithm>
#include <regex>
#include <set>

namespace peft {
namespace {

[[noreturn]] void fail(int index, const ModuleSpec& spec, const std::string& field, const std::string& why) {
    throw RecipeError(index, spec.name, field, why);
}

bool is_qkv_role(const std::string& role) { return role == "q" || role == "k" || role == "v"; }

/// Sites with a concrete Hugging Face module (what PEFT's target_modules can name).
bool hf_addressable(SiteKind kind) {
    return kind == SiteKind::Linear || kind == SiteKind::Norm || kind == SiteKind::Head ||
           kind == SiteKind::Embeddings;
}

/// The set of block indices a module is restricted to; empty = no restriction.
std::set<int> wanted_layers(int index, const ModuleSpec& spec, int num_layers) {
    std::set<int> out;
    if (spec.top_k_layers > 0) {
        if (spec.top_k_layers > num_layers)
            fail(index, spec, "top_k_layers", "asks for the last " + std::to_string(spec.top_k_layers) +
                 " blocks but the model has " + std::to_string(num_layers));
        for (int i = num_layers - spec.top_k_layers; i < num_layers; ++i) out.insert(i);
        return out;
    }
    for (int layer : spec.layers) {
        int resolved = layer < 0 ? num_layers + layer : layer;
        if (resolved < 0 || resolved >= num_layers)
            fail(index, spec, "layers", "layer " + std::to_string(layer) + " is out of range (the model has " +
                 std::to_string(num_layers) + " blocks: 0.." + std::to_string(num_layers - 1) + ")");
        out.insert(resolved);
    }
    return out;
}

} // namespace

int64_t Target::selected_width() const {
    if (slices.empty()) return site->out_features;
    int64_t width = 0;
    for (const auto& s : slices) width += s.end - s.begin;
    return width;
}

bool can_attach(ModuleKind kind, SiteKind site_kind) {
    switch (kind) {
    case ModuleKind::LowRank:
    case ModuleKind::IA3: return site_kind == SiteKind::Linear;
    case ModuleKind::Bottleneck:
        return site_kind == SiteKind::AttentionOutput || site_kind == SiteKind::FfnOutput ||
               site_kind == SiteKind::HeadOutput || site_kind == SiteKind::Linear;
    case ModuleKind::Prefix: return site_kind == SiteKind::AttentionKV;
    case ModuleKind::Prompt: return site_kind == SiteKind::Embeddings;
    case ModuleKind::LayerNorm: return site_kind == SiteKind::Norm;
    case ModuleKind::TaskHead: return site_kind == SiteKind::Head || site_kind == SiteKind::Linear;
    case ModuleKind::BitFit:
    case ModuleKind::Unfreeze: return true;
    }
    return false;
}

std::vector<std::string> attachable_sites(ModuleKind kind, const std::vector<SiteInfo>& sites) {
    std::vector<std::string> out;
    for (const auto& s : sites)
        if (can_attach(kind, s.kind)) out.push_back(s.name);
    return out;
}

bool suffix_match(const std::string& key, const std::string& pattern) {
    if (key == pattern) return true;
    return key.size() > pattern.size() && key.compare(key.size() - pattern.size(), pattern.size(), pattern) == 0 &&
           key[key.size() - pattern.size() - 1] == '.';
}

int layer_index_from_key(const std::string& key, const std::vector<std::string>& patterns) {
    // Mirrors peft.tuners.tuners_utils: r".*\.{pattern}\.(\d+)\." (any component when no pattern).
    std::vector<std::string> alternatives = patterns.empty() ? std::vector<std::string>{"[^.]*"} : patterns;
    for (const auto& p : alternatives) {
        std::smatch m;
        std::regex re("(?:^|.*\\.)" + p + "\\.(\\d+)(?:\\.|$).*");
        if (std::regex_match(key, m, re)) return std::stoi(m[1].str());
    }
    return -1;
}

int count_layers(const std::vector<SiteInfo>& sites) {
    int n = 0;
    for (const auto& s : sites) n = std::max(n, s.layer + 1);
    return n;
}

std::vector<Target> resolve_targets(int index, const ModuleSpec& spec, const std::vector<SiteInfo>& sites) {
    const int num_layers = count_layers(sites);
    const std::set<int> layers = wanted_layers(index, spec, num_layers);
    const bool hf = !spec.target_modules.empty() || !spec.target_regex.empty();
    std::optional<std::regex> regex;
    if (!spec.target_regex.empty()) {
        try {
            regex.emplace(spec.target_regex);
        } catch (const std::regex_error& e) {
            fail(index, spec, "target_modules", "invalid regular expression '" + spec.target_regex + "': " + e.what());
        }
    }
    for (int layer : spec.layers_to_transform)
        if (layer < 0 || layer >= num_layers)
            fail(index, spec, "layers_to_transform", "layer " + std::to_string(layer) + " is out of range (the model has " +
                 std::to_string(num_layers) + " blocks)");

    std::vector<Target> out;
    std::set<std::string> used_selectors;
    for (const auto& site : sites) {
        if (!can_attach(spec.kind, site.kind)) continue;
        if (!layers.empty() && (site.layer < 0 || !layers.count(site.layer))) continue;
        Target target{&site, {}};
        bool selected = false;
        if (hf) {
            if (!hf_addressable(site.kind) || site.hf_module.empty()) continue;
            if (regex) {
                selected = std::regex_match(site.hf_module, *regex);
            } else {
                for (const auto& p : spec.target_modules)
                    if (suffix_match(site.hf_module, p)) { selected = true; used_selectors.insert(p); }
            }
            if (selected && !spec.layers_to_transform.empty()) {
                int layer = layer_index_from_key(site.hf_module, spec.layers_pattern);
                selected = std::find(spec.layers_to_transform.begin(), spec.layers_to_transform.end(), layer) !=
                           spec.layers_to_transform.end();
            }
        } else if (spec.sites.empty()) {
            // The task head's default is the head itself (and BERT's pooler), not every linear.
            selected = spec.kind != ModuleKind::TaskHead || site.role == "head" || site.role == "pooler";
        } else {
            for (const auto& sel : spec.sites) {
                if (sel == "all" || sel == site.name || sel == site.role) {
                    selected = true;
                    target.slices.clear(); // the whole site, even if a slice was selected too
                    used_selectors.insert(sel);
                    break;
                }
                if (is_qkv_role(sel) && !site.slices.empty()) {
                    for (const auto& slice : site.slices)
                        if (slice.role == sel) {
                            selected = true;
                            target.slices.push_back(slice);
                            used_selectors.insert(sel);
                        }
                }
            }
        }
        if (!selected) continue;
        if (!spec.slices.empty()) {
            if (site.slices.empty())
                fail(index, spec, "slices", "site '" + site.name + "' is not a fused projection (it has no slices)");
            std::vector<SiteInfo::Slice> restricted;
            for (const auto& slice : site.slices) {
                bool want = std::find(spec.slices.begin(), spec.slices.end(), slice.role) != spec.slices.end();
                if (want) restricted.push_back(slice);
            }
            for (const auto& want : spec.slices)
                if (std::none_of(site.slices.begin(), site.slices.end(), [&](const auto& s) { return s.role == want; }))
                    fail(index, spec, "slices", "site '" + site.name + "' has no slice '" + want + "'");
            target.slices = restricted;
        } else if (target.slices.size() == site.slices.size()) {
            target.slices.clear(); // every slice = the whole projection
        }
        // Keep slices in the site's order so the fused update is contiguous where possible.
        std::sort(target.slices.begin(), target.slices.end(),
                  [](const auto& a, const auto& b) { return a.begin < b.begin; });
        out.push_back(std::move(target));
    }

    // A selector that names nothing is a mistake worth reporting (a typo, or the wrong family).
    const auto& selectors = hf ? spec.target_modules : spec.sites;
    for (const auto& sel : selectors) {
        if (sel == "all" || used_selectors.count(sel)) continue;
        bool exists = std::any_of(sites.begin(), sites.end(), [&](const SiteInfo& s) {
            if (hf) return suffix_match(s.hf_module, sel);
            return s.name == sel || s.role == sel ||
                   std::any_of(s.slices.begin(), s.slices.end(), [&](const auto& sl) { return sl.role == sel; });
        });
        if (!exists)
            fail(index, spec, hf ? "target_modules" : "sites", "'" + sel + "' matches no site of this model");
        bool attachable = std::any_of(sites.begin(), sites.end(), [&](const SiteInfo& s) {
            bool named = hf ? suffix_match(s.hf_module, sel)
                            : (s.name == sel || s.role == sel ||
                               std::any_of(s.slices.begin(), s.slices.end(), [&](const auto& sl) { return sl.role == sel; }));
            return named && can_attach(spec.kind, s.kind);
        });
        if (!attachable)
            fail(index, spec, hf ? "target_modules" : "sites",
                 "'" + sel + "' is a site a " + module_kind_name(spec.kind) + " module cannot attach to (it attaches to: " +
                     [&] {
                         std::set<std::string> kinds;
                         for (auto k : {SiteKind::Linear, SiteKind::AttentionOutput, SiteKind::HeadOutput,
                                        SiteKind::FfnOutput, SiteKind::AttentionKV, SiteKind::Embeddings,
                                        SiteKind::Norm, SiteKind::Head})
                             if (can_attach(spec.kind, k)) kinds.insert(site_kind_name(k));
                         std::string s;
                         for (const auto& k : kinds) s += (s.empty() ? "" : ", ") + k;
                         return s;
                     }() + " sites)");
    }
    if (out.empty() && !(spec.kind == ModuleKind::TaskHead))
        fail(index, spec, hf ? "target_modules" : "sites", "selects no site of this model");
    return out;
}

} // namespace peft
