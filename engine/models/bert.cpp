// SPDX-License-Identifier: MIT
#include "models/bert.h"

#include "core/error.h"
#include "models/attention.h"
#include "models/layers.h"
#include "models/names.h"
#include "models/site_lookup.h"

namespace peft {
namespace {

class EncoderBlockImpl : public torch::nn::Module {
public:
    EncoderBlockImpl(const ModelConfig& c, const SiteLookup& sites, int i, double attn_dropout, double hidden_dropout)
        : c_(c), attn_dropout_(attn_dropout), hidden_dropout_(hidden_dropout) {
        const std::string p = "layers." + std::to_string(i);
        q = register_module("q", sites.linear(p + ".attn.q"));
        k = register_module("k", sites.linear(p + ".attn.k"));
        v = register_module("v", sites.linear(p + ".attn.v"));
        kv = register_module("kv", Site(sites.at(p + ".attn.kv")));
        heads = register_module("heads", Site(sites.at(p + ".attn.heads")));
        o = register_module("o", sites.linear(p + ".attn.o"));
        attn_out = register_module("attn_out", Site(sites.at(p + ".attn_out")));
        attn_norm = register_module("attn_norm", NormSite(sites.at(p + ".attn_norm"), c.hidden_size, c.norm_eps, false));
        up = register_module("up", sites.linear(p + ".ffn.up"));
        down = register_module("down", sites.linear(p + ".ffn.down"));
        ffn_out = register_module("ffn_out", Site(sites.at(p + ".ffn_out")));
        ffn_norm = register_module("ffn_norm", NormSite(sites.at(p + ".ffn_norm"), c.hidden_size, c.norm_eps, false));
    }

    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& ctx, const PrefixKV& prefix, size_t layer) {
        const int64_t B = x.size(0), T = x.size(1), H = c_.num_heads, D = c_.head_dim;
        torch::Tensor qs = q->forward(x).view({B, T, H, D}).transpose(1, 2);
        torch::Tensor ks = k->forward(x).view({B, T, H, D}).transpose(1, 2);
        torch::Tensor vs = v->forward(x).view({B, T, H, D}).transpose(1, 2);
        torch::Tensor a = attention_sublayer(x, qs, ks, vs, ctx, prefix, layer, {heads.get(), o.get(), attn_out.get()},
                                             attn_dropout_, is_training());
        if (hidden_dropout_ > 0 && is_training()) a = torch::dropout(a, hidden_dropout_, true);
        torch::Tensor h = attn_norm->forward(a + x);

        torch::Tensor f = down->forward(activation(c_.hidden_act, up->forward(h)));
        f = ffn_out->forward(h, f);
        if (hidden_dropout_ > 0 && is_training()) f = torch::dropout(f, hidden_dropout_, true);
        return ffn_norm->forward(f + h);
    }

    /// The block's sites in data-path order (post-norm: each norm after its residual add).
    std::vector<SiteImpl*> block_sites() {
        return {q.get(), k.get(), v.get(), kv.get(), heads.get(), o.get(), attn_out.get(), attn_norm.get(),
                up.get(), down.get(), ffn_out.get(), ffn_norm.get()};
    }

    LinearSite q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr}, up{nullptr}, down{nullptr};
    Site kv{nullptr}, heads{nullptr}, attn_out{nullptr}, ffn_out{nullptr};
    NormSite attn_norm{nullptr}, ffn_norm{nullptr};

private:
    const ModelConfig& c_;
    double attn_dropout_, hidden_dropout_;
};
TORCH_MODULE(EncoderBlock);

class EncoderImpl : public TransformerImpl {
public:
    EncoderImpl(const ModelConfig& config, TaskHead head) : TransformerImpl(config, head) {
        if (head == TaskHead::CausalLM)
            throw Error(config_.source + ": " + config_.model_type + " is an encoder: it has no causal-LM head");
        check_activation(config_.hidden_act, config_.source);
        roberta_ = config_.model_type == "roberta";
        hidden_dropout_ = config_number(config_, "hidden_dropout_prob", 0.1);
        const double attn_dropout = config_number(config_, "attention_probs_dropout_prob", 0.1);
        SiteLookup sites(site_infos_);
        const HfNames names = hf_names(config_, head);
        const std::string e = names.base + "embeddings.";
        const int64_t d = config_.hidden_size;

        embeddings = register_module("embeddings", Site(sites.at("embeddings")));
        word = embeddings->register_parameter("word", torch::empty({config_.vocab_size, d}));
        position = embeddings->register_parameter("position", torch::empty({config_.max_positions, d}));
        named_.push_back({e + "word_embeddings.weight", word});
        named_.push_back({e + "position_embeddings.weight", position});
        if (config_.type_vocab_size > 0) {
            token_type = embeddings->register_parameter("token_type", torch::empty({config_.type_vocab_size, d}));
            named_.push_back({e + "token_type_embeddings.weight", token_type});
        }
        emb_norm_weight = embeddings->register_parameter("norm_weight", torch::ones({d}));
        emb_norm_bias = embeddings->register_parameter("norm_bias", torch::zeros({d}));
        named_.push_back({e + "LayerNorm.weight", emb_norm_weight});
        named_.push_back({e + "LayerNorm.bias", emb_norm_bias});
        register_site(*embeddings);

        for (int i = 0; i < config_.num_layers; ++i) {
            blocks.push_back(register_module("layer" + std::to_string(i),
                                             EncoderBlock(config_, sites, i, attn_dropout, hidden_dropout_)));
            auto& b = *blocks.back();
            for (SiteImpl* site : b.block_sites()) {
                register_site(*site);
                collect_site_tensors(*site, named_);
            }
            kv_sites_.push_back(b.kv.get());
        }
        if (head == TaskHead::SequenceClassification) {
            if (!roberta_) {
                pooler = register_module("pooler", sites.linear("pooler"));
                register_site(*pooler);
                collect_site_tensors(*pooler, named_);
            }
            head_site = register_module("head", Site(sites.at("head")));
            register_site(*head_site);
            const int64_t C = config_.num_labels;
            if (roberta_) {
                dense_w = head_site->register_parameter("dense_weight", torch::empty({d, d}));
                dense_b = head_site->register_parameter("dense_bias", torch::zeros({d}));
                named_.push_back({"classifier.dense.weight", dense_w});
                named_.push_back({"classifier.dense.bias", dense_b});
                out_w = head_site->register_parameter("out_weight", torch::empty({C, d}));
                out_b = head_site->register_parameter("out_bias", torch::zeros({C}));
                named_.push_back({"classifier.out_proj.weight", out_w});
                named_.push_back({"classifier.out_proj.bias", out_b});
            } else {
                out_w = head_site->register_parameter("weight", torch::empty({C, d}));
                out_b = head_site->register_parameter("bias", torch::zeros({C}));
                named_.push_back({"classifier.weight", out_w});
                named_.push_back({"classifier.bias", out_b});
            }
        }
    }

    torch::Tensor hidden_states(const ForwardInput& in) override {
        const torch::Tensor& ids = in.input_ids;
        if (ids.dim() != 2) throw Error("input_ids must be [batch, tokens]");
        const int64_t B = ids.size(0);
        int64_t prefix = 0;
        const std::vector<PrefixKV> prefixes = collect_prefixes(kv_sites_, B, &prefix);
        torch::Tensor mask = in.attention_mask;
        torch::Tensor x = torch::embedding(word, ids);
        torch::Tensor types = in.token_type_ids.defined() ? in.token_type_ids : torch::zeros_like(ids);

        int64_t virtual_tokens = 0;
        torch::Tensor prompt;
        if (!embeddings->empty()) {
            if (auto p = embeddings->prompt_embeddings(B)) {
                prompt = p->to(x.scalar_type());
                virtual_tokens = prompt.size(1);
            }
        }
        const int64_t T = ids.size(1) + virtual_tokens;
        if (prefix + T + config_.position_offset > config_.max_positions)
            throw Error("sequence of " + std::to_string(T + prefix) + " positions is longer than the model's " +
                        std::to_string(config_.max_positions - config_.position_offset) + " (max_position_embeddings)");
        // Positions as transformers computes them when a prefix is passed as past_key_values
        // (real tokens start after it); prompt tokens, when present, come first.
        torch::Tensor positions;
        if (roberta_) {
            // RoBERTa counts real (non-padding) tokens from padding_idx + 1; padding sits at padding_idx.
            const int64_t pad = config_.pad_token_id.value_or(1);
            torch::Tensor real = ids.ne(pad).to(torch::kLong);
            positions = (real.cumsum(1) + prefix + virtual_tokens) * real + pad;
        } else {
            positions = torch::arange(prefix + virtual_tokens, prefix + T, ids.options()).unsqueeze(0).expand({B, ids.size(1)});
        }
        if (virtual_tokens > 0) {
            // Virtual tokens are already embeddings: they only get positions and token type 0.
            const int64_t first = prefix + (roberta_ ? config_.pad_token_id.value_or(1) + 1 : 0);
            torch::Tensor virtual_positions = torch::arange(first, first + virtual_tokens, ids.options());
            x = torch::cat({prompt, x}, 1);
            positions = torch::cat({virtual_positions.unsqueeze(0).expand({B, virtual_tokens}), positions}, 1);
            types = torch::cat({torch::zeros({B, virtual_tokens}, types.options()), types}, 1);
            if (mask.defined()) mask = torch::cat({torch::ones({B, virtual_tokens}, mask.options()), mask}, 1);
        }
        x = x + torch::embedding(position, positions);
        if (token_type.defined()) x = x + torch::embedding(token_type, types);
        x = torch::layer_norm(x, {x.size(-1)}, emb_norm_weight, emb_norm_bias, config_.norm_eps);
        if (!embeddings->empty()) x = embeddings->forward(x, x);
        if (hidden_dropout_ > 0 && is_training()) x = torch::dropout(x, hidden_dropout_, true);

        AttentionContext ctx; // bidirectional: undefined mask = every key visible
        ctx.mask = build_attention_mask(mask, B, T, 0, false, x.scalar_type(), x.device());
        for (size_t i = 0; i < blocks.size(); ++i) x = blocks[i]->forward(x, ctx, prefixes[i], i);
        if (virtual_tokens > 0) x = x.narrow(1, virtual_tokens, T - virtual_tokens);
        return x;
    }

    std::vector<NamedTensor> named_tensors() override { return named_; }

protected:
    torch::Tensor apply_head(const torch::Tensor& hidden, const ForwardInput&) override {
        if (head_ == TaskHead::None) return hidden;
        torch::Tensor first = hidden.select(1, 0); // [CLS] / <s>
        torch::Tensor logits;
        if (roberta_) {
            torch::Tensor h = torch::tanh(torch::nn::functional::linear(first, dense_w, dense_b));
            logits = torch::nn::functional::linear(h, out_w, out_b);
        } else {
            torch::Tensor pooled = torch::tanh(pooler->forward(first));
            if (hidden_dropout_ > 0 && is_training()) pooled = torch::dropout(pooled, hidden_dropout_, true);
            logits = torch::nn::functional::linear(pooled, out_w, out_b);
        }
        return head_site->forward(first, logits);
    }

private:
    bool roberta_ = false;
    double hidden_dropout_ = 0.1;
    Site embeddings{nullptr}, head_site{nullptr};
    LinearSite pooler{nullptr};
    std::vector<EncoderBlock> blocks;
    torch::Tensor word, position, token_type, emb_norm_weight, emb_norm_bias, dense_w, dense_b, out_w, out_b;
    std::vector<NamedTensor> named_;
    std::vector<SiteImpl*> kv_sites_;
};

} // namespace

Transformer make_encoder(const ModelConfig& config, TaskHead head) {
    return Transformer(std::shared_ptr<TransformerImpl>(std::make_shared<EncoderImpl>(config, head)));
}

} // namespace peft
