// SPDX-License-Identifier: MIT
#include "models/attention.h"

#include "core/error.h"

#include <torch/version.h>

#include <cmath>
#include <limits>

namespace peft {

torch::Tensor build_attention_mask(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens,
                                   int64_t past, bool causal, torch::ScalarType dtype,
                                   torch::Device device, std::optional<int64_t> sliding_window) {
    const int64_t keys = past + new_tokens;
    const bool padding = attention_mask.defined();
    if (!padding && (!causal || new_tokens == 1) && !sliding_window) return {};
    auto bool_options = torch::TensorOptions().dtype(torch::kBool).device(device);
    auto long_options = torch::TensorOptions().dtype(torch::kLong).device(device);
    torch::Tensor allowed = torch::ones({batch, 1, new_tokens, keys}, bool_options);
    if (causal) {
        // Query i sits at absolute index past + i among real tokens; it sees real keys j <= past + i.
        torch::Tensor q = torch::arange(new_tokens, long_options).unsqueeze(1) + past;
        torch::Tensor k = torch::arange(keys, long_options).unsqueeze(0);
        torch::Tensor real = k <= q;
        if (sliding_window) real = real & (k > q - *sliding_window);
        allowed.logical_and_(real.view({1, 1, new_tokens, keys}));
    }
    if (padding) {
        torch::Tensor m = attention_mask.to(device).to(torch::kBool);
        if (m.size(1) == new_tokens && past > 0) m = torch::cat({torch::ones({batch, past}, bool_options), m}, 1);
        if (m.size(1) != keys)
            throw Error("attention_mask has " + std::to_string(m.size(1)) + " columns, expected " +
                        std::to_string(new_tokens) + " or " + std::to_string(keys));
        allowed.logical_and_(m.view({batch, 1, 1, keys}));
    }
    // The dtype's lowest value rather than -inf, as transformers does: a fully masked (padded)
    // query row stays finite instead of turning into NaN.
    const double lowest = dtype == torch::kDouble ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kFloat ? static_cast<double>(std::numeric_limits<float>::lowest())
                          : dtype == torch::kBFloat16 ? -3.38e38
                                                      : -65504.0;
    torch::Tensor additive = torch::zeros({batch, 1, new_tokens, keys}, torch::TensorOptions().dtype(dtype).device(device));
    return additive.masked_fill(allowed.logical_not(), lowest);
}

namespace {

#if TORCH_VERSION_MAJOR >= 2
/// Repeats each key/value head for its group of query heads: [B,KV,S,D] -> [B,H,S,D].
torch::Tensor repeat_kv(const torch::Tensor& t, int64_t heads) {
    const int64_t kv_heads = t.size(1);
    if (kv_heads == heads) return t;
    const int64_t group = heads / kv_heads;
    return t.unsqueeze(2).expand({t.size(0), kv_heads, group, t.size(2), t.size(3)}).reshape({t.size(0), heads, t.size(2), t.size(3)});
}
#endif

#if TORCH_VERSION_MAJOR < 2
/// The additive causal mask [rows, keys] for `group` query heads stacked per key/value head:
/// row g*T + i is query i. Cached per shape, dtype and device because building it every layer
/// of every step costs as much as the softmax on small models.
torch::Tensor grouped_causal_mask(int64_t group, int64_t tokens, int64_t keys, const torch::TensorOptions& options) {
    struct Entry {
        int64_t group, tokens, keys;
        torch::ScalarType dtype;
        torch::Device device;
        torch::Tensor mask;
    };
    thread_local std::vector<Entry> cache;
    const torch::ScalarType dtype = options.dtype().toScalarType();
    const torch::Device device = options.device();
    for (const Entry& e : cache)
        if (e.group == group && e.tokens == tokens && e.keys == keys && e.dtype == dtype && e.device == device) return e.mask;
    // Query i (the last `tokens` of `keys` positions) sees keys j <= keys - tokens + i.
    torch::Tensor future = torch::ones({tokens, keys}, options.dtype(torch::kBool)).triu(keys - tokens + 1);
    torch::Tensor mask = torch::zeros({tokens, keys}, options).masked_fill(future, -std::numeric_limits<double>::infinity());
    if (group > 1) mask = mask.repeat({group, 1});
    if (cache.size() >= 8) cache.erase(cache.begin());
    cache.push_back({group, tokens, keys, dtype, device, mask});
    return mask;
}
#endif

} // namespace

torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                     bool causal, double dropout, bool training) {
    const int64_t batch = q.size(0), heads = q.size(1), kv_heads = k.size(1), head_dim = q.size(3);
    if (heads != kv_heads && q.size(2) == 1) {
        // One new token (decoding): fold each group of query heads into rows over its shared
        // key/value head instead of copying the cache for every head. A mask [B,1,1,S] broadcasts.
        torch::Tensor grouped = q.reshape({batch, kv_heads, heads / kv_heads, head_dim});
        return attend(grouped, k, v, mask, false, dropout, training).reshape({batch, heads, 1, head_dim});
    }
    const double p = training ? dropout : 0.0;
    const bool is_causal = causal && !mask.defined() && q.size(2) > 1;
#if TORCH_VERSION_MAJOR >= 2
    // Fused kernels (flash / memory-efficient) when there is no explicit mask.
    torch::Tensor kk = repeat_kv(k, heads), vv = repeat_kv(v, heads);
    return at::scaled_dot_product_attention(q, kk, vv, mask.defined() ? std::optional<at::Tensor>(mask) : std::nullopt, p,
                                            is_causal);
#else
    // Without fused attention: the query heads of a group are stacked as rows over their shared
    // key/value head (no copies of K and V for grouped-query attention), and the scale and the
    // causal mask are folded into one batched GEMM (baddbmm) instead of two extra passes over the
    // [T, S] scores.
    const int64_t T = q.size(2), S = k.size(2), group = heads / kv_heads;
    const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
    torch::Tensor q3 = q.reshape({batch * kv_heads, group * T, head_dim});
    torch::Tensor kt = k.reshape({batch * kv_heads, S, head_dim}).transpose(1, 2);
    torch::Tensor scores;
    if (is_causal) {
        scores = torch::baddbmm(grouped_causal_mask(group, T, S, q.options()), q3, kt, 1.0, scale);
    } else {
        scores = torch::bmm(q3, kt).mul_(scale);
        if (mask.defined()) {
            // mask [B or 1, 1, T, S] -> per key/value head, each group's rows: [B*KV, G*T, S]
            torch::Tensor m = mask.expand({batch, 1, T, S});
            if (group > 1) m = m.repeat({1, group, 1, 1}).reshape({batch, 1, group * T, S});
            scores = (scores.view({batch, kv_heads, group * T, S}) + m).view({batch * kv_heads, group * T, S});
        }
    }
    torch::Tensor probs = torch::softmax(scores, -1);
    if (p > 0) probs = torch::dropout(probs, p, true);
    torch::Tensor out = torch::bmm(probs, v.reshape({batch * kv_heads, S, head_dim}));
    return out.view({batch, heads, T, head_dim});
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
    if (mask.defined()) mask = torch::cat({torch::zeros({mask.size(0), 1, mask.size(2), n}, mask.options()), mask}, 3);
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

torch::Tensor attention_sublayer(const torch::Tensor& x, torch::Tensor q, torch::Tensor k, torch::Tensor v,
                                 const AttentionContext& ctx, const PrefixKV& prefix, size_t layer,
                                 const AttentionSites& sites, double dropout, bool training) {
    const int64_t B = q.size(0), H = q.size(1), T = q.size(2), D = q.size(3);
    append_to_cache(ctx.cache, layer, k, v); // cached keys are rotated, prefixes are not cached
    torch::Tensor mask = ctx.mask;
#if TORCH_VERSION_MAJOR >= 2
    // Prefix keys are visible to every query, but SDPA's is_causal aligns the triangle to the first
    // key: make causality explicit. (The 1.x path aligns it to the last key, which is this rule.)
    if (ctx.causal && prefix && T > 1) mask = build_attention_mask({}, B, T, 0, true, q.scalar_type(), q.device());
#endif
    prepend_prefix(prefix, k, v, mask);
    torch::Tensor a = attend(q, k, v, mask, ctx.causal, dropout, training).transpose(1, 2); // [B,T,H,D]
    if (!sites.heads->empty()) a = sites.heads->forward(x, a);
    a = sites.o->forward(a.reshape({B, T, H * D}));
    return sites.attn_out->forward(x, a);
}

torch::Tensor last_token_index(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens, torch::Device device) {
    auto longs = torch::TensorOptions().dtype(torch::kLong).device(device);
    if (!attention_mask.defined()) return torch::full({batch}, tokens - 1, longs);
    // The rightmost real token (works for left and right padding).
    torch::Tensor idx = torch::arange(tokens, longs).unsqueeze(0) * attention_mask.to(device).to(torch::kLong);
    return std::get<0>(idx.max(1));
}

} // namespace peft
