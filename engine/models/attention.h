// SPDX-License-Identifier: MIT
// Attention shared by every family (internal to engine/models): masks, grouped-query attention,
// prefix keys/values, the KV cache, and the attention sub-layer after the q/k/v projections.
//
// Shapes: B batch, T new tokens, S keys (prefix + cache + new), H heads, KV key/value heads,
// D head dim, d hidden size.
#pragma once

#include "models/model.h"

#include <torch/torch.h>

#include <optional>
#include <utility>
#include <vector>

namespace peft {

/// What one forward pass knows about masking, shared by its layers.
struct AttentionContext {
    torch::Tensor mask;      ///< additive [B, 1, T, past + T] over real keys; undefined = see `causal`
    bool causal = false;     ///< without a mask: plain causal attention (T == S), fused kernels where available
    KVCache* cache = nullptr;
};

/// Builds the additive mask over real keys (cache + new tokens): causal for decoders, padding
/// from `attention_mask` ([B, past + T] or [B, T]; undefined = none). Prefix columns are added
/// per layer by prepend_prefix. Undefined when nothing is masked.
torch::Tensor build_attention_mask(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens,
                                   int64_t past, bool causal, torch::ScalarType dtype,
                                   torch::Device device, std::optional<int64_t> sliding_window = std::nullopt);

/// softmax(q kᵀ / √D + mask) v with grouped-query expansion. q [B,H,T,D], k/v [B,KV,S,D] -> [B,H,T,D].
/// `causal` (only without a mask) masks key j > query i.
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                     bool causal, double dropout, bool training);

using PrefixKV = std::optional<std::pair<torch::Tensor, torch::Tensor>>;

/// The prefix keys/values of every layer's KV site (computed once per forward pass), and the
/// longest prefix, by which real-token positions are offset.
std::vector<PrefixKV> collect_prefixes(const std::vector<SiteImpl*>& kv_sites, int64_t batch, int64_t* longest);

/// Prepends a layer's prefix to k and v [B, KV, S, D] and widens the additive mask to match
/// (prefix keys are always visible). No-op without a prefix.
void prepend_prefix(const PrefixKV& prefix, torch::Tensor& k, torch::Tensor& v, torch::Tensor& mask);

/// Updates the cache of `layer` with new k/v (after RoPE) and replaces k/v by the full k/v.
void append_to_cache(KVCache* cache, size_t layer, torch::Tensor& k, torch::Tensor& v);

/// The sites an attention sub-layer routes through after its q/k/v projections.
struct AttentionSites {
    SiteImpl* heads;        ///< HeadOutput: (x, [B,T,H,D])
    LinearSiteImpl* o;      ///< output projection
    SiteImpl* attn_out;     ///< AttentionOutput: (x, [B,T,d])
};

/// The attention sub-layer from projected (and rotated) q [B,H,T,D], k/v [B,KV,T,D]: cache,
/// prefix, attention, per-head site, output projection and attention-output site. `x` is the
/// sub-layer input the sites see. Returns [B,T,d], before dropout and the residual.
torch::Tensor attention_sublayer(const torch::Tensor& x, torch::Tensor q, torch::Tensor k, torch::Tensor v,
                                 const AttentionContext& ctx, const PrefixKV& prefix, size_t layer,
                                 const AttentionSites& sites, double dropout, bool training);

/// Index of the last real token of each row [B] (from the mask; T-1 without one).
torch::Tensor last_token_index(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens, torch::Device device);

} // namespace peft
