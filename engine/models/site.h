// SPDX-License-Identifier: MIT
// Runtime sites: the hook mechanism PEFT modules attach to.
//
// Every block of every architecture routes the tensors of its named sites through a Site. A site
// with no modules costs one branch. Modules attached to a site are registered as its submodules,
// so model->parameters() sees them, and they run in attachment order:
//   1. input transforms (sequential on the site's input; IA3 on down_proj's input),
//   2. the site's own computation (the linear projection, or nothing for representation sites),
//   3. output transforms h <- m.transform_output(x, h), each seeing the site's ORIGINAL input x
//      (parallel insertion) and the running output h (sequential insertion, composition).
#pragma once

#include "models/site_info.h"

#include <torch/torch.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace peft {

/// Base class of everything that attaches to a site. Override what the module does; the
/// defaults are identities.
class SiteModule : public torch::nn::Module {
public:
    /// Sequential modification of the site input (before the projection of a Linear site).
    virtual torch::Tensor transform_input(const torch::Tensor& x) { return x; }
    /// Composition with the site output. x: the site's input, h: its current output.
    virtual torch::Tensor transform_output(const torch::Tensor& x, const torch::Tensor& h) { return h; }
    /// AttentionKV sites: keys and values to prepend, each [batch, kv_heads, l, head_dim].
    virtual std::optional<std::pair<torch::Tensor, torch::Tensor>> prefix_kv(int64_t batch) { return std::nullopt; }
    /// Embeddings sites: virtual tokens to prepend, [batch, l, d].
    virtual std::optional<torch::Tensor> prompt_embeddings(int64_t batch) { return std::nullopt; }
    /// Mergeable modules fold themselves into a Linear site's weight [out, in] and bias.
    virtual bool can_merge() const { return false; }
    virtual void merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) {}
};

/// A site at runtime. Representation sites (attention/FFN/head outputs, KV, embeddings) use it
/// directly; Linear sites use LinearSite, which owns the projection's weights.
class SiteImpl : public torch::nn::Module {
public:
    explicit SiteImpl(SiteInfo info);

    const SiteInfo& info() const { return info_; }
    bool empty() const { return modules_.empty(); }

    /// Attaches a module under `module_name` (unique within the site).
    void attach(const std::string& module_name, std::shared_ptr<SiteModule> module);
    /// Removes every attached module.
    void clear();
    const std::vector<std::pair<std::string, std::shared_ptr<SiteModule>>>& modules() const { return modules_; }

    torch::Tensor apply_input(const torch::Tensor& x) const;
    torch::Tensor apply_output(const torch::Tensor& x, torch::Tensor h) const;

    /// AttentionKV: the concatenation of every attached module's prefix, or nullopt.
    std::optional<std::pair<torch::Tensor, torch::Tensor>> prefix_kv(int64_t batch) const;
    /// Embeddings: the concatenation of every attached module's virtual tokens, or nullopt.
    std::optional<torch::Tensor> prompt_embeddings(int64_t batch) const;

    /// Representation sites: h <- output modules applied to (x, h).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& h) const {
        return modules_.empty() ? h : apply_output(x, h);
    }

protected:
    SiteInfo info_;
    std::vector<std::pair<std::string, std::shared_ptr<SiteModule>>> modules_;
};
TORCH_MODULE(Site);

/// A linear projection that is also a site. Weight is stored [out, in] as nn.Linear does, also
/// for GPT-2's Conv1D (transposed on load and save).
class LinearSiteImpl : public SiteImpl {
public:
    LinearSiteImpl(SiteInfo info, int64_t in_features, int64_t out_features, bool bias);

    torch::Tensor forward(const torch::Tensor& x) const;

    torch::Tensor weight;
    torch::Tensor bias; ///< undefined when the projection has no bias
};
TORCH_MODULE(LinearSite);

} // namespace peft
