// SPDX-License-Identifier: MIT
// Shared helpers of the export tests: a "trained" model (base + recipe + random non-zero module
// weights), exports into temporary folders, reading back what was written.
#pragma once

#include "export/export.h"
#include "export/import.h"
#include "io/safetensors.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "peft/peft_test_util.h"
#include "test_assets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace peft::test {

inline std::string hf_reference(const std::string& name) { return fixture("hf-reference/" + name); }

/// The base model of `dir` with `recipe` injected and every module weight moved away from its
/// initial value (LoRA's B starts at zero: an untrained export would prove nothing).
inline Transformer trained_model(const std::string& dir, const Recipe& recipe,
                                 TaskHead head = TaskHead::CausalLM) {
    LoadOptions options;
    options.head = head;
    Transformer model = load_model(dir, options);
    inject(*model, recipe, 5);
    randomize_modules(*model, 0.1);
    model->eval();
    return model;
}

inline ExportReport export_to(TransformerImpl& model, const Recipe& recipe, const std::string& base_dir,
                              ExportFormat format, const std::filesystem::path& out) {
    ExportOptions options;
    options.format = format;
    options.out_dir = out.string();
    options.base_model_dir = base_dir;
    return export_adapter(model, recipe, options);
}

inline torch::Tensor logits_of(TransformerImpl& model, const torch::Tensor& ids) {
    torch::NoGradGuard no_grad;
    model.eval();
    return run(model, ids);
}

inline double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

inline nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

/// The entries left in a folder (to check that a failed export left nothing behind).
inline std::vector<std::string> entries_of(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace peft::test
