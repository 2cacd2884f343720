// SPDX-License-Identifier: MIT
// The Llama family (llama, mistral, qwen2): RMSNorm, rotary positions, grouped-query attention,
// SwiGLU MLP; qwen2's q/k/v biases and mistral's sliding window come from the config.
#include "models/decoder.h"

namespace peft {
namespace {

class LlamaBlockImpl : public DecoderBlockImpl {
public:
    LlamaBlockImpl(const ModelConfig& c, const SiteLookup& sites, int i, double attn_dropout)
        : heads_(c.num_heads), kv_heads_(c.num_kv_heads), head_dim_(c.head_dim), act_(c.hidden_act),
          attn_dropout_(attn_dropout) {
        const std::string p = "layers." + std::to_string(i);
        attn_norm = register_module("attn_norm", NormSite(sites.at(p + ".attn_norm"), c.hidden_size, c.norm_eps, true));
        q = register_module("q", sites.linear(p + ".attn.q"));
        k = register_module("k", sites.linear(p + ".attn.k"));
        v = register_module("v", sites.linear(p + ".attn.v"));
        kv = register_module("kv", Site(sites.at(p + ".attn.kv")));
        heads = register_module("heads", Site(sites.at(p + ".attn.heads")));
        o = register_module("o", sites.linear(p + ".attn.o"));
        attn_out = register_module("attn_out", Site(sites.at(p + ".attn_out")));
        ffn_norm = register_module("ffn_norm", NormSite(sites.at(p + ".ffn_norm"), c.hidden_size, c.norm_eps, true));
        gate = register_module("gate", sites.linear(p + ".ffn.gate"));
        up = register_module("up", sites.linear(p + ".ffn.up"));
        down = register_module("down", sites.linear(p + ".ffn.down"));
        ffn_out = register_module("ffn_out", Site(sites.at(p + ".ffn_out")));
    }

    torch::Tensor forward(torch::Tensor x, const AttentionContext& ctx, const PrefixKV& prefix, const RopeTables& rope,
                          size_t layer) override {
        const int64_t B = x.size(0), T = x.size(1);
        torch::Tensor h = attn_norm->forward(x);
        torch::Tensor qs = q->forward(h).view({B, T, heads_, head_dim_}).transpose(1, 2);
        torch::Tensor ks = k->forward(h).view({B, T, kv_heads_, head_dim_}).transpose(1, 2);
        torch::Tensor vs = v->forward(h).view({B, T, kv_heads_, head_dim_}).transpose(1, 2);
        qs = apply_rope(qs, rope.cos, rope.sin);
        ks = apply_rope(ks, rope.cos, rope.sin);
        x = x + attention_sublayer(h, qs, ks, vs, ctx, prefix, layer, {heads.get(), o.get(), attn_out.get()},
                                   attn_dropout_, is_training());

        h = ffn_norm->forward(x);
        torch::Tensor f = down->forward(activation(act_, gate->forward(h)) * up->forward(h));
        return x + ffn_out->forward(h, f);
    }

    std::vector<SiteImpl*> block_sites() override {
        return {attn_norm.get(), q.get(), k.get(), v.get(), kv.get(), heads.get(), o.get(), attn_out.get(),
                ffn_norm.get(), gate.get(), up.get(), down.get(), ffn_out.get()};
    }

    NormSite attn_norm{nullptr}, ffn_norm{nullptr};
    LinearSite q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr}, gate{nullptr}, up{nullptr}, down{nullptr};
    Site kv{nullptr}, heads{nullptr}, attn_out{nullptr}, ffn_out{nullptr};

private:
    int64_t heads_, kv_heads_, head_dim_;
    std::string act_;
    double attn_dropout_;
};

class LlamaImpl : public DecoderImpl {
public:
    LlamaImpl(const ModelConfig& config, TaskHead head) : DecoderImpl(config, head, "embed_tokens.weight") {
        // Llama-family models have attention dropout only (no residual or embedding dropout).
        const double attn_dropout = config_number(config_, "attention_dropout", 0.0);
        for (int i = 0; i < config_.num_layers; ++i) add_block(std::make_shared<LlamaBlockImpl>(config_, lookup_, i, attn_dropout));
        finish(/*rms_norm=*/true);
    }

protected:
    RopeTables apply_positions(torch::Tensor& x, const torch::Tensor& positions, int64_t) override {
        auto [cos, sin] = rope_tables(positions, config_.head_dim, config_.rope_theta, x.scalar_type());
        return {cos, sin};
    }
};

} // namespace

Transformer make_llama(const ModelConfig& config, TaskHead head) {
    return Transformer(std::shared_ptr<TransformerImpl>(std::make_shared<LlamaImpl>(config, head)));
}

} // namespace peft
