// SPDX-License-Identifier: MIT
#include "models/site.h"

#include "core/error.h"
#include "models/linear_op.h"

namespace peft {

const char* site_kind_name(SiteKind kind) {
    switch (kind) {
    case SiteKind::Linear: return "linear";
    case SiteKind::AttentionOutput: return "attention_output";
    case SiteKind::HeadOutput: return "head_output";
    case SiteKind::FfnOutput: return "ffn_output";
    case SiteKind::AttentionKV: return "attention_kv";
    case SiteKind::Embeddings: return "embeddings";
    case SiteKind::Norm: return "norm";
    case SiteKind::Head: return "head";
    }
    return "unknown";
}

SiteImpl::SiteImpl(SiteInfo info) : info_(std::move(info)) {}

void SiteImpl::attach(const std::string& module_name, std::shared_ptr<SiteModule> module) {
    for (const auto& [name, existing] : modules_) {
        if (name == module_name)
            throw Error("site '" + info_.name + "' already has a module named '" + module_name + "'");
    }
    register_module(module_name, module);
    modules_.emplace_back(module_name, std::move(module));
}

void SiteImpl::clear() {
    // torch::nn::Module cannot unregister children; rebuilding the child list keeps
    // parameters() in step with what is attached.
    for (const auto& [name, module] : modules_) unregister_module(name);
    modules_.clear();
}

torch::Tensor SiteImpl::apply_input(const torch::Tensor& x) const {
    torch::Tensor out = x;
    for (const auto& [name, module] : modules_) out = module->transform_input(out);
    return out;
}

torch::Tensor SiteImpl::apply_output(const torch::Tensor& x, torch::Tensor h) const {
    for (const auto& [name, module] : modules_) h = module->transform_output(x, h);
    return h;
}

std::optional<std::pair<torch::Tensor, torch::Tensor>> SiteImpl::prefix_kv(int64_t batch) const {
    std::vector<torch::Tensor> keys, values;
    for (const auto& [name, module] : modules_) {
        if (auto kv = module->prefix_kv(batch)) {
            keys.push_back(kv->first);
            values.push_back(kv->second);
        }
    }
    if (keys.empty()) return std::nullopt;
    if (keys.size() == 1) return std::make_pair(keys[0], values[0]);
    return std::make_pair(torch::cat(keys, 2), torch::cat(values, 2));
}

std::optional<torch::Tensor> SiteImpl::prompt_embeddings(int64_t batch) const {
    std::vector<torch::Tensor> parts;
    for (const auto& [name, module] : modules_) {
        if (auto p = module->prompt_embeddings(batch)) parts.push_back(*p);
    }
    if (parts.empty()) return std::nullopt;
    return parts.size() == 1 ? parts[0] : torch::cat(parts, 1);
}

LinearSiteImpl::LinearSiteImpl(SiteInfo info, int64_t in_features, int64_t out_features, bool with_bias)
    : SiteImpl(std::move(info)) {
    weight = register_parameter("weight", torch::empty({out_features, in_features}));
    if (with_bias) bias = register_parameter("bias", torch::zeros({out_features}));
}

torch::Tensor LinearSiteImpl::forward(const torch::Tensor& x) const {
    if (modules_.empty()) return peft::linear(x, weight, bias);
    torch::Tensor xin = apply_input(x);
    torch::Tensor h = peft::linear(xin, weight, bias);
    return apply_output(x, h);
}

} // namespace peft
