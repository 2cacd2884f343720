// SPDX-License-Identifier: MIT
// GPT-2: LayerNorm, learned absolute positions, fused c_attn (Conv1D, [in, out] in files:
// transposed on load and save), GELU MLP, lm_head tied to wte.
#include "models/decoder.h"

#include "core/error.h"
#include "models/names.h"

namespace peft {
namespace {

struct Gpt2Dropout {
    double attn = 0.1, resid = 0.1, embd = 0.1; ///< transformers' GPT2Config defaults
};

class Gpt2BlockImpl : public DecoderBlockImpl {
public:
    Gpt2BlockImpl(const ModelConfig& c, const SiteLookup& sites, int i, Gpt2Dropout dropout)
        : d_(c.hidden_size), heads_(c.num_heads), head_dim_(c.head_dim), act_(c.hidden_act), dropout_(dropout) {
        const std::string p = "layers." + std::to_string(i);
        attn_norm = register_module("attn_norm", NormSite(sites.at(p + ".attn_norm"), c.hidden_size, c.norm_eps, false));
        qkv = register_module("qkv", sites.linear(p + ".attn.qkv"));
        kv = register_module("kv", Site(sites.at(p + ".attn.kv")));
        heads = register_module("heads", Site(sites.at(p + ".attn.heads")));
        o = register_module("o", sites.linear(p + ".attn.o"));
        attn_out = register_module("attn_out", Site(sites.at(p + ".attn_out")));
        ffn_norm = register_module("ffn_norm", NormSite(sites.at(p + ".ffn_norm"), c.hidden_size, c.norm_eps, false));
        up = register_module("up", sites.linear(p + ".ffn.up"));
        down = register_module("down", sites.linear(p + ".ffn.down"));
        ffn_out = register_module("ffn_out", Site(sites.at(p + ".ffn_out")));
    }

    torch::Tensor forward(torch::Tensor x, const AttentionContext& ctx, const PrefixKV& prefix, const RopeTables&,
                          size_t layer) override {
        const int64_t B = x.size(0), T = x.size(1);
        const bool training = is_training();
        torch::Tensor h = attn_norm->forward(x);
        auto parts = qkv->forward(h).split(d_, -1);
        auto split_heads = [&](const torch::Tensor& t) { return t.view({B, T, heads_, head_dim_}).transpose(1, 2); };
        torch::Tensor a = attention_sublayer(h, split_heads(parts[0]), split_heads(parts[1]), split_heads(parts[2]), ctx,
                                             prefix, layer, {heads.get(), o.get(), attn_out.get()}, dropout_.attn, training);
        if (dropout_.resid > 0 && training) a = torch::dropout(a, dropout_.resid, true);
        x = x + a;

        h = ffn_norm->forward(x);
        torch::Tensor f = ffn_out->forward(h, down->forward(activation(act_, up->forward(h))));
        if (dropout_.resid > 0 && training) f = torch::dropout(f, dropout_.resid, true);
        return x + f;
    }

    std::vector<SiteImpl*> block_sites() override {
        return {attn_norm.get(), qkv.get(), kv.get(), heads.get(), o.get(), attn_out.get(),
                ffn_norm.get(), up.get(), down.get(), ffn_out.get()};
    }

    NormSite attn_norm{nullptr}, ffn_norm{nullptr};
    LinearSite qkv{nullptr}, o{nullptr}, up{nullptr}, down{nullptr};
    Site kv{nullptr}, heads{nullptr}, attn_out{nullptr}, ffn_out{nullptr};

private:
    int64_t d_, heads_, head_dim_;
    std::string act_;
    Gpt2Dropout dropout_;
};

class Gpt2Impl : public DecoderImpl {
public:
    Gpt2Impl(const ModelConfig& config, TaskHead head) : DecoderImpl(config, head, "wte.weight") {
        dropout_.attn = config_number(config_, "attn_pdrop", 0.1);
        dropout_.resid = config_number(config_, "resid_pdrop", 0.1);
        dropout_.embd = config_number(config_, "embd_pdrop", 0.1);
        position_embedding_ = embeddings->register_parameter("positions", torch::empty({config_.max_positions, config_.hidden_size}));
        named_.push_back({hf_names(config_, head).base + "wpe.weight", position_embedding_});
        for (int i = 0; i < config_.num_layers; ++i) add_block(std::make_shared<Gpt2BlockImpl>(config_, lookup_, i, dropout_));
        finish(/*rms_norm=*/false);
    }

protected:
    RopeTables apply_positions(torch::Tensor& x, const torch::Tensor& positions, int64_t extent) override {
        if (extent > config_.max_positions)
            throw Error("sequence of " + std::to_string(extent) + " positions is longer than the model's " +
                        std::to_string(config_.max_positions) + " (n_positions in " + config_.source + ")");
        x = x + torch::embedding(position_embedding_, positions);
        if (dropout_.embd > 0 && is_training()) x = torch::dropout(x, dropout_.embd, true);
        return {};
    }

private:
    Gpt2Dropout dropout_;
    torch::Tensor position_embedding_;
};

} // namespace

Transformer make_gpt2(const ModelConfig& config, TaskHead head) {
    return Transformer(std::shared_ptr<TransformerImpl>(std::make_shared<Gpt2Impl>(config, head)));
}

} // namespace peft
