// SPDX-License-Identifier: MIT
// Building blocks shared by the architectures (internal to engine/models): norms that are
// sites, activations, rotary embeddings, attention and masks.
//
// Shapes: B batch, T new tokens, S keys (prefix + cache + new), H heads, KV key/value heads,
// D head dim, d hidden size.
#pragma once

#include "models/model.h"

#include <torch/torch.h>

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
void check_activation(const std::string& name, const std::string& source);

/// cos and sin tables [B, T, D] for positions [B, T], computed in float32 exactly as transformers
/// does (then cast to `dtype`), so float64 runs agree with it to rounding.
std::pair<torch::Tensor, torch::Tensor> rope_tables(const torch::Tensor& positions, int64_t head_dim, double theta,
                                                    torch::ScalarType dtype);
/// Applies rotate-half RoPE to x [B, heads, T, D] with tables [B, T, D].
torch::Tensor apply_rope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

/// What a forward pass knows about positions and masking.
struct AttentionContext {
    torch::Tensor mask;     ///< additive [B, 1, T, past + T] over real keys, undefined = none
    int64_t past = 0;       ///< cached real tokens
};

/// Builds the additive mask over real keys (cache + new tokens): causal for decoders, padding
/// from `attention_mask` ([B, past + T] or [B, T]; undefined = none). Prefix columns are added
/// per layer by prepend_prefix.
torch::Tensor build_attention_mask(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens,
                                   int64_t past, bool causal, torch::ScalarType dtype,
                                   torch::Device device, std::optional<int64_t> sliding_window = std::nullopt);

/// softmax(q kᵀ / √D + mask) v with grouped-query expansion. q [B,H,T,D], k/v [B,KV,S,D] -> [B,H,T,D].
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                     double dropout, bool training);

using PrefixKV = std::optional<std::pair<torch::Tensor, torch::Tensor>>;

/// The prefix keys/values of every layer's KV site (computed once per forward pass), and the
/// longest prefix, by which real-token positions are offset.
std::vector<PrefixKV> collect_prefixes(const std::vector<SiteImpl*>& kv_sites, int64_t batch, int64_t* longest);

/// Prepends a layer's prefix to k and v [B, KV, S, D] and widens the additive mask to match
/// (prefix keys are always visible). No-op without a prefix.
void prepend_prefix(const PrefixKV& prefix, torch::Tensor& k, torch::Tensor& v, torch::Tensor& mask);

/// Updates the cache of `layer` with new k/v (after RoPE) and returns the full k/v.
void append_to_cache(KVCache* cache, size_t layer, torch::Tensor& k, torch::Tensor& v);

/// Positions of new tokens [B, T]: from the padding mask when given (so left padding keeps real
/// tokens at 0, 1, ...), else consecutive; offset by `offset` (prefix length).
torch::Tensor positions_for(const torch::Tensor& attention_mask, int64_t batch, int64_t new_tokens, int64_t past,
                            int64_t offset, torch::Device device);

/// Index of the last real token of each row [B] (from the mask; T-1 without one).
torch::Tensor last_token_index(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens, torch::Device device);

} // namespace peft
