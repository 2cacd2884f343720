// SPDX-License-Identifier: MIT
#include "models/decoder.h"

#include "core/error.h"
#include "models/names.h"

namespace peft {

DecoderImpl::DecoderImpl(const ModelConfig& config, TaskHead head, const std::string& token_embedding_name)
    : TransformerImpl(config, head), lookup_(site_infos_) {
    check_activation(config_.hidden_act, config_.source);
    embeddings = register_module("embeddings", Site(lookup_.at("embeddings")));
    token_embedding = embeddings->register_parameter("tokens", torch::empty({config_.vocab_size, config_.hidden_size}));
    named_.push_back({hf_names(config_, head).base + token_embedding_name, token_embedding});
    register_site(*embeddings);
}

void DecoderImpl::add_block(std::shared_ptr<DecoderBlockImpl> block) {
    register_module("layer" + std::to_string(blocks_.size()), block);
    for (SiteImpl* site : block->block_sites()) {
        register_site(*site);
        collect_site_tensors(*site, named_);
        if (site->info().kind == SiteKind::AttentionKV) kv_sites_.push_back(site);
    }
    blocks_.push_back(std::move(block));
}

void DecoderImpl::finish(bool rms_norm) {
    final_norm_ = register_module("final_norm", NormSite(lookup_.at("final_norm"), config_.hidden_size, config_.norm_eps, rms_norm));
    register_site(*final_norm_);
    collect_site_tensors(*final_norm_, named_);
    if (head_ == TaskHead::None) return;
    head_site_ = register_module("head", Site(lookup_.at("head")));
    register_site(*head_site_);
    if (head_ == TaskHead::CausalLM && tied_lm_head(config_)) {
        head_weight_ = token_embedding; // the same tensor: training one trains both, as in transformers
        named_.push_back({"lm_head.weight", token_embedding, false, true});
    } else {
        const int64_t out = head_ == TaskHead::CausalLM ? config_.vocab_size : config_.num_labels;
        head_weight_ = head_site_->register_parameter("weight", torch::empty({out, config_.hidden_size}));
        named_.push_back({hf_names(config_, head_).head_module + ".weight", head_weight_});
    }
}

torch::Tensor DecoderImpl::hidden_states(const ForwardInput& in) {
    const torch::Tensor& ids = in.input_ids;
    if (ids.dim() != 2) throw Error("input_ids must be [batch, tokens], got " + std::to_string(ids.dim()) + " dimensions");
    const int64_t B = ids.size(0);
    const int64_t past = in.cache ? in.cache->length() : 0;
    int64_t prefix = 0;
    const std::vector<PrefixKV> prefixes = collect_prefixes(kv_sites_, B, &prefix);
    torch::Tensor mask = in.attention_mask;

    torch::Tensor x = torch::embedding(token_embedding, ids);
    int64_t virtual_tokens = 0;
    if (!embeddings->empty()) {
        // Prompt tuning: virtual tokens take the first positions; they are cached like real
        // tokens, so only the first pass (past == 0) prepends them.
        if (auto prompt = past == 0 ? embeddings->prompt_embeddings(B) : std::nullopt) {
            virtual_tokens = prompt->size(1);
            x = torch::cat({prompt->to(x.scalar_type()), x}, 1);
            if (mask.defined()) mask = torch::cat({torch::ones({B, virtual_tokens}, mask.options()), mask}, 1);
        }
        x = embeddings->forward(x, x); // output modules see every token, also in cached decoding
    }
    const int64_t T = x.size(1);
    // As transformers does with a prefix passed as past_key_values, real tokens start at `prefix`.
    const torch::Tensor positions = positions_for(mask, B, T, past, prefix, x.device());
    const RopeTables rope = apply_positions(x, positions, prefix + past + T);

    AttentionContext ctx;
    ctx.cache = in.cache;
    const bool window = config_.sliding_window && past + T > *config_.sliding_window;
    if (!mask.defined() && past == 0 && prefix == 0 && !window) {
        ctx.causal = true; // plain causal attention: fused kernels, no mask tensor
    } else {
        ctx.mask = build_attention_mask(mask, B, T, past, true, x.scalar_type(), x.device(),
                                        window ? config_.sliding_window : std::nullopt);
    }
    for (size_t i = 0; i < blocks_.size(); ++i) x = blocks_[i]->forward(x, ctx, prefixes[i], rope, i);
    x = final_norm_->forward(x);
    if (virtual_tokens > 0) x = x.narrow(1, virtual_tokens, T - virtual_tokens);
    return x;
}

torch::Tensor DecoderImpl::apply_head(const torch::Tensor& hidden, const ForwardInput& in) {
    if (head_ == TaskHead::None) return hidden;
    if (head_ == TaskHead::CausalLM) return head_site_->forward(hidden, torch::nn::functional::linear(hidden, head_weight_));
    // Sequence classification reads the last real token of each row (left or right padding).
    const int64_t B = hidden.size(0), T = hidden.size(1);
    torch::Tensor index = last_token_index(in.attention_mask, B, T, hidden.device());
    torch::Tensor pooled = hidden.index({torch::arange(B, index.options()), index});
    return head_site_->forward(pooled, torch::nn::functional::linear(pooled, head_weight_));
}

} // namespace peft
