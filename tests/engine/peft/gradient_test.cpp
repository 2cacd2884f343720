// SPDX-License-Identifier: MIT
// Gradients of every module kind against float64 central finite differences on tiny configs,
// and AdamW training that moves exactly the recipe's parameters. The finite-difference models are
// GPT-2 and BERT: the Llama family normalises (RMSNorm) and rotates (RoPE) in float32 exactly as
// transformers does, even for float64 inputs, which puts float32 noise into every difference.
#include "peft/injector.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

struct Case {
    std::string name;
    ModelConfig (*config)();
    TaskHead head;
    const char* module_json;
};

std::vector<Case> cases() {
    return {
        {"lora_parallel", test::tiny_bert, TaskHead::SequenceClassification, R"({"kind":"lora","sites":["q","v","down"],"r":2,"alpha":4})"},
        {"lora_fused_slices", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"lora","sites":["q","v"],"r":2})"},
        {"lora_sequential_gated", test::tiny_gpt2, TaskHead::CausalLM,
         R"({"kind":"lora","sites":["up"],"r":2,"insertion":"sequential","composition":"gated"})"},
        {"adapter_parallel_channel_ln", test::tiny_bert, TaskHead::SequenceClassification,
         R"({"kind":"adapter","sites":["ffn_out"],"r":3,"composition":"learned_channel","adapter_norm":"in"})"},
        {"adapter_sequential_gated_tanh", test::tiny_gpt2, TaskHead::CausalLM,
         R"({"kind":"adapter","sites":["attn_out"],"r":3,"insertion":"sequential","composition":"gated",
             "activation":"tanh","adapter_norm":"out"})"},
        {"adapter_multihead_parallel", test::tiny_gpt2, TaskHead::CausalLM,
         R"({"kind":"adapter","sites":["heads"],"r":2,"activation":"silu","composition":"learned_scalar"})"},
        {"adapter_multihead_sequential", test::tiny_bert, TaskHead::SequenceClassification,
         R"({"kind":"adapter","sites":["heads"],"r":2,"insertion":"sequential","activation":"gelu"})"},
        {"adapter_on_linear_scaled", test::tiny_bert, TaskHead::SequenceClassification,
         R"({"kind":"adapter","sites":["o"],"r":2,"activation":"identity","composition":"scaled","scale":2})"},
        {"prefix", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"prefix","length":3})"},
        {"prefix_reparam", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"prefix","length":2,"reparam_hidden":4})"},
        {"prefix_bert", test::tiny_bert, TaskHead::SequenceClassification, R"({"kind":"prefix","length":2})"},
        {"prompt", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"prompt","length":3})"},
        {"prompt_text_bert", test::tiny_bert, TaskHead::SequenceClassification,
         R"({"kind":"prompt","length":3,"prompt_init":"text","init_token_ids":[5,6]})"},
        {"ia3", test::tiny_bert, TaskHead::SequenceClassification, R"({"kind":"ia3","sites":["k","v","down"]})"},
        {"ia3_fused", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"ia3","sites":["k","v"]})"},
        {"bitfit", test::tiny_bert, TaskHead::SequenceClassification, R"({"kind":"bitfit"})"},
        {"layernorm", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"layernorm"})"},
        {"unfreeze_top_k", test::tiny_gpt2, TaskHead::CausalLM, R"({"kind":"unfreeze","top_k_layers":1})"},
        {"task_head", test::tiny_gpt2, TaskHead::SequenceClassification, R"({"kind":"task_head"})"},
    };
}

torch::Tensor loss_of(TransformerImpl& model, const torch::Tensor& ids, const torch::Tensor& weights) {
    return (test::run(model, ids) * weights).sum();
}

} // namespace

TEST(Gradients, everyModuleKind_matchesFiniteDifferencesInFloat64) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        Transformer model = test::random_model(c.config(), c.head, 2, torch::kDouble);
        inject(*model, test::recipe_of({test::module_spec(c.module_json)}), 4);
        test::randomize_modules(*model, 0.3);
        auto params = trainable_parameters(*model);
        ASSERT_FALSE(params.empty());

        torch::Tensor ids = test::sample_ids(model->config(), 2, 5).clamp_max(model->config().vocab_size - 1);
        torch::Tensor out = test::run(*model, ids);
        torch::manual_seed(21);
        torch::Tensor weights = torch::randn_like(out);
        model->zero_grad();
        loss_of(*model, ids, weights).backward();

        constexpr double kEps = 1e-6;
        for (size_t p = 0; p < params.size(); ++p) {
            torch::Tensor param = params[p];
            if (!param.grad().defined()) {
                ADD_FAILURE() << "parameter " << p << " " << param.sizes() << " got no gradient";
                continue;
            }
            EXPECT_GT(param.grad().abs().max().item<double>(), 0.0) << "parameter " << p << " has a zero gradient";
            torch::Tensor flat = param.detach().view(-1);
            torch::Tensor grad = param.grad().view(-1);
            for (int64_t i : {int64_t{0}, flat.numel() / 2, flat.numel() - 1}) {
                double analytic = grad[i].item<double>();
                double orig = flat[i].item<double>();
                double plus, minus;
                {
                    torch::NoGradGuard no_grad;
                    flat[i] = orig + kEps;
                    plus = loss_of(*model, ids, weights).item<double>();
                    flat[i] = orig - kEps;
                    minus = loss_of(*model, ids, weights).item<double>();
                    flat[i] = orig;
                }
                double numeric = (plus - minus) / (2 * kEps);
                EXPECT_NEAR(analytic, numeric, 1e-6 * std::max(1.0, std::abs(numeric)))
                    << "parameter " << p << " " << param.sizes() << " element " << i;
            }
        }
    }
}

TEST(Gradients, twoAdamWSteps_moveRecipeParametersOnly) {
    for (auto config : {test::tiny_llama, test::tiny_gpt2, test::tiny_bert}) {
        const ModelConfig c = config();
        Transformer model = test::random_model(c, TaskHead::SequenceClassification, 2);
        Recipe recipe = test::recipe_of({
            test::module_spec(R"({"name":"lora","kind":"lora","sites":["q","v"],"r":2})"),
            test::module_spec(R"({"name":"ia3","kind":"ia3","sites":["k","down"]})"),
            test::module_spec(R"({"name":"pa","kind":"adapter","sites":["ffn_out"],"r":2,"composition":"learned_scalar","activation":"silu"})"),
            test::module_spec(R"({"name":"sa","kind":"adapter","sites":["attn_out"],"r":2,"insertion":"sequential","composition":"gated","activation":"tanh"})"),
            test::module_spec(R"({"name":"mh","kind":"adapter","sites":["heads"],"r":2,"activation":"gelu"})"),
            test::module_spec(R"({"name":"prefix","kind":"prefix","length":2,"reparam_hidden":3})"),
            test::module_spec(R"({"name":"prompt","kind":"prompt","length":2})"),
            test::module_spec(R"({"name":"ln","kind":"layernorm","layers":[0]})"),
            test::module_spec(R"({"name":"head","kind":"task_head"})"),
        });
        if (c.family != ModelFamily::Llama) // Llama has no biases
            recipe.modules.push_back(test::module_spec(R"({"name":"bias","kind":"bitfit","sites":["o"]})"));
        std::map<std::string, torch::Tensor> before;
        for (const auto& item : model->named_parameters()) before[item.key()] = item.value().detach().clone();
        inject(*model, recipe, 1);
        model->train();

        std::vector<torch::Tensor> params = trainable_parameters(*model);
        std::map<const void*, torch::Tensor> initial;
        for (auto& p : params) initial[p.unsafeGetTensorImpl()] = p.detach().clone();
        torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(1e-2));
        torch::Tensor ids = test::sample_ids(c, 2, 5).clamp_max(c.vocab_size - 1);
        torch::Tensor labels = torch::tensor({0, 1}, torch::kLong);
        for (int step = 0; step < 2; ++step) {
            optimizer.zero_grad();
            torch::Tensor loss = torch::nn::functional::cross_entropy(test::run(*model, ids), labels);
            loss.backward();
            optimizer.step();
        }
        for (const auto& item : model->named_parameters()) {
            const auto it = before.find(item.key());
            const torch::Tensor& p = item.value();
            if (p.requires_grad()) {
                EXPECT_FALSE(torch::equal(p.detach(), initial.at(p.unsafeGetTensorImpl()))) << item.key() << " did not move";
            } else {
                ASSERT_NE(it, before.end()) << item.key() << " is frozen but is not a base parameter";
                EXPECT_TRUE(torch::equal(p.detach(), it->second)) << item.key() << " is frozen but changed";
            }
        }
    }
}
