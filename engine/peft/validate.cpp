// SPDX-License-Identifier: MIT
#include "peft/validate.h"

#include "peft/matching.h"
#include "peft/report.h"

#include <cmath>
#include <map>
#include <set>

namespace peft {
namespace {

class Collector {
public:
    Collector(std::vector<ValidationIssue>& out, int index, const ModuleSpec& spec) : out_(out), index_(index), spec_(spec) {}
    void add(const std::string& field, const std::string& message) {
        out_.push_back({index_, spec_.name, field, message});
    }
    void finite_non_negative(const char* field, double value) {
        if (std::isnan(value) || std::isinf(value)) add(field, "must be a finite number (got " + std::to_string(value) + ")");
        else if (value < 0) add(field, "must not be negative (got " + std::to_string(value) + ")");
    }
    void at_least(const char* field, int64_t value, int64_t minimum) {
        if (value < minimum) add(field, "must be at least " + std::to_string(minimum) + " (got " + std::to_string(value) + ")");
    }

private:
    std::vector<ValidationIssue>& out_;
    int index_;
    const ModuleSpec& spec_;
};

bool composes(ModuleKind kind) { return kind == ModuleKind::LowRank || kind == ModuleKind::Bottleneck; }

void check_values(Collector& c, const ModuleSpec& m, const ModelConfig& config) {
    if (m.name.empty()) c.add("name", "must not be empty");
    if (composes(m.kind)) {
        c.finite_non_negative("scale", m.scale);
        c.finite_non_negative("dropout", m.dropout);
        if (m.dropout >= 1.0) c.add("dropout", "must be below 1 (got " + std::to_string(m.dropout) + ")");
    } else if (m.composition != Composition::Add) {
        c.add("composition", std::string("a ") + module_kind_name(m.kind) +
              " module has no composition of its own (only low_rank and bottleneck modules compose)");
    }
    switch (m.kind) {
    case ModuleKind::LowRank:
        c.at_least("r", m.r, 1);
        c.finite_non_negative("alpha", m.alpha);
        break;
    case ModuleKind::Bottleneck:
        c.finite_non_negative("reduction_factor", m.reduction_factor);
        if (!(m.reduction_factor > 0)) c.at_least("r", m.r, 1);
        break;
    case ModuleKind::Prefix:
        c.at_least("length", m.length, 1);
        c.at_least("reparam_hidden", m.reparam_hidden, 0);
        // Hugging Face models put real tokens at positions l.. after a prefix: they must fit.
        if (m.length + 1 > config.max_positions)
            c.add("length", "prefix length " + std::to_string(m.length) + " plus one token does not fit the model's " +
                  std::to_string(config.max_positions) + " positions");
        if (m.prefix_init == PrefixInit::Tokens) {
            if (!config.is_decoder())
                c.add("prefix_init", "'tokens' reads the keys and values of a decoder's cache; this " + config.model_type +
                      " model has none (use \"normal\")");
            if (m.reparam_hidden > 0)
                c.add("prefix_init", "'tokens' sets the prefix itself; with reparam_hidden the prefix is an MLP's output "
                      "(use \"normal\")");
            for (int64_t id : m.init_token_ids)
                if (id < 0 || id >= config.vocab_size) {
                    c.add("init_token_ids", "token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                          std::to_string(config.vocab_size - 1) + ")");
                    break;
                }
        }
        break;
    case ModuleKind::Prompt:
        c.at_least("length", m.length, 1);
        if (m.length + 1 > config.max_positions)
            c.add("length", std::to_string(m.length) + " virtual tokens plus one token do not fit the model's " +
                  std::to_string(config.max_positions) + " positions");
        if (m.prompt_init == PromptInit::Text) {
            if (m.init_token_ids.empty()) c.add("init_token_ids", "text initialisation needs the token ids of the text");
            for (int64_t id : m.init_token_ids)
                if (id < 0 || id >= config.vocab_size) {
                    c.add("init_token_ids", "token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                          std::to_string(config.vocab_size - 1) + ")");
                    break;
                }
        }
        break;
    default: break;
    }
    c.at_least("top_k_layers", m.top_k_layers, 0);
}

} // namespace

std::string ValidationIssue::to_string() const {
    std::string who = module_index < 0 ? std::string("recipe")
                                       : "module " + std::to_string(module_index) + " '" + module_name + "'";
    return who + ": field '" + field + "': " + message;
}

std::vector<ValidationIssue> validate(const Recipe& recipe, const ModelConfig& config, const std::vector<SiteInfo>& sites) {
    std::vector<ValidationIssue> issues;
    if (recipe.version != kRecipeVersion)
        issues.push_back({-1, "", "version", "version " + std::to_string(recipe.version) + " is not supported (expected " +
                          std::to_string(kRecipeVersion) + ")"});
    std::map<std::string, int> names;
    int prompt_modules = 0;
    std::map<std::string, int> ia3_sites; // site -> first IA3 module
    for (int i = 0; i < static_cast<int>(recipe.modules.size()); ++i) {
        const ModuleSpec& m = recipe.modules[i];
        Collector c(issues, i, m);
        if (auto [it, fresh] = names.emplace(m.name, i); !fresh)
            c.add("name", "the name is already used by module " + std::to_string(it->second) + " (names must be unique)");
        check_values(c, m, config);
        if (m.kind == ModuleKind::Prompt && ++prompt_modules > 1)
            c.add("kind", "a recipe can hold one prompt-tuning module only (virtual tokens would be ambiguous)");
        std::vector<Target> targets;
        try {
            targets = resolve_targets(i, m, sites);
        } catch (const RecipeError& e) {
            c.add(e.field, e.reason);
            continue;
        }
        // Unfreezing kinds must find something to unfreeze (Llama has no biases for BitFit).
        if (m.kind == ModuleKind::BitFit || m.kind == ModuleKind::LayerNorm || m.kind == ModuleKind::Unfreeze) {
            bool any = false;
            for (const auto& t : targets)
                for (const auto& name : t.site->parameter_names)
                    any = any || unfreezes(m, *t.site, name, TaskHead{});
            if (!any)
                c.add("sites", std::string("the selected sites have no ") +
                      (m.kind == ModuleKind::BitFit ? "bias vectors (this architecture has no biases there)"
                                                    : "parameters to unfreeze"));
        }
        for (const auto& t : targets) {
            if (m.kind == ModuleKind::Bottleneck && !t.slices.empty())
                c.add("sites", "a bottleneck adapter cannot modify part of the fused projection '" + t.site->name +
                      "'; attach it to the whole projection or to attn_out/ffn_out");
            if (m.kind == ModuleKind::IA3) {
                auto [it, fresh] = ia3_sites.emplace(t.site->name, i);
                if (!fresh) c.add("sites", "site '" + t.site->name + "' already has an IA3 module (module " +
                                  std::to_string(it->second) + "); two scales on one site are redundant");
            }
            if (m.kind == ModuleKind::LowRank && m.insertion == Insertion::Sequential && t.site->kind != SiteKind::Linear)
                c.add("insertion", "sequential low-rank modules need a linear site");
        }
    }
    return issues;
}

void check_recipe(const Recipe& recipe, const ModelConfig& config, const std::vector<SiteInfo>& sites) {
    auto issues = validate(recipe, config, sites);
    if (issues.empty()) return;
    const ValidationIssue& first = issues.front();
    std::string more = issues.size() > 1 ? " (and " + std::to_string(issues.size() - 1) + " more problems)" : "";
    throw RecipeError(first.module_index, first.module_name, first.field, first.message + more);
}

} // namespace peft
