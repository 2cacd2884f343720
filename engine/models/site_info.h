// SPDX-License-Identifier: MIT
// Static description of the places in a model where PEFT modules attach ("sites").
// Computed from a ModelConfig alone, without weights, so parameter counts and the composer's
// picture need no loading. Plain types only: Qt code may include this header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

enum class SiteKind {
    Linear,          ///< a projection: input x [.., in] -> h = W x + b [.., out]
    AttentionOutput, ///< attention sub-layer: x = its input (after a pre-norm), h = its output before the residual add
    HeadOutput,      ///< per-head attention output: x = attention input [B,T,d], h = [B,T,H,d_h] before o-proj
    FfnOutput,       ///< FFN sub-layer: x = its input, h = its output before the residual add
    AttentionKV,     ///< keys/values of one attention layer: prefix tuning prepends to them
    Embeddings,      ///< input embeddings [B,T,d]: prompt tuning prepends virtual tokens
    Norm,            ///< a LayerNorm/RMSNorm (weight and, where present, bias)
    Head,            ///< the task head (lm_head / score / classifier)
};

const char* site_kind_name(SiteKind kind);

/// One site. `name` is the engine's stable path ("layers.3.attn.q", "layers.3.ffn_out",
/// "embeddings", "final_norm", "head"); `role` is the last component ("q", "k", "v", "o", "qkv",
/// "up", "gate", "down", "attn_out", "heads", "ffn_out", "kv", "attn_norm", "ffn_norm", ...).
/// `hf_module` is the Hugging Face module path, used for PEFT's target_modules matching and for
/// export ("model.layers.3.self_attn.q_proj", "transformer.h.3.attn.c_attn").
struct SiteInfo {
    std::string name;
    SiteKind kind = SiteKind::Linear;
    int layer = -1;                 ///< -1 for sites outside the blocks
    std::string role;
    std::string hf_module;
    int64_t in_features = 0;        ///< Linear: input width; other kinds: hidden size
    int64_t out_features = 0;       ///< Linear: output width; HeadOutput: heads*head_dim; AttentionKV: kv_heads*head_dim
    bool has_bias = false;
    bool fan_in_fan_out = false;    ///< GPT-2 Conv1D: stored [in, out] in Hugging Face files
    /// Fused projections (GPT-2 c_attn): output slices by sub-role, e.g. {"q",0,768},{"k",768,1536}.
    struct Slice { std::string role; int64_t begin = 0; int64_t end = 0; };
    std::vector<Slice> slices;
    /// Hugging Face names of the base parameters that live at this site (for unfreeze, BitFit,
    /// norm tuning and parameter reports), e.g. "model.layers.0.self_attn.q_proj.weight".
    std::vector<std::string> parameter_names;
    std::vector<std::vector<int64_t>> parameter_shapes;
};

} // namespace peft
