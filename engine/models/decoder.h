// SPDX-License-Identifier: MIT
// The pre-norm decoder skeleton shared by the Llama family (llama.cpp) and GPT-2 (gpt2.cpp):
// token embeddings with prompt tokens, a stack of family-specific blocks, the final norm, and
// the heads (causal LM; classification on the last real token). Internal to engine/models.
//
// Shapes: B batch, T new tokens, d hidden size, V vocabulary, C labels.
#pragma once

#include "models/attention.h"
#include "models/layers.h"
#include "models/rope.h"
#include "models/site_lookup.h"

#include <memory>
#include <string>
#include <vector>

namespace peft {

/// One block of a pre-norm decoder; the family decides projections, positions and MLP.
class DecoderBlockImpl : public torch::nn::Module {
public:
    /// x [B,T,d] -> [B,T,d] for block `layer`.
    virtual torch::Tensor forward(torch::Tensor x, const AttentionContext& ctx, const PrefixKV& prefix,
                                  const RopeTables& rope, size_t layer) = 0;
    /// The block's sites in data-path order.
    virtual std::vector<SiteImpl*> block_sites() = 0;
};

class DecoderImpl : public TransformerImpl {
public:
    torch::Tensor hidden_states(const ForwardInput& in) override;
    std::vector<NamedTensor> named_tensors() override { return named_; }
    torch::Tensor plain_lm_head_weight() const override {
        return head_ == TaskHead::CausalLM && head_site_->empty() ? head_weight_ : torch::Tensor();
    }

protected:
    /// Registers the embeddings site with the token embedding `token_embedding_name` (after the base prefix).
    DecoderImpl(const ModelConfig& config, TaskHead head, const std::string& token_embedding_name);

    /// Family hook: position information for positions [B,T]. Learned positions are added to x
    /// (GPT-2); rotary tables are returned (Llama). `extent` = prefix + cached + new tokens.
    virtual RopeTables apply_positions(torch::Tensor& x, const torch::Tensor& positions, int64_t extent) = 0;

    /// Appends a block built by the family and registers its sites and tensors.
    void add_block(std::shared_ptr<DecoderBlockImpl> block);
    /// Adds the final norm and the head; the family's constructor calls it after its blocks.
    void finish(bool rms_norm);

    torch::Tensor apply_head(const torch::Tensor& hidden, const ForwardInput& in) override;

    SiteLookup lookup_;
    Site embeddings{nullptr};
    torch::Tensor token_embedding;
    std::vector<NamedTensor> named_;

private:
    std::vector<std::shared_ptr<DecoderBlockImpl>> blocks_;
    std::vector<SiteImpl*> kv_sites_;
    NormSite final_norm_{nullptr};
    Site head_site_{nullptr};
    torch::Tensor head_weight_;
};

/// Builders used by the registry.
Transformer make_llama(const ModelConfig& config, TaskHead head);
Transformer make_gpt2(const ModelConfig& config, TaskHead head);

} // namespace peft
