// SPDX-License-Identifier: MIT
// Recipe validation against a model: every reason a recipe cannot apply, named by module and
// field. Plain types only (the GUI shows the issues inline).
#pragma once

#include "io/model_config.h"
#include "models/site_info.h"
#include "peft/recipe.h"

#include <string>
#include <vector>

namespace peft {

struct ValidationIssue {
    int module_index = -1;   ///< -1: the recipe as a whole
    std::string module_name;
    std::string field;
    std::string message;
    /// "module 1 'adapter': field 'r': must be at least 1 (got 0)".
    std::string to_string() const;
};

/// Every problem of `recipe` on a model with `config` and `sites`; empty when it applies.
std::vector<ValidationIssue> validate(const Recipe& recipe, const ModelConfig& config,
                                      const std::vector<SiteInfo>& sites);

/// Throws peft::RecipeError for the first problem (the message lists how many more there are).
void check_recipe(const Recipe& recipe, const ModelConfig& config, const std::vector<SiteInfo>& sites);

} // namespace peft
