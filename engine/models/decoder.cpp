// SPDX-License-Identifier: MIT
#include "models/decoder.h"

#include "core/error.h"
#include "models/layers.h"
#include "models/names.h"
#include "models/site_lookup.h"

namespace peft {
namespace {

struct DecoderOptions {
    bool gpt2 = false;          ///< fused qkv, learned positions, LayerNorm, GELU MLP
    double attn_dropout = 0, resid_dropout = 0, embd_dropout = 0;
};

class DecoderBlockImpl : public torch::nn::Module {
public:
    DecoderBlockImpl(const ModelConfig& c, const SiteLookup& sites, int i, const DecoderOptions& o) : c_(c), o_(o) {
        const std::string p = "layers." + std::to_string(i);
        attn_norm = register_module("attn_norm", NormSite(sites.at(p + ".attn_norm"), c.hidden_size, c.norm_eps, !o.gpt2));
        if (o.gpt2) {
            qkv = register_module("qkv", sites.linear(p + ".attn.qkv"));
        } else {
            q = register_module("q", sites.linear(p + ".attn.q"));
            k = register_module("k", sites.linear(p + ".attn.k"));
            v = register_module("v", sites.linear(p + ".attn.v"));
        }
        kv = register_module("kv", Site(sites.at(p + ".attn.kv")));
        heads = register_module("heads", Site(sites.at(p + ".attn.heads")));
        this->o = register_module("o", sites.linear(p + ".attn.o"));
        attn_out = register_module("attn_out", Site(sites.at(p + ".attn_out")));
        ffn_norm = register_module("ffn_norm", NormSite(sites.at(p + ".ffn_norm"), c.hidden_size, c.norm_eps, !o.gpt2));
        if (!o.gpt2) gate = register_module("gate", sites.linear(p + ".ffn.gate"));
        up = register_module("up", sites.linear(p + ".ffn.up"));
        down = register_module("down", sites.linear(p + ".ffn.down"));
        ffn_out = register_module("ffn_out", Site(sites.at(p + ".ffn_out")));
    }

    torch::Tensor forward(torch::Tensor x, const AttentionContext& ctx, const PrefixKV& prefix, const torch::Tensor& cos,
                          const torch::Tensor& sin, KVCache* cache, size_t layer) {
        const int64_t B = x.size(0), T = x.size(1), H = c_.num_heads, KV = c_.num_kv_heads, D = c_.head_dim;
        torch::Tensor h = attn_norm->forward(x);
        torch::Tensor qs, ks, vs;
        if (o_.gpt2) {
            auto parts = qkv->forward(h).split(c_.hidden_size, -1);
            qs = parts[0], ks = parts[1], vs = parts[2];
        } else {
            qs = q->forward(h), ks = k->forward(h), vs = v->forward(h);
        }
        qs = qs.view({B, T, H, D}).transpose(1, 2);
        ks = ks.view({B, T, KV, D}).transpose(1, 2);
        vs = vs.view({B, T, KV, D}).transpose(1, 2);
        if (!o_.gpt2) {
            qs = apply_rope(qs, cos, sin);
            ks = apply_rope(ks, cos, sin);
        }
        append_to_cache(cache, layer, ks, vs);
        torch::Tensor mask = ctx.mask;
        prepend_prefix(prefix, ks, vs, mask);
        torch::Tensor a = attend(qs, ks, vs, mask, o_.attn_dropout, is_training()); // [B, H, T, D]
        a = a.transpose(1, 2);                                                           // [B, T, H, D]
        if (!heads->empty()) a = heads->forward(h, a);
        a = this->o->forward(a.reshape({B, T, H * D}));
        a = attn_out->forward(h, a);
        if (o_.resid_dropout > 0 && is_training()) a = torch::dropout(a, o_.resid_dropout, true);
        x = x + a;

        h = ffn_norm->forward(x);
        torch::Tensor f = o_.gpt2 ? activation(c_.hidden_act, up->forward(h))
                                  : activation(c_.hidden_act, gate->forward(h)) * up->forward(h);
        f = down->forward(f);
        f = ffn_out->forward(h, f);
        if (o_.resid_dropout > 0 && is_training()) f = torch::dropout(f, o_.resid_dropout, true);
        return x + f;
    }

    NormSite attn_norm{nullptr}, ffn_norm{nullptr};
    LinearSite q{nullptr}, k{nullptr}, v{nullptr}, qkv{nullptr}, o{nullptr}, gate{nullptr}, up{nullptr}, down{nullptr};
    Site kv{nullptr}, heads{nullptr}, attn_out{nullptr}, ffn_out{nullptr};

private:
    const ModelConfig& c_;
    DecoderOptions o_;
};
TORCH_MODULE(DecoderBlock);

double config_number(const ModelConfig& c, const char* key, double fallback) {
    auto it = c.raw.find(key);
    return it != c.raw.end() && it->is_number() ? it->get<double>() : fallback;
}

class DecoderImpl : public TransformerImpl {
public:
    DecoderImpl(const ModelConfig& config, TaskHead head) : TransformerImpl(config, head) {
        check_activation(config_.hidden_act, config_.source);
        o_.gpt2 = config_.family == ModelFamily::Gpt2;
        if (o_.gpt2) {
            o_.attn_dropout = config_number(config_, "attn_pdrop", 0.1);
            o_.resid_dropout = config_number(config_, "resid_pdrop", 0.1);
            o_.embd_dropout = config_number(config_, "embd_pdrop", 0.1);
        } else {
            o_.attn_dropout = config_number(config_, "attention_dropout", 0.0);
        }
        SiteLookup sites(site_infos_);
        const HfNames names = hf_names(config_, head);
        const int64_t d = config_.hidden_size;

        embeddings = register_module("embeddings", Site(sites.at("embeddings")));
        token_embedding = embeddings->register_parameter("tokens", torch::empty({config_.vocab_size, d}));
        named_.push_back({names.base + (o_.gpt2 ? "wte.weight" : "embed_tokens.weight"), token_embedding});
        if (o_.gpt2) {
            position_embedding = embeddings->register_parameter("positions", torch::empty({config_.max_positions, d}));
            named_.push_back({names.base + "wpe.weight", position_embedding});
        }
        register_site(*embeddings);
        for (int i = 0; i < config_.num_layers; ++i) {
            blocks.push_back(register_module("layer" + std::to_string(i), DecoderBlock(config_, sites, i, o_)));
            register_block_sites(*blocks.back());
        }
        final_norm = register_module("final_norm", NormSite(sites.at("final_norm"), d, config_.norm_eps, !o_.gpt2));
        add_norm(*final_norm);

        if (head != TaskHead::None) {
            head_site = register_module("head", Site(sites.at("head")));
            register_site(*head_site);
            if (head == TaskHead::CausalLM && tied_lm_head(config_)) {
                head_weight = token_embedding;
                named_.push_back({"lm_head.weight", token_embedding, false, true});
            } else {
                const int64_t out = head == TaskHead::CausalLM ? config_.vocab_size : config_.num_labels;
                head_weight = head_site->register_parameter("weight", torch::empty({out, d}));
                named_.push_back({names.head_module + ".weight", head_weight});
            }
        }
    }

    torch::Tensor hidden_states(const ForwardInput& in) override {
        const torch::Tensor& ids = in.input_ids;
        if (ids.dim() != 2) throw Error("input_ids must be [batch, tokens], got " + std::to_string(ids.dim()) + " dimensions");
        const int64_t B = ids.size(0);
        const int64_t past = in.cache ? in.cache->length() : 0;
        int64_t prefix = 0;
        const std::vector<PrefixKV> prefixes = collect_prefixes(kv_sites_, B, &prefix);
        torch::Tensor mask = in.attention_mask;

        torch::Tensor x = torch::embedding(token_embedding, ids);
        int64_t virtual_tokens = 0;
        if (!embeddings->empty() && past == 0) {
            if (auto prompt = embeddings->prompt_embeddings(B)) {
                virtual_tokens = prompt->size(1);
                x = torch::cat({prompt->to(x.scalar_type()), x}, 1);
                if (mask.defined()) mask = torch::cat({torch::ones({B, virtual_tokens}, mask.options()), mask}, 1);
            }
            x = embeddings->forward(x, x);
        }
        const int64_t T = x.size(1);
        if (prefix + past + T > config_.max_positions && o_.gpt2)
            throw Error("sequence of " + std::to_string(prefix + past + T) + " positions is longer than the model's " +
                        std::to_string(config_.max_positions) + " (n_positions)");
        const torch::Tensor positions = positions_for(mask, B, T, past, prefix, x.device());
        torch::Tensor cos, sin;
        if (o_.gpt2) {
            x = x + torch::embedding(position_embedding, positions);
            if (o_.embd_dropout > 0 && is_training()) x = torch::dropout(x, o_.embd_dropout, true);
        } else {
            std::tie(cos, sin) = rope_tables(positions, config_.head_dim, config_.rope_theta, x.scalar_type());
        }
        AttentionContext ctx;
        ctx.past = past;
        ctx.mask = build_attention_mask(mask, B, T, past, true, x.scalar_type(), x.device(), config_.sliding_window);
        for (size_t i = 0; i < blocks.size(); ++i) x = blocks[i]->forward(x, ctx, prefixes[i], cos, sin, in.cache, i);
        x = final_norm->forward(x);
        if (virtual_tokens > 0) x = x.narrow(1, virtual_tokens, T - virtual_tokens);
        return x;
    }

    std::vector<NamedTensor> named_tensors() override { return named_; }

protected:
    torch::Tensor apply_head(const torch::Tensor& hidden, const ForwardInput& in) override {
        if (head_ == TaskHead::None) return hidden;
        if (head_ == TaskHead::CausalLM) {
            torch::Tensor logits = torch::nn::functional::linear(hidden, head_weight);
            return head_site->forward(hidden, logits);
        }
        const int64_t B = hidden.size(0), T = hidden.size(1);
        torch::Tensor index = last_token_index(in.attention_mask, B, T, hidden.device());
        torch::Tensor pooled = hidden.index({torch::arange(B, index.options()), index});
        torch::Tensor logits = torch::nn::functional::linear(pooled, head_weight);
        return head_site->forward(pooled, logits);
    }

private:
    void add_linear(LinearSiteImpl& s) {
        register_site(s);
        const SiteInfo& info = s.info();
        named_.push_back({info.parameter_names[0], s.weight, info.fan_in_fan_out});
        if (s.bias.defined()) named_.push_back({info.parameter_names[1], s.bias});
    }
    void add_norm(NormSiteImpl& s) {
        register_site(s);
        named_.push_back({s.info().parameter_names[0], s.weight});
        if (s.bias.defined()) named_.push_back({s.info().parameter_names[1], s.bias});
    }
    void register_block_sites(DecoderBlockImpl& b) {
        add_norm(*b.attn_norm);
        if (o_.gpt2) add_linear(*b.qkv);
        else {
            add_linear(*b.q);
            add_linear(*b.k);
            add_linear(*b.v);
        }
        register_site(*b.kv);
        kv_sites_.push_back(b.kv.get());
        register_site(*b.heads);
        add_linear(*b.o);
        register_site(*b.attn_out);
        add_norm(*b.ffn_norm);
        if (!o_.gpt2) add_linear(*b.gate);
        add_linear(*b.up);
        add_linear(*b.down);
        register_site(*b.ffn_out);
    }

    DecoderOptions o_;
    Site embeddings{nullptr}, head_site{nullptr};
    NormSite final_norm{nullptr};
    std::vector<DecoderBlock> blocks;
    torch::Tensor token_embedding, position_embedding, head_weight;
    std::vector<NamedTensor> named_;
    std::vector<SiteImpl*> kv_sites_;
};

} // namespace

Transformer make_decoder(const ModelConfig& config, TaskHead head) {
    return Transformer(std::shared_ptr<TransformerImpl>(std::make_shared<DecoderImpl>(config, head)));
}

} // namespace peft
