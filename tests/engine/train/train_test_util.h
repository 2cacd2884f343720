// SPDX-License-Identifier: MIT
// Shared helpers of the training tests: a tiny Llama with LoRA and synthetic causal-LM data.
#pragma once

#include "data/example.h"
#include "peft/peft_test_util.h"
#include "train/trainer.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace peft::test {

/// Tiny Llama (random weights, seed 1) with LoRA r=2 on q and v.
inline Transformer tiny_lora_llama(TaskHead head = TaskHead::CausalLM) {
    Transformer model = random_model(tiny_llama(), head, 1);
    inject(*model, recipe_of({module_spec(R"({"kind":"lora","sites":["q","v"],"r":2,"alpha":4})")}), 5);
    return model;
}

/// Counting sequences (start, start+1, ...) mod 37 + 3: easy to learn, every token predicted.
inline std::vector<data::Example> counting_examples(int n, int length = 8) {
    std::vector<data::Example> out;
    for (int i = 0; i < n; ++i) {
        data::Example e;
        for (int t = 0; t < length; ++t) e.input_ids.push_back(3 + (i * 7 + t) % 37);
        e.labels = e.input_ids;
        out.push_back(e);
    }
    return out;
}

/// A fresh empty folder under the system temp directory.
inline std::string train_dir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("peft_train_test_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

/// Records everything the trainer reports.
struct RecordingObserver : TrainObserver {
    std::vector<StepMetrics> steps;
    std::vector<EvalMetrics> evals;
    std::vector<std::pair<std::string, int64_t>> checkpoints;
    std::string failure;
    bool finished = false;
    std::function<void(const StepMetrics&)> after_step;
    std::function<void(int64_t)> after_checkpoint;

    void on_step(const StepMetrics& m) override {
        steps.push_back(m);
        if (after_step) after_step(m);
    }
    void on_eval(const EvalMetrics& m) override { evals.push_back(m); }
    void on_checkpoint(const std::string& path, int64_t step) override {
        checkpoints.emplace_back(path, step);
        if (after_checkpoint) after_checkpoint(step);
    }
    void on_finished(int64_t, bool) override { finished = true; }
    void on_failed(const std::string& message) override { failure = message; }
};

} // namespace peft::test
