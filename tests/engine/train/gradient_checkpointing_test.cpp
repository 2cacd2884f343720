// SPDX-License-Identifier: MIT
// Gradient checkpointing (training.gradient_checkpointing): one training step with and without it
// gives the same loss and the same gradients, for LoRA, prefix tuning + adapter (MAM) and full
// fine-tuning on stories260K in float64, and with attention dropout on a tiny Llama (the RNG is
// replayed in the recomputation). The trainer's flag reaches the model and is put back after.
#include "train_test_util.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace peft {
namespace {

struct StepResult {
    double loss = 0;
    int checkpointed_blocks = 0; ///< CheckpointBlock nodes in the loss's graph
    std::map<std::string, torch::Tensor> grads;
};

int count_nodes(const torch::Tensor& t, const std::string& name) {
    std::vector<torch::autograd::Node*> todo{t.grad_fn().get()};
    std::set<torch::autograd::Node*> seen;
    int count = 0;
    while (!todo.empty()) {
        torch::autograd::Node* node = todo.back();
        todo.pop_back();
        if (!node || !seen.insert(node).second) continue;
        if (node->name().find(name) != std::string::npos) ++count;
        for (const auto& edge : node->next_edges()) todo.push_back(edge.function.get());
    }
    return count;
}

/// One forward and backward of a classification batch with right padding; parameters' grads by name.
StepResult one_step(TransformerImpl& model, bool checkpointing, uint64_t seed) {
    model.train();
    model.set_gradient_checkpointing(checkpointing);
    for (auto& p : model.parameters()) p.mutable_grad() = torch::Tensor();
    torch::Tensor ids = test::sample_ids(model.config(), 4, 12, 21);
    torch::Tensor mask = torch::ones({4, 12}, torch::kLong);
    mask.index_put_({1, torch::indexing::Slice(8, torch::indexing::None)}, 0);
    mask.index_put_({3, torch::indexing::Slice(5, torch::indexing::None)}, 0);
    ForwardInput in;
    in.input_ids = ids;
    in.attention_mask = mask;
    torch::manual_seed(seed); // dropout draws from here
    torch::Tensor logits = model.forward(in);
    torch::Tensor labels = torch::tensor({0, 1, 1, 0}, torch::kLong);
    torch::Tensor loss = model.head() == TaskHead::SequenceClassification
                             ? torch::nn::functional::cross_entropy(logits, labels)
                             : logits.pow(2).mean();
    StepResult r;
    r.checkpointed_blocks = count_nodes(loss, "CheckpointBlock");
    loss.backward();
    r.loss = loss.item<double>();
    for (const auto& item : model.named_parameters())
        if (item.value().requires_grad()) {
            EXPECT_TRUE(item.value().grad().defined()) << item.key() << (checkpointing ? " (checkpointing)" : "");
            if (item.value().grad().defined()) r.grads[item.key()] = item.value().grad().clone();
        }
    model.set_gradient_checkpointing(false);
    return r;
}

void expect_same_step(TransformerImpl& model, double tolerance, uint64_t seed = 5) {
    const StepResult plain = one_step(model, false, seed);
    const StepResult checkpointed = one_step(model, true, seed);
    EXPECT_EQ(plain.checkpointed_blocks, 0);
    EXPECT_EQ(checkpointed.checkpointed_blocks, model.config().num_layers) << "every block is checkpointed";
    EXPECT_NEAR(plain.loss, checkpointed.loss, tolerance);
    ASSERT_EQ(plain.grads.size(), checkpointed.grads.size());
    ASSERT_FALSE(plain.grads.empty());
    double largest = 0;
    for (const auto& [name, g] : plain.grads) {
        const auto it = checkpointed.grads.find(name);
        ASSERT_NE(it, checkpointed.grads.end()) << name;
        const double diff = (g - it->second).abs().max().item<double>();
        largest = std::max(largest, g.abs().max().item<double>());
        EXPECT_LE(diff, tolerance) << name;
    }
    EXPECT_GT(largest, 0.0) << "every gradient is zero: the comparison would prove nothing";
}

Transformer stories260k_classifier() {
    LoadOptions options;
    options.head = TaskHead::SequenceClassification;
    options.dtype = torch::kDouble;
    options.seed = 3;
    return load_model(test::model_dir("stories260K"), options);
}

TEST(GradientCheckpointing, LoraSameLossAndGradients) {
    Transformer model = stories260k_classifier();
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":8,"alpha":16})"),
                                    test::module_spec(R"({"kind":"task_head"})")}),
           0);
    model->to(torch::kDouble);
    test::randomize_modules(*model); // LoRA's B starts at zero: give every path a gradient
    expect_same_step(*model, 1e-10);
}

TEST(GradientCheckpointing, FullFineTuningSameLossAndGradients) {
    Transformer model = stories260k_classifier();
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"unfreeze","sites":["all"]})")}), 0);
    model->to(torch::kDouble);
    expect_same_step(*model, 1e-10);
}

TEST(GradientCheckpointing, PrefixAndParallelAdapterSameLossAndGradients) {
    Transformer model = stories260k_classifier();
    inject(*model,
           test::recipe_of({test::module_spec(R"({"kind":"prefix","sites":["kv"],"length":4})"),
                            test::module_spec(R"({"kind":"bottleneck","sites":["ffn_out"],"insertion":"parallel","r":8,
                                                  "composition":"scaled","scale":4})"),
                            test::module_spec(R"({"kind":"task_head"})")}),
           0);
    model->to(torch::kDouble);
    test::randomize_modules(*model);
    expect_same_step(*model, 1e-10);
}

TEST(GradientCheckpointing, Float32WithinTolerance) {
    LoadOptions options;
    options.head = TaskHead::SequenceClassification;
    options.seed = 3;
    Transformer model = load_model(test::model_dir("stories260K"), options);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":8,"alpha":16})"),
                                    test::module_spec(R"({"kind":"task_head"})")}),
           0);
    test::randomize_modules(*model);
    expect_same_step(*model, 1e-6);
}

TEST(GradientCheckpointing, DropoutReplaysTheSameMasks) {
    ModelConfig config = test::config_from(R"({"model_type":"llama","hidden_size":16,"intermediate_size":24,
        "num_hidden_layers":2,"num_attention_heads":4,"num_key_value_heads":2,"vocab_size":40,
        "max_position_embeddings":64,"hidden_act":"silu","tie_word_embeddings":false,"attention_dropout":0.3})");
    Transformer model = test::random_model(config, TaskHead::SequenceClassification, 1, torch::kDouble);
    inject(*model, test::recipe_of({test::module_spec(R"({"kind":"lora","sites":["q","v"],"r":2,"alpha":4})"),
                                    test::module_spec(R"({"kind":"task_head"})")}),
           0);
    model->to(torch::kDouble);
    test::randomize_modules(*model);
    expect_same_step(*model, 1e-10);
    // The dropout is live: another seed gives another loss.
    const double a = one_step(*model, false, 5).loss, b = one_step(*model, false, 6).loss;
    EXPECT_NE(a, b);
}

TEST(GradientCheckpointing, TrainerSameLossCurve) {
    auto run = [](bool checkpointing) {
        Transformer model = test::tiny_lora_llama();
        TrainConfig config;
        config.lr = 1e-2;
        config.max_steps = 3;
        config.batch_size = 4;
        config.seed = 7;
        config.gradient_checkpointing = checkpointing;
        TrainData data;
        const auto examples = test::counting_examples(12);
        data.train = &examples;
        test::RecordingObserver observer;
        TrainControl control;
        const TrainResult result = train(*model, config, data, observer, control);
        EXPECT_FALSE(result.failed) << result.error;
        EXPECT_FALSE(model->gradient_checkpointing()) << "the trainer puts the model's setting back";
        std::vector<double> losses;
        for (const auto& s : observer.steps) losses.push_back(s.loss);
        return losses;
    };
    const auto plain = run(false), checkpointed = run(true);
    ASSERT_EQ(plain.size(), 3u);
    ASSERT_EQ(checkpointed.size(), 3u);
    for (size_t i = 0; i < plain.size(); ++i) EXPECT_NEAR(plain[i], checkpointed[i], 1e-6) << "step " << i;
}

} // namespace
} // namespace peft
