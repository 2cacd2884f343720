// SPDX-License-Identifier: MIT
#include "models/layers.h"

#include "core/error.h"

#include <torch/version.h>

#include <cmath>

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

std::pair<torch::Tensor, torch::Tensor> rope_tables(const torch::Tensor& positions, int64_t head_dim, double theta,
                                                    torch::ScalarType dtype) {
    auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(positions.device());
    torch::Tensor exponents = torch::arange(0, head_dim, 2, f32.dtype(torch::kLong)).to(torch::kFloat32) / static_cast<double>(head_dim);
    torch::Tensor inv_freq = 1.0 / torch::pow(theta, exponents);                          // [D/2]
    torch::Tensor freqs = positions.to(torch::kFloat32).unsqueeze(-1) * inv_freq;         // [B, T, D/2]
    torch::Tensor emb = torch::cat({freqs, freqs}, -1);                                   // [B, T, D]
    return {emb.cos().to(dtype), emb.sin().to(dtype)};
}

torch::Tensor apply_rope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    torch::Tensor x1 = x.narrow(-1, 0, half), x2 = x.narrow(-1, half, half);
    torch::Tensor rotated = torch::cat({-x2, x1}, -1);
    return x * cos.unsqueeze(1) + rotated * sin.unsqueeze(1);
}

torch::Tensor build_attention_mask(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens,
                                   int64_t past, bool causal, torch::ScalarType dtype,
                                   torch::Device device, std::optional<int64_t> sliding_window) {
    const int64_t prefix = 0;
    const int64_t keys = past + new_tokens;
    const bool padding = attention_mask.defined();
    if (!padding && (!causal || new_tokens == 1) && !sliding_window) return {};
    auto bool_options = torch::TensorOptions().dtype(torch::kBool).device(device);
    torch::Tensor allowed = torch::ones({batch, 1, new_tokens, keys}, bool_options);
    if (causal) {
        // Query i sits at absolute index past + i among real tokens; it sees real keys j <= past + i.
        torch::Tensor q = torch::arange(new_tokens, torch::TensorOptions().dtype(torch::kLong).device(device)).unsqueeze(1) + past;
        torch::Tensor k = torch::arange(past + new_tokens, torch::TensorOptions().dtype(torch::kLong).device(device)).unsqueeze(0);
        torch::Tensor real = k <= q;
        if (sliding_window) real = real & (k > q - *sliding_window);
        allowed.narrow(3, prefix, past + new_tokens).logical_and_(real.view({1, 1, new_tokens, past + new_tokens}));
    }
    if (padding) {
        torch::Tensor m = attention_mask.to(device).to(torch::kBool);
        if (m.size(1) == new_tokens && past > 0)
            m = torch::cat({torch::ones({batch, past}, bool_options), m}, 1);
        if (m.size(1) != past + new_tokens)
            throw Error("attention_mask has " + std::to_string(m.size(1)) + " columns, expected " +
                        std::to_string(new_tokens) + " or " + std::to_string(past + new_tokens));
        allowed.narrow(3, prefix, past + new_tokens).logical_and_(m.view({batch, 1, 1, past + new_tokens}));
    }
    // A large negative rather than -inf: a fully masked (padded) query row stays finite.
    const double lowest = dtype == torch::kDouble ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kFloat  ? static_cast<double>(std::numeric_limits<float>::lowest())
                                                    : -3.0e38;
    torch::Tensor additive = torch::zeros({batch, 1, new_tokens, keys}, torch::TensorOptions().dtype(dtype).device(device));
    return additive.masked_fill(allowed.logical_not(), dtype == torch::kBFloat16 || dtype == torch::kHalf ? -1e4 : lowest);
}

torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                     double dropout, bool training) {
    const int64_t heads = q.size(1), kv_heads = k.size(1);
    torch::Tensor kk = k, vv = v;
    if (heads != kv_heads) {
        const int64_t group = heads / kv_heads;
        auto expand = [&](const torch::Tensor& t) {
            return t.unsqueeze(2).expand({t.size(0), kv_heads, group, t.size(2), t.size(3)})
                .reshape({t.size(0), heads, t.size(2), t.size(3)});
        };
        kk = expand(k);
        vv = expand(v);
    }
    const double p = training ? dropout : 0.0;
#if TORCH_VERSION_MAJOR >= 2
    return at::scaled_dot_product_attention(q, kk, vv, mask.defined() ? std::optional<at::Tensor>(mask) : std::nullopt, p,
                                            false);
#else
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    torch::Tensor scores = torch::matmul(q, kk.transpose(-1, -2)) * scale;
    if (mask.defined()) scores = scores + mask;
    torch::Tensor probs = torch::softmax(scores, -1);
    if (p > 0) probs = torch::dropout(probs, p, true);
    return torch::matmul(probs, vv);
#endif
}

std::vector<PrefixKV> collect_prefixes(const std::vector<SiteImpl*>& kv_sites, int64_t batch, int64_t* longest) {
    std::vector<PrefixKV> out(kv_sites.size());
    *longest = 0;
    for (size_t i = 0; i < kv_sites.size(); ++i) {
        if (kv_sites[i]->empty()) continue;
        out[i] = kv_sites[i]->prefix_kv(batch);
        if (out[i]) *longest = std::max(*longest, out[i]->first.size(2));
    }
    return out;
}

void prepend_prefix(const PrefixKV& prefix, torch::Tensor& k, torch::Tensor& v, torch::Tensor& mask) {
    if (!prefix) return;
    const int64_t n = prefix->first.size(2);
    k = torch::cat({prefix->first.to(k.scalar_type()), k}, 2);
    v = torch::cat({prefix->second.to(v.scalar_type()), v}, 2);
    if (mask.defined())
        mask = torch::cat({torch::zeros({mask.size(0), 1, mask.size(2), n}, mask.options()), mask}, 3);
}

void append_to_cache(KVCache* cache, size_t layer, torch::Tensor& k, torch::Tensor& v) {
    if (!cache) return;
    if (cache->keys.size() <= layer) {
        cache->keys.resize(layer + 1);
        cache->values.resize(layer + 1);
    }
    if (cache->keys[layer].defined()) {
        k = torch::cat({cache->keys[layer], k}, 2);
        v = torch::cat({cache->values[layer], v}, 2);
    }
    cache->keys[layer] = k;
    cache->values[layer] = v;
}

torch::Tensor positions_for(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens, int64_t past,
                            int64_t offset, torch::Device device) {
    auto longs = torch::TensorOptions().dtype(torch::kLong).device(device);
    if (attention_mask.defined() && attention_mask.size(1) == past + new_tokens) {
        torch::Tensor m = attention_mask.to(device).to(torch::kLong);
        torch::Tensor pos = (m.cumsum(1) - 1).clamp_min(0);
        return pos.narrow(1, past, new_tokens) + offset;
    }
    if (attention_mask.defined() && past == 0 && attention_mask.size(1) == new_tokens) {
        torch::Tensor m = attention_mask.to(device).to(torch::kLong);
        return (m.cumsum(1) - 1).clamp_min(0) + offset;
    }
    return (torch::arange(past, past + new_tokens, longs) + offset).unsqueeze(0).expand({batch, new_tokens});
}

torch::Tensor last_token_index(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens, torch::Device device) {
    auto longs = torch::TensorOptions().dtype(torch::kLong).device(device);
    if (!attention_mask.defined()) return torch::full({batch}, tokens - 1, longs);
    // The rightmost real token (works for left and right padding).
    torch::Tensor idx = torch::arange(tokens, longs).unsqueeze(0) * attention_mask.to(device).to(torch::kLong);
    return std::get<0>(idx.max(1));
}

} // namespace peft
