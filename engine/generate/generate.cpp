// SPDX-License-Identifier: MIT
#include "generate/generate.h"

#include "core/error.h"

#include <algorithm>

namespace peft {

int64_t pick_token(const torch::Tensor& logits_in, const GenerationOptions& options, at::Generator& generator) {
    torch::Tensor logits = logits_in.to(torch::kFloat32);
    if (options.greedy || options.temperature <= 0) return logits.argmax().item<int64_t>();
    logits = logits / options.temperature;
    const int64_t vocab = logits.size(0);
    if (options.top_k > 0 && options.top_k < vocab) {
        const double kth = std::get<0>(logits.topk(options.top_k)).min().item<double>();
        logits = logits.masked_fill(logits < kth, -std::numeric_limits<float>::infinity());
    }
    torch::Tensor probs = torch::softmax(logits, -1);
    if (options.top_p > 0 && options.top_p < 1.0) {
        // Keep the smallest set of most likely tokens whose probability reaches top_p.
        auto [sorted, order] = probs.sort(-1, true);
        torch::Tensor before = sorted.cumsum(-1) - sorted;
        sorted = sorted.masked_fill(before >= options.top_p, 0.0);
        probs = torch::zeros_like(probs).scatter(0, order, sorted);
        probs = probs / probs.sum();
    }
    return torch::multinomial(probs, 1, false, generator).item<int64_t>();
}

std::vector<int64_t> generate(TransformerImpl& model, const std::vector<int64_t>& prompt_ids, const GenerationOptions& options) {
    if (model.head() != TaskHead::CausalLM) throw Error("generation needs a causal language-model head");
    if (prompt_ids.empty()) throw Error("generation needs at least one prompt token (e.g. BOS)");
    for (int64_t id : prompt_ids)
        if (id < 0 || id >= model.config().vocab_size)
            throw Error("prompt token id " + std::to_string(id) + " is outside the vocabulary (size " +
                        std::to_string(model.config().vocab_size) + ")");
    torch::NoGradGuard no_grad;
    const bool was_training = model.is_training();
    model.eval();
    const torch::Device device = model.parameters().empty() ? torch::Device(torch::kCPU) : model.parameters().front().device();
    auto generator = at::detail::createCPUGenerator(options.seed);

    KVCache cache;
    ForwardInput input;
    input.cache = &cache;
    input.input_ids = torch::tensor(prompt_ids, torch::kLong).unsqueeze(0).to(device);
    std::vector<int64_t> out;
    const int64_t limit = model.config().max_positions;
    for (int step = 0; step < options.max_new_tokens; ++step) {
        if (cache.length() + input.input_ids.size(1) > limit && model.config().family == ModelFamily::Gpt2) break;
        torch::Tensor logits = model.forward(input); // [1, T, V]
        const int64_t next = pick_token(logits[0][-1], options, generator);
        if (std::find(options.eos_ids.begin(), options.eos_ids.end(), next) != options.eos_ids.end()) break;
        out.push_back(next);
        if (options.on_token && !options.on_token(next)) break;
        input.input_ids = torch::tensor({next}, torch::kLong).unsqueeze(0).to(device);
    }
    if (was_training) model.train();
    return out;
}

} // namespace peft
