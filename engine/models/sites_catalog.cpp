// SPDX-License-Identifier: MIT
// describe_sites: the site list of each architecture, from its config alone. The model classes
// build themselves from this list, so the picture, the parameter counts and the runtime agree.
#include "models/model.h"
#include "models/names.h"

#include "core/error.h"

namespace peft {
namespace {

using Shape = std::vector<int64_t>;

struct SiteListBuilder {
    std::vector<SiteInfo> sites;

    SiteInfo& add(std::string name, SiteKind kind, int layer, std::string role, std::string hf_module) {
        SiteInfo s;
        s.name = std::move(name);
        s.kind = kind;
        s.layer = layer;
        s.role = std::move(role);
        s.hf_module = std::move(hf_module);
        sites.push_back(std::move(s));
        return sites.back();
    }

    /// A projection: weight [out, in] in the engine ([in, out] in the file when fan_in_fan_out).
    SiteInfo& linear(const std::string& name, int layer, const std::string& role, const std::string& hf_module,
                     int64_t in, int64_t out, bool bias, bool fan_in_fan_out = false) {
        SiteInfo& s = add(name, SiteKind::Linear, layer, role, hf_module);
        s.in_features = in;
        s.out_features = out;
        s.has_bias = bias;
        s.fan_in_fan_out = fan_in_fan_out;
        s.parameter_names.push_back(hf_module + ".weight");
        s.parameter_shapes.push_back(fan_in_fan_out ? Shape{in, out} : Shape{out, in});
        if (bias) {
            s.parameter_names.push_back(hf_module + ".bias");
            s.parameter_shapes.push_back({out});
        }
        return s;
    }

    SiteInfo& representation(const std::string& name, SiteKind kind, int layer, const std::string& role,
                             const std::string& hf_module, int64_t in, int64_t out) {
        SiteInfo& s = add(name, kind, layer, role, hf_module);
        s.in_features = in;
        s.out_features = out;
        return s;
    }

    SiteInfo& norm(const std::string& name, int layer, const std::string& role, const std::string& hf_module,
                   int64_t width, bool bias) {
        SiteInfo& s = add(name, SiteKind::Norm, layer, role, hf_module);
        s.in_features = s.out_features = width;
        s.has_bias = bias;
        s.parameter_names.push_back(hf_module + ".weight");
        s.parameter_shapes.push_back({width});
        if (bias) {
            s.parameter_names.push_back(hf_module + ".bias");
            s.parameter_shapes.push_back({width});
        }
        return s;
    }

    void param(SiteInfo& s, const std::string& name, Shape shape) {
        s.parameter_names.push_back(name);
        s.parameter_shapes.push_back(std::move(shape));
    }
};

std::string L(int i) { return "layers." + std::to_string(i); }

/// Sites shared by every family around attention: KV (prefix), per-head output.
void attention_representation_sites(SiteListBuilder& b, const ModelConfig& c, int i, const std::string& attn_module) {
    b.representation(L(i) + ".attn.kv", SiteKind::AttentionKV, i, "kv", attn_module, c.hidden_size,
                     c.num_kv_heads * c.head_dim);
    b.representation(L(i) + ".attn.heads", SiteKind::HeadOutput, i, "heads", attn_module, c.hidden_size,
                     c.num_heads * c.head_dim);
}

void llama_sites(SiteListBuilder& b, const ModelConfig& c, TaskHead head) {
    const HfNames n = hf_names(c, head);
    const int64_t d = c.hidden_size, q_out = c.num_heads * c.head_dim, kv_out = c.num_kv_heads * c.head_dim;
    SiteInfo& emb = b.representation("embeddings", SiteKind::Embeddings, -1, "embeddings", n.base + "embed_tokens", d, d);
    b.param(emb, n.base + "embed_tokens.weight", {c.vocab_size, d});
    for (int i = 0; i < c.num_layers; ++i) {
        const std::string layer = n.base + "layers." + std::to_string(i);
        const std::string attn = layer + ".self_attn", mlp = layer + ".mlp";
        b.norm(L(i) + ".attn_norm", i, "attn_norm", layer + ".input_layernorm", d, false);
        b.linear(L(i) + ".attn.q", i, "q", attn + ".q_proj", d, q_out, c.attention_bias);
        b.linear(L(i) + ".attn.k", i, "k", attn + ".k_proj", d, kv_out, c.attention_bias);
        b.linear(L(i) + ".attn.v", i, "v", attn + ".v_proj", d, kv_out, c.attention_bias);
        attention_representation_sites(b, c, i, attn);
        b.linear(L(i) + ".attn.o", i, "o", attn + ".o_proj", q_out, d, c.o_proj_bias);
        b.representation(L(i) + ".attn_out", SiteKind::AttentionOutput, i, "attn_out", attn, d, d);
        b.norm(L(i) + ".ffn_norm", i, "ffn_norm", layer + ".post_attention_layernorm", d, false);
        b.linear(L(i) + ".ffn.gate", i, "gate", mlp + ".gate_proj", d, c.intermediate_size, c.mlp_bias);
        b.linear(L(i) + ".ffn.up", i, "up", mlp + ".up_proj", d, c.intermediate_size, c.mlp_bias);
        b.linear(L(i) + ".ffn.down", i, "down", mlp + ".down_proj", c.intermediate_size, d, c.mlp_bias);
        b.representation(L(i) + ".ffn_out", SiteKind::FfnOutput, i, "ffn_out", mlp, d, d);
    }
    b.norm("final_norm", -1, "final_norm", n.base + "norm", d, false);
}

void gpt2_sites(SiteListBuilder& b, const ModelConfig& c, TaskHead head) {
    const HfNames n = hf_names(c, head);
    const int64_t d = c.hidden_size;
    SiteInfo& emb = b.representation("embeddings", SiteKind::Embeddings, -1, "embeddings", n.base + "wte", d, d);
    b.param(emb, n.base + "wte.weight", {c.vocab_size, d});
    b.param(emb, n.base + "wpe.weight", {c.max_positions, d});
    for (int i = 0; i < c.num_layers; ++i) {
        const std::string layer = n.base + "h." + std::to_string(i);
        b.norm(L(i) + ".attn_norm", i, "attn_norm", layer + ".ln_1", d, true);
        SiteInfo& qkv = b.linear(L(i) + ".attn.qkv", i, "qkv", layer + ".attn.c_attn", d, 3 * d, true, true);
        qkv.slices = {{"q", 0, d}, {"k", d, 2 * d}, {"v", 2 * d, 3 * d}};
        attention_representation_sites(b, c, i, layer + ".attn");
        b.linear(L(i) + ".attn.o", i, "o", layer + ".attn.c_proj", d, d, true, true);
        b.representation(L(i) + ".attn_out", SiteKind::AttentionOutput, i, "attn_out", layer + ".attn", d, d);
        b.norm(L(i) + ".ffn_norm", i, "ffn_norm", layer + ".ln_2", d, true);
        b.linear(L(i) + ".ffn.up", i, "up", layer + ".mlp.c_fc", d, c.intermediate_size, true, true);
        b.linear(L(i) + ".ffn.down", i, "down", layer + ".mlp.c_proj", c.intermediate_size, d, true, true);
        b.representation(L(i) + ".ffn_out", SiteKind::FfnOutput, i, "ffn_out", layer + ".mlp", d, d);
    }
    b.norm("final_norm", -1, "final_norm", n.base + "ln_f", d, true);
}

void bert_sites(SiteListBuilder& b, const ModelConfig& c, TaskHead head) {
    const HfNames n = hf_names(c, head);
    const int64_t d = c.hidden_size;
    const std::string e = n.base + "embeddings";
    SiteInfo& emb = b.representation("embeddings", SiteKind::Embeddings, -1, "embeddings", e, d, d);
    b.param(emb, e + ".word_embeddings.weight", {c.vocab_size, d});
    b.param(emb, e + ".position_embeddings.weight", {c.max_positions, d});
    if (c.type_vocab_size > 0) b.param(emb, e + ".token_type_embeddings.weight", {c.type_vocab_size, d});
    b.param(emb, e + ".LayerNorm.weight", {d});
    b.param(emb, e + ".LayerNorm.bias", {d});
    for (int i = 0; i < c.num_layers; ++i) {
        const std::string layer = n.base + "encoder.layer." + std::to_string(i);
        const std::string self = layer + ".attention.self";
        b.linear(L(i) + ".attn.q", i, "q", self + ".query", d, d, true);
        b.linear(L(i) + ".attn.k", i, "k", self + ".key", d, d, true);
        b.linear(L(i) + ".attn.v", i, "v", self + ".value", d, d, true);
        attention_representation_sites(b, c, i, self);
        b.linear(L(i) + ".attn.o", i, "o", layer + ".attention.output.dense", d, d, true);
        b.representation(L(i) + ".attn_out", SiteKind::AttentionOutput, i, "attn_out", layer + ".attention.output", d, d);
        b.norm(L(i) + ".attn_norm", i, "attn_norm", layer + ".attention.output.LayerNorm", d, true);
        b.linear(L(i) + ".ffn.up", i, "up", layer + ".intermediate.dense", d, c.intermediate_size, true);
        b.linear(L(i) + ".ffn.down", i, "down", layer + ".output.dense", c.intermediate_size, d, true);
        b.representation(L(i) + ".ffn_out", SiteKind::FfnOutput, i, "ffn_out", layer + ".output", d, d);
        b.norm(L(i) + ".ffn_norm", i, "ffn_norm", layer + ".output.LayerNorm", d, true);
    }
    if (head == TaskHead::SequenceClassification && c.model_type != "roberta")
        b.linear("pooler", -1, "pooler", n.base + "pooler.dense", d, d, true);
}

void head_site(SiteListBuilder& b, const ModelConfig& c, TaskHead head) {
    const HfNames n = hf_names(c, head);
    const int64_t d = c.hidden_size;
    if (head == TaskHead::None) return;
    SiteInfo& s = b.add("head", SiteKind::Head, -1, "head", n.head_module);
    s.in_features = d;
    if (head == TaskHead::CausalLM) {
        s.out_features = c.vocab_size;
        // A tied head shares the embedding matrix: it has no parameter of its own.
        if (!tied_lm_head(c)) b.param(s, n.head_module + ".weight", {c.vocab_size, d});
        return;
    }
    s.out_features = c.num_labels;
    if (c.family == ModelFamily::Bert && c.model_type == "roberta") {
        b.param(s, "classifier.dense.weight", {d, d});
        b.param(s, "classifier.dense.bias", {d});
        b.param(s, "classifier.out_proj.weight", {c.num_labels, d});
        b.param(s, "classifier.out_proj.bias", {c.num_labels});
    } else if (c.family == ModelFamily::Bert) {
        b.param(s, "classifier.weight", {c.num_labels, d});
        b.param(s, "classifier.bias", {c.num_labels});
        s.has_bias = true;
    } else {
        b.param(s, "score.weight", {c.num_labels, d});
    }
}

} // namespace

bool tied_lm_head(const ModelConfig& c) { return c.family == ModelFamily::Gpt2 || c.tie_word_embeddings; }

HfNames hf_names(const ModelConfig& c, TaskHead head) {
    HfNames n;
    const bool bare = head == TaskHead::None;
    switch (c.family) {
    case ModelFamily::Llama: n.base = bare ? "" : "model."; break;
    case ModelFamily::Gpt2: n.base = bare ? "" : "transformer."; break;
    case ModelFamily::Bert: n.base = bare ? "" : (c.model_type == "roberta" ? "roberta." : "bert."); break;
    }
    if (head == TaskHead::CausalLM) n.head_module = "lm_head";
    else if (head == TaskHead::SequenceClassification) n.head_module = c.family == ModelFamily::Bert ? "classifier" : "score";
    return n;
}

std::vector<SiteInfo> describe_sites(const ModelConfig& config, TaskHead head) {
    if (config.family == ModelFamily::Bert && head == TaskHead::CausalLM)
        throw Error(config.source + ": " + config.model_type +
                    " is an encoder and has no causal language-model head; use sequence classification");
    SiteListBuilder b;
    switch (config.family) {
    case ModelFamily::Llama: llama_sites(b, config, head); break;
    case ModelFamily::Gpt2: gpt2_sites(b, config, head); break;
    case ModelFamily::Bert: bert_sites(b, config, head); break;
    }
    head_site(b, config, head);
    return std::move(b.sites);
}

int64_t count_base_parameters(const ModelConfig& config, TaskHead head) {
    int64_t total = 0;
    for (const auto& site : describe_sites(config, head))
        for (const auto& shape : site.parameter_shapes) {
            int64_t n = 1;
            for (int64_t d : shape) n *= d;
            total += n;
        }
    return total;
}

} // namespace peft
