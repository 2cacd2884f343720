// SPDX-License-Identifier: MIT
#include "models/model.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

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

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    const size_t n = std::char_traits<char>::length(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

/// Embedding matrices built by transformers with padding_idx = pad_token_id: their padding row
/// starts at zero.
bool has_padding_row(const ModelConfig& c, const std::string& name) {
    if (c.family == ModelFamily::Gpt2 || !c.pad_token_id) return false;
    return ends_with(name, "embed_tokens.weight") || ends_with(name, "word_embeddings.weight") ||
           (c.model_type == "roberta" && ends_with(name, "position_embeddings.weight"));
}

/// transformers' _init_weights for one tensor, drawing from `gen` (so a seed gives the same model
/// whatever the device or dtype).
void init_tensor(const ModelConfig& c, const NamedTensor& t, double std, at::Generator& gen) {
    const std::string& n = t.hf_name;
    const bool is_norm = t.tensor.dim() == 1 && (n.find("norm") != std::string::npos || n.find("ln_") != std::string::npos ||
                                                 n.find("LayerNorm") != std::string::npos);
    if (ends_with(n, ".bias")) {
        t.tensor.zero_();
        return;
    }
    if (is_norm) {
        t.tensor.fill_(1.0);
        return;
    }
    // GPT-2 scales the residual projections (attn.c_proj, mlp.c_proj) by 1/sqrt(2 * n_layer).
    const double scale = c.family == ModelFamily::Gpt2 && ends_with(n, "c_proj.weight")
                             ? 1.0 / std::sqrt(2.0 * static_cast<double>(c.num_layers))
                             : 1.0;
    t.tensor.copy_(at::normal(0.0, std * scale, t.tensor.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat)));
    if (has_padding_row(c, n) && *c.pad_token_id >= 0 && *c.pad_token_id < t.tensor.size(0)) t.tensor[*c.pad_token_id].zero_();
}

double initializer_range(const ModelConfig& c) {
    auto it = c.raw.find("initializer_range");
    return it != c.raw.end() && it->is_number() ? it->get<double>() : 0.02;
}

} // namespace

void TransformerImpl::init_weights(uint64_t seed) {
    // As transformers' _init_weights: normal(0, initializer_range) for matrices and embeddings
    // (padding rows zero), zero biases, unit norm weights. A private generator keeps the global
    // seed untouched.
    auto gen = at::detail::createCPUGenerator(seed);
    const double std = initializer_range(config_);
    torch::NoGradGuard no_grad;
    for (const auto& t : named_tensors())
        if (!t.tied) init_tensor(config_, t, std, gen);
}

void TransformerImpl::init_tensors(const std::vector<std::string>& hf_names, uint64_t seed) {
    auto gen = at::detail::createCPUGenerator(seed);
    const double std = initializer_range(config_);
    torch::NoGradGuard no_grad;
    for (const auto& t : named_tensors())
        if (!t.tied && std::find(hf_names.begin(), hf_names.end(), t.hf_name) != hf_names.end()) init_tensor(config_, t, std, gen);
}

} // namespace peft
