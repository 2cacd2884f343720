// SPDX-License-Identifier: MIT
#include "peft/modules.h"

namespace peft {

PromptModule::PromptModule(const ModuleSpec& spec, const ModelConfig& config, const torch::Tensor& table) {
    embeddings = register_parameter("prompt_embeddings", torch::empty({spec.length, config.hidden_size}));
    torch::NoGradGuard no_grad;
    if (spec.prompt_init == PromptInit::Text && table.defined()) {
        // PEFT repeats the init text's tokens to fill the virtual tokens (and truncates).
        const auto n = static_cast<int64_t>(spec.init_token_ids.size());
        std::vector<int64_t> ids;
        for (int64_t i = 0; i < spec.length; ++i) ids.push_back(spec.init_token_ids[static_cast<size_t>(i % n)]);
        embeddings.copy_(table.detach().index_select(0, torch::tensor(ids, torch::kLong).to(table.device())).to(torch::kCPU, torch::kFloat));
        return;
    }
    const double std = table.defined() ? table.detach().to(torch::kFloat).std().item<double>() : 1.0;
    embeddings.normal_(0.0, std > 0 ? std : 1.0);
}

std::optional<torch::Tensor> PromptModule::prompt_embeddings(int64_t batch) {
    return embeddings.unsqueeze(0).expand({batch, -1, -1});
}

} // namespace peft
