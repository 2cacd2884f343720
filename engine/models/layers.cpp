// SPDX-License-Identifier: MIT
#include "models/layers.h"

#include "core/error.h"
#include "io/model_config.h"

namespace peft {

NormSiteImpl::NormSiteImpl(SiteInfo info, int64_t width, double eps, bool rms)
    : SiteImpl(std::move(info)), eps_(eps), rms_(rms) {
    weight = register_parameter("weight", torch::ones({width}));
    if (!rms) bias = register_parameter("bias", torch::zeros({width}));
}

torch::Tensor NormSiteImpl::forward(const torch::Tensor& x) const {
    torch::Tensor h;
    if (rms_) {
        // Exactly transformers' LlamaRMSNorm: normalise in float32 (even for float64 inputs), then
        // scale in the input dtype.
        torch::Tensor xf = x.to(torch::kFloat32);
        torch::Tensor normed = xf * torch::rsqrt(xf.pow(2).mean(-1, true) + eps_);
        h = weight * normed.to(x.scalar_type());
    } else {
        h = torch::layer_norm(x, {x.size(-1)}, weight, bias, eps_);
    }
    return modules_.empty() ? h : apply_output(x, h);
}

torch::Tensor activation(const std::string& name, const torch::Tensor& x) {
    if (name == "silu" || name == "swish") return torch::silu(x);
    if (name == "gelu") return torch::gelu(x);
    if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast") return torch::gelu(x, "tanh");
    if (name == "relu") return torch::relu(x);
    if (name == "tanh") return torch::tanh(x);
    throw Error("unsupported activation '" + name + "'");
}

void check_activation(const std::string& name, const std::string& source) {
    static const char* known[] = {"silu", "swish", "gelu", "gelu_new", "gelu_pytorch_tanh", "gelu_fast", "relu", "tanh"};
    for (const char* k : known)
        if (name == k) return;
    throw Error(source + ": activation '" + name + "' is not supported (silu, gelu, gelu_new, relu, tanh)");
}

void collect_site_tensors(SiteImpl& site, std::vector<NamedTensor>& out) {
    const SiteInfo& info = site.info();
    torch::Tensor weight, bias;
    if (auto* linear = dynamic_cast<LinearSiteImpl*>(&site)) {
        weight = linear->weight;
        bias = linear->bias;
    } else if (auto* norm = dynamic_cast<NormSiteImpl*>(&site)) {
        weight = norm->weight;
        bias = norm->bias;
    } else {
        return;
    }
    out.push_back({info.parameter_names.at(0), weight, info.fan_in_fan_out});
    if (bias.defined()) out.push_back({info.parameter_names.at(1), bias});
}

double config_number(const ModelConfig& config, const char* key, double fallback) {
    auto it = config.raw.find(key);
    return it != config.raw.end() && it->is_number() ? it->get<double>() : fallback;
}

} // namespace peft
