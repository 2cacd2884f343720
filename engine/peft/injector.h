// SPDX-License-Identifier: MIT
// Applies a recipe to a built model, and folds mergeable modules into base weights (LibTorch).
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <cstdint>
#include <vector>

namespace peft {

/// Validates `recipe` against `model` (throws peft::RecipeError naming module, field and reason),
/// freezes every base parameter, attaches the recipe's modules to their sites (per-site order:
/// IA3, then parallel modules, then sequential ones, each group in recipe order; see
/// docs/recipe.md), makes the parameters selected by BitFit/LayerNorm/unfreeze/task-head modules
/// trainable, and moves new modules to the model's dtype and device. New weights are drawn from
/// torch's global generator after torch::manual_seed(seed).
void inject(TransformerImpl& model, const Recipe& recipe, uint64_t seed);

/// Removes every attached module (base weights stay as they are: unmerge first).
void remove_modules(TransformerImpl& model);

/// Parameters with requires_grad, each once (tied weights appear once): what an optimizer gets.
std::vector<torch::Tensor> trainable_parameters(TransformerImpl& model);
/// Total and trainable element counts of the model as it is now, each tensor counted once.
std::pair<int64_t, int64_t> count_parameters(TransformerImpl& model);

/// Folds every mergeable module (LoRA incl. fused-qkv slices, IA3, parallel linear bottlenecks
/// with a constant scale) into its linear site's weight and bias; merged modules become
/// identities. Also folds prefix reparameterisations. Returns the number of modules merged.
int merge(TransformerImpl& model);
/// Undoes merge(): subtracts (or divides out) every merged module, in reverse order.
int unmerge(TransformerImpl& model);
/// Replaces prefix reparameterisation MLPs by the prefixes they produce (inference, export).
void fold_reparameterisations(TransformerImpl& model);

} // namespace peft
