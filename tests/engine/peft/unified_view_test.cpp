// SPDX-License-Identifier: MIT
// He et al.'s unified view: attention over [P_k; K], [P_v; V] equals, per head,
// (1 − λ(x))·Attn(x) + λ(x)·softmax(q P_kᵀ) P_v, with λ(x) the prefix's share of the joint
// softmax mass. The reference is computed by hand from the layer's weights.
#include "peft/injector.h"
#include "peft/modules.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

namespace {

/// Records what the per-head site sees: x = attention input, h = [B, T, H, d_h].
class Capture : public SiteModule {
public:
    torch::Tensor transform_output(const torch::Tensor& x, const torch::Tensor& h) override {
        input = x.detach().clone();
        heads = h.detach().clone();
        return h;
    }
    torch::Tensor input, heads;
};

torch::Tensor project(TransformerImpl& model, const std::string& site, const torch::Tensor& x) {
    auto& linear = dynamic_cast<LinearSiteImpl&>(model.site(site));
    return torch::nn::functional::linear(x, linear.weight, linear.bias);
}

} // namespace

TEST(UnifiedView, prefixAttention_isGatedMixOfAttentionAndPrefixAttention) {
    ModelConfig config = ModelConfig::load(test::model_dir("bert-tiny-untrained") + "/config.json");
    Transformer model = test::random_model(config, TaskHead::None, 3, torch::kDouble);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"prefix","length":5,"layers":[0]})")}), 9);
    auto capture = std::make_shared<Capture>();
    model->site("layers.0.attn.heads").attach("capture", capture);

    torch::NoGradGuard no_grad;
    torch::Tensor ids = test::sample_ids(config, 2, 6);
    test::run(*model, ids);

    const int64_t B = 2, T = 6, H = config.num_heads, dh = config.head_dim;
    torch::Tensor x = capture->input;
    auto heads_of = [&](const torch::Tensor& t) { return t.view({B, T, H, dh}).transpose(1, 2); }; // [B,H,T,dh]
    torch::Tensor q = heads_of(project(*model, "layers.0.attn.q", x));
    torch::Tensor k = heads_of(project(*model, "layers.0.attn.k", x));
    torch::Tensor v = heads_of(project(*model, "layers.0.attn.v", x));
    auto& kv_site = model->site("layers.0.attn.kv");
    auto prefix = kv_site.prefix_kv(B);
    ASSERT_TRUE(prefix.has_value());
    torch::Tensor pk = prefix->first, pv = prefix->second; // [B,H,l,dh]

    const double scale = 1.0 / std::sqrt(static_cast<double>(dh));
    torch::Tensor s_ctx = torch::matmul(q, k.transpose(-1, -2)) * scale;
    torch::Tensor s_pre = torch::matmul(q, pk.transpose(-1, -2)) * scale;
    torch::Tensor attn = torch::matmul(torch::softmax(s_ctx, -1), v);
    torch::Tensor prefix_attn = torch::matmul(torch::softmax(s_pre, -1), pv);
    torch::Tensor lse_pre = torch::logsumexp(s_pre, -1, true), lse_ctx = torch::logsumexp(s_ctx, -1, true);
    torch::Tensor lambda = torch::exp(lse_pre - torch::logsumexp(torch::cat({lse_pre, lse_ctx}, -1), -1, true));
    torch::Tensor expected = ((1 - lambda) * attn + lambda * prefix_attn).transpose(1, 2); // [B,T,H,dh]

    ASSERT_EQ(capture->heads.sizes(), expected.sizes());
    EXPECT_LE((capture->heads - expected).abs().max().item<double>(), 1e-5);
    // λ is neither 0 nor 1: both terms matter.
    EXPECT_GT(lambda.min().item<double>(), 1e-3);
    EXPECT_LT(lambda.max().item<double>(), 1 - 1e-3);
    // Without the prefix the heads are plain Attn(x).
    EXPECT_GT((capture->heads - attn.transpose(1, 2)).abs().max().item<double>(), 1e-4);
}
