// SPDX-License-Identifier: MIT
// The PEFT modules that attach to sites (LibTorch; not for Qt code). Each is built from a
// ModuleSpec and the Target it attaches to; its parameter count equals module_parameters_at().
//
// Shapes: B = batch, T = sequence, d = hidden size, H = heads, d_h = head size.
// x = the site's input, h = its (running) output. Parallel modules read x, sequential ones h.
#pragma once

#include "io/model_config.h"
#include "models/site.h"
#include "peft/matching.h"
#include "peft/recipe.h"

#include <torch/torch.h>

namespace peft {

/// Common state: whether the module is folded into its site's weights (then it is an identity).
class PeftModule : public SiteModule {
public:
    bool merged() const { return merged_; }

protected:
    bool merged_ = false;
};

/// The composition function of low-rank and bottleneck modules: Δh -> s·Δh or σ(W_g x + b_g)·Δh.
class ComposerImpl : public torch::nn::Module {
public:
    ComposerImpl(Composition composition, double scale, int64_t x_width, int64_t h_width);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& delta);
    /// The input-independent scale (a scalar or per-channel tensor); undefined when gated.
    torch::Tensor constant_scale() const;

private:
    Composition composition_;
    double scale_;
    torch::Tensor learned_;   ///< LearnedScalar [1] / LearnedChannel [h_width]
    torch::nn::Linear gate_{nullptr};
};
TORCH_MODULE(Composer);

/// LoRA: h + compose(s · B A dropout(z)), z = x (parallel) or h (sequential). On a fused
/// projection with selected slices, Δh only updates those output columns.
class LoraModule : public PeftModule {
public:
    LoraModule(const ModuleSpec& spec, const Target& target);
    torch::Tensor transform_output(const torch::Tensor& x, const torch::Tensor& h) override;
    bool can_merge() const override;
    void merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) override;

    torch::Tensor A; ///< [r, z]
    torch::Tensor B; ///< [selected, r]

private:
    bool parallel_;
    double scaling_;
    double dropout_;
    torch::Tensor index_; ///< output columns of the selected slices; undefined = all
    Composer composer_{nullptr};
};

/// Bottleneck adapter f(z W_down + b) W_up + b, optional LayerNorm on its input or output.
/// On a HeadOutput site: one bottleneck per head (multi-head adapter).
class BottleneckModule : public PeftModule {
public:
    BottleneckModule(const ModuleSpec& spec, const Target& target, const ModelConfig& config);
    torch::Tensor transform_output(const torch::Tensor& x, const torch::Tensor& h) override;
    bool can_merge() const override;
    void merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) override;

    torch::Tensor down_weight, down_bias, up_weight, up_bias;

private:
    torch::Tensor delta(const torch::Tensor& z);
    bool parallel_;
    bool per_head_;
    bool site_has_bias_;
    bool linear_site_;
    Activation activation_;
    AdapterNorm norm_kind_;
    double dropout_;
    torch::nn::LayerNorm norm_{nullptr};
    Composer composer_{nullptr};
};

/// Prefix tuning: l keys and values per layer, [l, 2·kv_heads·d_h] (keys first), optionally
/// produced by an MLP from an embedding (folded into the plain tensor by fold()).
class PrefixModule : public PeftModule {
public:
    PrefixModule(const ModuleSpec& spec, const Target& target, const ModelConfig& config);
    std::optional<std::pair<torch::Tensor, torch::Tensor>> prefix_kv(int64_t batch) override;
    /// The prefix as PEFT stores one layer of it: [l, 2·kv_heads·d_h].
    torch::Tensor prefix_matrix();
    /// Replaces the reparameterisation by the tensor it produces (inference, export).
    void fold();
    /// Sets the plain prefix from keys and values [kv_heads, l, d_h] each (tokens init).
    void set_prefix(const torch::Tensor& keys, const torch::Tensor& values);
    bool reparameterised() const { return reparam_ != nullptr; }

private:
    int64_t length_, kv_heads_, head_dim_;
    torch::Tensor prefix_;
    std::shared_ptr<torch::nn::Module> reparam_;
    torch::Tensor embedding_;
    torch::nn::Linear mlp_in_{nullptr}, mlp_out_{nullptr};
};

/// Prompt tuning: l trainable input embeddings prepended to the sequence.
class PromptModule : public PeftModule {
public:
    /// `token_embeddings` [V, d] (may be undefined): text init copies rows of it; random init
    /// draws N(0, std of the table) so virtual tokens start at the scale of real ones.
    PromptModule(const ModuleSpec& spec, const ModelConfig& config, const torch::Tensor& token_embeddings);
    std::optional<torch::Tensor> prompt_embeddings(int64_t batch) override;

    torch::Tensor embeddings; ///< [l, d]
};

/// IA3: a learned vector (init ones) scaling a linear site's output, or its input (FFN down).
class IA3Module : public PeftModule {
public:
    IA3Module(const ModuleSpec& spec, const Target& target);
    torch::Tensor transform_input(const torch::Tensor& x) override;
    torch::Tensor transform_output(const torch::Tensor& x, const torch::Tensor& h) override;
    bool can_merge() const override { return true; }
    void merge_into(torch::Tensor& weight, torch::Tensor& bias, int direction) override;

    torch::Tensor scale; ///< [in] or [selected out]
    bool scales_input() const { return input_; }

private:
    torch::Tensor full_output_scale() const;
    bool input_;
    int64_t out_features_;
    torch::Tensor index_;
};

/// Output columns of `target`'s slices as an int64 tensor; undefined when the whole output.
torch::Tensor slice_index(const Target& target);
torch::Tensor apply_activation(Activation activation, const torch::Tensor& x);

} // namespace peft
