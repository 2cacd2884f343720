// SPDX-License-Identifier: MIT
// Trainable-parameter report and training-memory estimate of a recipe on a model, computed from
// the config and the site descriptions alone (no weights). Plain types only (Qt includes it).
#pragma once

#include "io/model_config.h"
#include "models/site_info.h"
#include "peft/matching.h"
#include "peft/recipe.h"

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

// Defined in models/model.h (which pulls in LibTorch); its underlying type is int.
enum class TaskHead;

struct ModuleReport {
    int index = 0;
    std::string name;
    ModuleKind kind = ModuleKind::LowRank;
    int64_t new_parameters = 0;      ///< parameters the module adds
    int64_t unfrozen_parameters = 0; ///< existing parameters it makes trainable
    int64_t trainable() const { return new_parameters + unfrozen_parameters; }
};

struct LayerReport {
    int layer = -1; ///< -1: outside the blocks (embeddings, final norm, head)
    int64_t trainable = 0;
};

struct SiteReport {
    std::string site;
    int layer = -1;
    int64_t trainable = 0;
};

struct ParameterReport {
    int64_t base_parameters = 0;  ///< the model without modules
    int64_t added_parameters = 0; ///< parameters modules add
    int64_t trainable = 0;        ///< added + unfrozen base parameters (each counted once)
    int64_t total = 0;            ///< base + added
    double trainable_percent() const { return total ? 100.0 * static_cast<double>(trainable) / static_cast<double>(total) : 0.0; }
    std::vector<ModuleReport> modules; ///< in recipe order
    std::vector<LayerReport> layers;   ///< layers with trainable parameters, ascending (-1 first)
    std::vector<SiteReport> sites;     ///< sites with trainable parameters, in model order
};

/// Parameters a module of `spec` adds at `target` (what the injected module's numel is).
int64_t module_parameters_at(const ModuleSpec& spec, const Target& target, const ModelConfig& config);
/// Bottleneck size: `r`, or max(1, hidden_size / reduction_factor) when a factor is given.
int64_t bottleneck_size(const ModuleSpec& spec, const ModelConfig& config);
/// Whether the site's existing parameter `name` becomes trainable under module `spec`.
bool unfreezes(const ModuleSpec& spec, const SiteInfo& site, const std::string& name, TaskHead head);

/// The report for `recipe` on `sites` (from describe_sites). Throws peft::Error like inject().
ParameterReport make_report(const ModelConfig& config, const std::vector<SiteInfo>& sites, TaskHead head,
                            const Recipe& recipe);
/// Same, describing the sites from the config.
ParameterReport make_report(const ModelConfig& config, TaskHead head, const Recipe& recipe);

/// PEFT's print_trainable_parameters line:
/// "trainable params: 294,912 || all params: 124,734,720 || trainable%: 0.2364".
std::string peft_summary_line(const ParameterReport& report);
std::string peft_summary_line(int64_t trainable, int64_t total);
/// 1234567 -> "1,234,567".
std::string format_thousands(int64_t value);

/// Inputs of the memory estimate.
struct MemoryOptions {
    int64_t batch = 8;
    int64_t sequence = 512;
    int weight_bytes = 4;     ///< 4 = float32, 2 = bf16/fp16
    int activation_bytes = 4; ///< 2 under bf16 autocast
};

/// Training memory in bytes. See docs/recipe.md for the formulas.
struct MemoryEstimate {
    int64_t weights = 0;    ///< every parameter, weight_bytes each
    int64_t gradients = 0;  ///< trainable parameters, weight_bytes each
    int64_t optimizer = 0;  ///< AdamW: two fp32 moments per trainable parameter
    int64_t activations = 0;///< saved for backward, batch × sequence × activation_bytes
    int64_t total() const { return weights + gradients + optimizer + activations; }
};

MemoryEstimate estimate_memory(const ModelConfig& config, const ParameterReport& report, const MemoryOptions& options);

} // namespace peft
