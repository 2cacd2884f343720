// SPDX-License-Identifier: MIT
// Which sites a module attaches to: engine selectors (roles, site names) and Hugging Face PEFT
// module-name patterns. Plain types only (Qt code includes this header).
#pragma once

#include "models/site_info.h"
#include "peft/recipe.h"

#include <string>
#include <vector>

namespace peft {

/// One site a module attaches to; `slices` is non-empty when only part of a fused projection
/// (GPT-2's c_attn) is modified, in the site's slice order.
struct Target {
    const SiteInfo* site = nullptr;
    std::vector<SiteInfo::Slice> slices;
    /// Output width the module modifies: the sum of the slices, or the whole output.
    int64_t selected_width() const;
};

/// Whether a module of `kind` can attach to a site of `site_kind`.
bool can_attach(ModuleKind kind, SiteKind site_kind);
/// Names of the sites a module of `kind` can attach to (the composer lights these up).
std::vector<std::string> attachable_sites(ModuleKind kind, const std::vector<SiteInfo>& sites);

/// PEFT's target_modules rule for a list: `key` equals `pattern` or ends with "." + pattern.
bool suffix_match(const std::string& key, const std::string& pattern);
/// PEFT's layers_to_transform rule: the block index read from `key` after one of `patterns`
/// (or after any component when `patterns` is empty); -1 when the key has none.
int layer_index_from_key(const std::string& key, const std::vector<std::string>& patterns);

/// Number of blocks in `sites` (max layer + 1).
int count_layers(const std::vector<SiteInfo>& sites);

/// The sites `spec` selects, in model order, restricted to sites its kind can attach to.
/// Throws peft::Error (naming the module) when a selector names nothing, a layer is out of
/// range, a slice does not exist, or the regex is invalid.
std::vector<Target> resolve_targets(int index, const ModuleSpec& spec, const std::vector<SiteInfo>& sites);

} // namespace peft
