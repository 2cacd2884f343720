// SPDX-License-Identifier: MIT
// The model interface every architecture implements, and the registry that builds them.
//
// Shapes: B = batch, T = sequence length, d = hidden size, V = vocabulary, C = num_labels.
#pragma once

#include "io/model_config.h"
#include "models/site.h"

#include <torch/torch.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace peft {

enum class TaskHead {
    CausalLM,               ///< logits [B, T, V] (decoders)
    SequenceClassification, ///< logits [B, C]: last non-pad token (decoders) or pooled [CLS] (encoders)
    None,                   ///< final hidden states only
};

/// Keys and values of every layer for incremental decoding. Tensors are [B, kv_heads, S, d_h].
struct KVCache {
    std::vector<torch::Tensor> keys;
    std::vector<torch::Tensor> values;
    int64_t length() const { return keys.empty() || !keys[0].defined() ? 0 : keys[0].size(2); }
};

struct ForwardInput {
    torch::Tensor input_ids;      ///< [B, T] int64
    torch::Tensor attention_mask; ///< [B, T] (1 = real token, 0 = padding); undefined = all ones
    torch::Tensor token_type_ids; ///< [B, T] encoders only; undefined = zeros
    KVCache* cache = nullptr;     ///< decoders: read and extended when set
};

/// A Hugging Face tensor name bound to the engine parameter or buffer holding it.
struct NamedTensor {
    std::string hf_name;
    torch::Tensor tensor;          ///< engine layout; shares storage with the module
    bool transposed = false;       ///< stored transposed in Hugging Face files (GPT-2 Conv1D)
    bool tied = false;             ///< an alias of another entry (tied lm_head): not saved twice
};

class TransformerImpl : public torch::nn::Module {
public:
    TransformerImpl(ModelConfig config, TaskHead head);
    ~TransformerImpl() override = default;

    const ModelConfig& config() const { return config_; }
    TaskHead head() const { return head_; }

    /// Final hidden states [B, T, d] (after the final norm for pre-norm models).
    virtual torch::Tensor hidden_states(const ForwardInput& input) = 0;
    /// Head output: [B, T, V] for CausalLM, [B, C] for SequenceClassification, hidden for None.
    virtual torch::Tensor forward(const ForwardInput& input);
    /// The causal-LM head's weight [V, d] when the head is a plain projection of the hidden states
    /// (no bias, no PEFT module on it), so a loss can start from hidden_states() without the
    /// logits (fused_causal_lm_loss); undefined otherwise.
    virtual torch::Tensor plain_lm_head_weight() const { return {}; }

    /// Gradient checkpointing: in training with autograd on, each decoder block keeps only its
    /// input and recomputes its activations in backward (less memory, about one more forward).
    /// Decoder families only; encoders ignore it. Off by default.
    void set_gradient_checkpointing(bool on) { checkpointing_ = on; }
    bool gradient_checkpointing() const { return checkpointing_; }

    /// All sites of this model, in data-path order.
    const std::vector<SiteInfo>& site_infos() const { return site_infos_; }
    /// The runtime site with this name; throws peft::Error when there is none.
    SiteImpl& site(const std::string& name);
    std::vector<std::pair<std::string, SiteImpl*>> sites();

    /// Every tensor of the model under its Hugging Face name (for load, save and export).
    virtual std::vector<NamedTensor> named_tensors() = 0;

    /// Initialises weights like Hugging Face's _init_weights: normal(0, initializer_range or 0.02)
    /// for matrices and embeddings (padding_idx rows zero; GPT-2's c_proj scaled by
    /// 1/sqrt(2 n_layer)), zero biases, unit norms. Deterministic for a seed.
    virtual void init_weights(uint64_t seed);
    /// The same initialisation for the named tensors only (Hugging Face names), e.g. a
    /// classification head that a checkpoint lacks. Unknown names are ignored.
    void init_tensors(const std::vector<std::string>& hf_names, uint64_t seed);

protected:
    /// Applies the task head to final hidden states.
    virtual torch::Tensor apply_head(const torch::Tensor& hidden, const ForwardInput& input);
    void register_site(SiteImpl& site);

    ModelConfig config_;
    TaskHead head_;
    std::vector<SiteInfo> site_infos_;
    std::map<std::string, SiteImpl*> site_by_name_;
    bool checkpointing_ = false;
};
TORCH_MODULE(Transformer);

/// Site descriptions for a configuration, without building the model (composer, params CLI).
std::vector<SiteInfo> describe_sites(const ModelConfig& config, TaskHead head);

/// Builds an uninitialised model for the config's model_type (registry of families).
Transformer build_model(const ModelConfig& config, TaskHead head);

/// Total parameter count of the base model for a config, without building it.
int64_t count_base_parameters(const ModelConfig& config, TaskHead head);

} // namespace peft
