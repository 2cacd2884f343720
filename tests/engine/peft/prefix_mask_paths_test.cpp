// SPDX-License-Identifier: MIT
// Prefix tuning on a causal decoder takes two attention paths: without an attention mask the
// causal triangle is implicit (aligned to the last key, so prefix keys stay visible), with one the
// mask is built explicitly and the prefix columns prepended. Both must compute the same logits,
// also with grouped-query attention.
#include "peft/injector.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

TEST(PrefixAttention, implicitAndExplicitCausalMasksGiveTheSameLogits) {
    for (const char* kv_heads : {"4", "2", "1"}) {
        const std::string json = std::string(R"({"model_type":"llama","vocab_size":64,"hidden_size":32,
            "num_hidden_layers":2,"num_attention_heads":4,"num_key_value_heads":)") + kv_heads +
                                 R"(,"intermediate_size":48,"max_position_embeddings":64})";
        Transformer model = test::random_model(test::config_from(json.c_str()), TaskHead::CausalLM);
        inject(*model, test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":5})")}), 7);
        test::randomize_modules(*model);
        model->eval();
        torch::NoGradGuard no_grad;
        const torch::Tensor ids = test::sample_ids(model->config(), 3, 9);
        ForwardInput implicit_mask;
        implicit_mask.input_ids = ids;
        ForwardInput explicit_mask = implicit_mask;
        explicit_mask.attention_mask = torch::ones_like(ids);
        const torch::Tensor a = model->forward(implicit_mask), b = model->forward(explicit_mask);
        const double diff = (a - b).abs().max().item<double>();
        EXPECT_LT(diff, 1e-5) << "kv heads " << kv_heads << ": max |implicit - explicit| = " << diff;
    }
}
