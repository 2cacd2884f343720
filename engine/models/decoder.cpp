// SPDX-License-Identifier: MIT
#include "models/decoder.h"

#include "core/error.h"
#include "models/linear_op.h"
#include "models/names.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <functional>

namespace peft {
namespace {

/// What a checkpointed block recomputes: the block applied to (x, prefix keys, prefix values).
struct BlockRun : torch::CustomClassHolder {
    std::function<torch::Tensor(const torch::Tensor&, const PrefixKV&)> run;
    bool has_prefix = false;
    size_t parameters = 0; ///< trailing inputs: the block's trainable parameters
};

/// Gradient checkpointing for one block (LibTorch 1.13 has no torch::utils::checkpoint): forward
/// runs the block without recording a graph and keeps only its inputs; backward re-runs it with
/// autograd on (same RNG state, same autocast state) and differentiates the recomputed output
/// with respect to the block input, the prefix and the block's trainable parameters, which are
/// inputs of this function so that their gradients reach the optimizer through the outer graph.
class CheckpointBlock : public torch::autograd::Function<CheckpointBlock> {
public:
    // inputs: x, [prefix keys, prefix values], trainable parameters...
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::TensorList inputs,
                                 c10::intrusive_ptr<BlockRun> block) {
        ctx->saved_data["block"] = c10::IValue::make_capsule(block);
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            ctx->saved_data["rng"] = gen.get_state();
        }
#if TORCH_VERSION_MAJOR == 1
        ctx->saved_data["autocast_cpu"] = at::autocast::is_cpu_enabled();
        ctx->saved_data["autocast_cpu_dtype"] = at::autocast::get_autocast_cpu_dtype();
#endif
        ctx->save_for_backward(inputs.vec());
        PrefixKV prefix;
        if (block->has_prefix) prefix = std::make_pair(inputs[1], inputs[2]);
        return block->run(inputs[0], prefix);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        auto block = c10::static_intrusive_pointer_cast<BlockRun>(ctx->saved_data["block"].toCapsule());
        const torch::autograd::variable_list saved = ctx->get_saved_variables();
        // Detached copies of x and the prefix (new leaves); parameters are used as they are.
        std::vector<torch::Tensor> inputs;
        const size_t detached = block->has_prefix ? 3 : 1;
        for (size_t i = 0; i < saved.size(); ++i)
            inputs.push_back(i < detached ? saved[i].detach().requires_grad_(saved[i].requires_grad()) : saved[i]);

        torch::Tensor out;
        {
            // Replay the forward's random numbers (dropout), then put the generator back.
            auto gen = at::detail::getDefaultCPUGenerator();
            torch::Tensor current;
            {
                std::lock_guard<std::mutex> lock(gen.mutex());
                current = gen.get_state();
                gen.set_state(ctx->saved_data["rng"].toTensor());
            }
#if TORCH_VERSION_MAJOR == 1
            const bool autocast_was = at::autocast::is_cpu_enabled();
            const at::ScalarType autocast_dtype_was = at::autocast::get_autocast_cpu_dtype();
            const bool autocast = ctx->saved_data["autocast_cpu"].toBool();
            at::autocast::set_autocast_cpu_dtype(ctx->saved_data["autocast_cpu_dtype"].toScalarType());
            at::autocast::set_cpu_enabled(autocast);
#endif
            torch::AutoGradMode grad_mode(true);
            PrefixKV prefix;
            if (block->has_prefix) prefix = std::make_pair(inputs[1], inputs[2]);
            out = block->run(inputs[0], prefix);
#if TORCH_VERSION_MAJOR == 1
            at::autocast::set_cpu_enabled(autocast_was);
            at::autocast::set_autocast_cpu_dtype(autocast_dtype_was);
            if (autocast) at::autocast::clear_cache();
#endif
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(current);
        }
        std::vector<torch::Tensor> wrt;
        std::vector<size_t> where;
        for (size_t i = 0; i < inputs.size(); ++i)
            if (inputs[i].requires_grad()) {
                wrt.push_back(inputs[i]);
                where.push_back(i);
            }
        torch::autograd::variable_list result(inputs.size() + 1); // + the BlockRun argument
        if (wrt.empty() || !out.requires_grad()) return result;
        auto g = torch::autograd::grad({out}, wrt, {grads[0]}, /*retain_graph=*/false, /*create_graph=*/false,
                                       /*allow_unused=*/true);
        for (size_t j = 0; j < where.size(); ++j) result[where[j]] = g[j];
        return result;
    }
};

} // namespace

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
    const bool checkpoint = checkpointing_ && is_training() && torch::GradMode::is_enabled() && !in.cache;
    for (size_t i = 0; i < blocks_.size(); ++i) {
        if (!checkpoint) {
            x = blocks_[i]->forward(x, ctx, prefixes[i], rope, i);
            continue;
        }
        auto run = c10::make_intrusive<BlockRun>();
        DecoderBlockImpl* block = blocks_[i].get();
        run->run = [block, ctx, rope, i](const torch::Tensor& h, const PrefixKV& prefix) {
            return block->forward(h, ctx, prefix, rope, i);
        };
        std::vector<torch::Tensor> inputs{x};
        if (prefixes[i]) {
            run->has_prefix = true;
            inputs.push_back(prefixes[i]->first);
            inputs.push_back(prefixes[i]->second);
        }
        for (const auto& p : block->parameters())
            if (p.requires_grad()) inputs.push_back(p);
        run->parameters = inputs.size() - (run->has_prefix ? 3 : 1);
        x = CheckpointBlock::apply(torch::TensorList(inputs), run);
    }
    x = final_norm_->forward(x);
    if (virtual_tokens > 0) x = x.narrow(1, virtual_tokens, T - virtual_tokens);
    return x;
}

torch::Tensor DecoderImpl::apply_head(const torch::Tensor& hidden, const ForwardInput& in) {
    if (head_ == TaskHead::None) return hidden;
    if (head_ == TaskHead::CausalLM) return head_site_->forward(hidden, peft::linear(hidden, head_weight_));
    // Sequence classification reads the last real token of each row (left or right padding).
    const int64_t B = hidden.size(0), T = hidden.size(1);
    torch::Tensor index = last_token_index(in.attention_mask, B, T, hidden.device());
    torch::Tensor pooled = hidden.index({torch::arange(B, index.options()), index});
    return head_site_->forward(pooled, peft::linear(pooled, head_weight_));
}

} // namespace peft
