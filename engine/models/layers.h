// SPDX-License-Identifier: MIT
// Norms that are sites, and activations (internal to engine/models).
#pragma once

#include "io/model_config.h"
#include "models/model.h"
#include "models/site.h"

#include <torch/torch.h>

#include <string>

namespace peft {

/// A LayerNorm or RMSNorm that is also a site (norm tuning unfreezes its weight and bias).
class NormSiteImpl : public SiteImpl {
public:
    NormSiteImpl(SiteInfo info, int64_t width, double eps, bool rms);
    torch::Tensor forward(const torch::Tensor& x) const;

    torch::Tensor weight;
    torch::Tensor bias; ///< undefined for RMSNorm
private:
    double eps_;
    bool rms_;
};
TORCH_MODULE(NormSite);

/// Activation by Hugging Face name: silu/swish, gelu (erf), gelu_new/gelu_pytorch_tanh/gelu_fast
/// (tanh approximation), relu, tanh. Throws peft::Error for others.
torch::Tensor activation(const std::string& name, const torch::Tensor& x);
/// Throws peft::Error naming `source` (the config file) when `name` is not supported.
void check_activation(const std::string& name, const std::string& source);

/// Adds the tensors a site holds (Linear and Norm sites: weight, bias) to `out` under their
/// Hugging Face names (SiteInfo::parameter_names); other kinds hold none.
void collect_site_tensors(SiteImpl& site, std::vector<NamedTensor>& out);

/// A number from the raw config.json, or `fallback` when absent (dropout probabilities etc.).
double config_number(const ModelConfig& config, const char* key, double fallback);

} // namespace peft
