// SPDX-License-Identifier: MIT
#include "peft/injector.h"

#include "peft/modules.h"

namespace peft {

void fold_reparameterisations(TransformerImpl& model) {
    for (auto& [name, site] : model.sites())
        for (auto& [module_name, module] : site->modules())
            if (auto* prefix = dynamic_cast<PrefixModule*>(module.get())) prefix->fold();
}

int merge(TransformerImpl& model) {
    fold_reparameterisations(model);
    int merged = 0;
    torch::NoGradGuard no_grad;
    for (auto& [name, site] : model.sites()) {
        auto* linear = dynamic_cast<LinearSiteImpl*>(site);
        if (!linear) continue;
        // Attachment order: IA3 (scales) before additive modules, as in the forward pass.
        for (auto& [module_name, module] : linear->modules()) {
            auto* peft_module = dynamic_cast<PeftModule*>(module.get());
            if (!peft_module || peft_module->merged() || !module->can_merge()) continue;
            module->merge_into(linear->weight, linear->bias, +1);
            ++merged;
        }
    }
    return merged;
}

int unmerge(TransformerImpl& model) {
    int restored = 0;
    torch::NoGradGuard no_grad;
    for (auto& [name, site] : model.sites()) {
        auto* linear = dynamic_cast<LinearSiteImpl*>(site);
        if (!linear) continue;
        const auto& modules = linear->modules();
        for (auto it = modules.rbegin(); it != modules.rend(); ++it) {
            auto* peft_module = dynamic_cast<PeftModule*>(it->second.get());
            if (!peft_module || !peft_module->merged()) continue;
            it->second->merge_into(linear->weight, linear->bias, -1);
            ++restored;
        }
    }
    return restored;
}

} // namespace peft
