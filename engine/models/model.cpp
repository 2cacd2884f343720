// SPDX-License-Identifier: MIT
#include "models/model.h"

#include "core/error.h"
#include "models/bert.h"
#include "models/decoder.h"

namespace peft {

TransformerImpl::TransformerImpl(ModelConfig config, TaskHead head)
    : config_(std::move(config)), head_(head), site_infos_(describe_sites(config_, head)) {}

torch::Tensor TransformerImpl::forward(const ForwardInput& input) {
    return apply_head(hidden_states(input), input);
}

torch::Tensor TransformerImpl::apply_head(const torch::Tensor& hidden, const ForwardInput&) { return hidden; }

void TransformerImpl::register_site(SiteImpl& site) { site_by_name_[site.info().name] = &site; }

SiteImpl& TransformerImpl::site(const std::string& name) {
    auto it = site_by_name_.find(name);
    if (it == site_by_name_.end())
        throw Error("model " + config_.model_type + " has no site '" + name + "'");
    return *it->second;
}

std::vector<std::pair<std::string, SiteImpl*>> TransformerImpl::sites() {
    std::vector<std::pair<std::string, SiteImpl*>> out;
    for (const auto& info : site_infos_) {
        auto it = site_by_name_.find(info.name);
        if (it != site_by_name_.end()) out.emplace_back(info.name, it->second);
    }
    return out;
}

void TransformerImpl::init_weights(uint64_t seed) {
    // As transformers' _init_weights: normal(0, initializer_range) for matrices and embeddings,
    // zero biases, unit norm weights. A private generator keeps the global seed untouched.
    double std = 0.02;
    if (auto it = config_.raw.find("initializer_range"); it != config_.raw.end() && it->is_number()) std = it->get<double>();
    auto gen = at::detail::createCPUGenerator(seed);
    torch::NoGradGuard no_grad;
    for (auto& t : named_tensors()) {
        if (t.tied) continue;
        const std::string& n = t.hf_name;
        const bool is_bias = n.size() >= 5 && n.compare(n.size() - 5, 5, ".bias") == 0;
        const bool is_norm = t.tensor.dim() == 1 && (n.find("norm") != std::string::npos || n.find("ln_") != std::string::npos ||
                                                     n.find("LayerNorm") != std::string::npos);
        if (is_bias) t.tensor.zero_();
        else if (is_norm) t.tensor.fill_(1.0);
        else {
            torch::Tensor values = at::normal(0.0, std, t.tensor.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat));
            t.tensor.copy_(values);
        }
    }
}

Transformer build_model(const ModelConfig& config, TaskHead head) {
    switch (config.family) {
    case ModelFamily::Llama:
    case ModelFamily::Gpt2: return make_decoder(config, head);
    case ModelFamily::Bert: return make_encoder(config, head);
    }
    throw Error("unsupported model family");
}

} // namespace peft
