// SPDX-License-Identifier: MIT
#include "export/export_util.h"

#include "core/error.h"
#include "io/weight_set.h"
#include "models/model_io.h"
#include "models/site.h"

#include <fstream>
#include <unordered_set>

namespace peft::exporting {

std::vector<AttachedModule> attached_modules(TransformerImpl& model) {
    std::vector<AttachedModule> out;
    for (const SiteInfo& info : model.site_infos()) {
        for (const auto& [name, module] : model.site(info.name).modules()) {
            // The injector names attached modules "peft<index>_<sanitised name>".
            int index = -1;
            if (name.rfind("peft", 0) == 0) {
                const auto end = name.find('_');
                try {
                    index = std::stoi(name.substr(4, end == std::string::npos ? std::string::npos : end - 4));
                } catch (const std::exception&) {
                    index = -1;
                }
            }
            out.push_back({&info, index, module});
        }
    }
    return out;
}

std::map<std::string, torch::Tensor> base_parameters_by_hf_name(TransformerImpl& model) {
    std::map<const void*, torch::Tensor> by_ptr;
    for (auto& p : model.parameters()) by_ptr.emplace(p.data_ptr(), p);
    std::map<std::string, torch::Tensor> out;
    for (auto& nt : model.named_tensors()) {
        if (!nt.tensor.defined() || nt.tied) continue;
        auto it = by_ptr.find(nt.tensor.data_ptr());
        if (it != by_ptr.end() && it->second.numel() == nt.tensor.numel()) out.emplace(nt.hf_name, it->second);
    }
    return out;
}

std::vector<std::string> head_tensor_names(TransformerImpl& model) {
    if (model.head() != TaskHead::SequenceClassification) return {};
    for (const SiteInfo& info : model.site_infos())
        if (info.kind == SiteKind::Head) return info.parameter_names;
    return {};
}

std::string module_path_of(const std::string& parameter_name) {
    const auto dot = parameter_name.rfind('.');
    return dot == std::string::npos ? parameter_name : parameter_name.substr(0, dot);
}

torch::Tensor to_saved(const torch::Tensor& tensor) {
    torch::Tensor t = tensor.detach().to(torch::kCPU);
    const auto type = t.scalar_type();
    if (type != torch::kFloat && type != torch::kHalf && type != torch::kBFloat16) t = t.to(torch::kFloat);
    return t.contiguous();
}

std::map<const void*, std::string> parameter_paths_by_storage(TransformerImpl& model) {
    std::map<const void*, std::string> out;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) out.emplace(item.value().data_ptr(), item.key());
    return out;
}

Transformer load_base_model(const std::string& model_dir, TaskHead head, int64_t num_labels, torch::ScalarType dtype) {
    ModelConfig config = load_model_config(model_dir);
    if (head == TaskHead::SequenceClassification) {
        if (num_labels > 0 && num_labels != config.num_labels) {
            config.num_labels = num_labels;
            config.id2label.clear(); // the stored label names describe another number of classes
        }
        // transformers derives num_labels from id2label: write one so a saved config carries it.
        if (static_cast<int64_t>(config.id2label.size()) != config.num_labels) {
            config.id2label.clear();
            for (int64_t i = 0; i < config.num_labels; ++i) config.id2label.push_back("LABEL_" + std::to_string(i));
        }
        if (config.raw.is_object() && config.raw.contains("num_labels")) config.raw["num_labels"] = config.num_labels;
    }
    Transformer model = build_model(config, head);
    LoadOptions options;
    options.head = head;
    options.dtype = dtype;
    options.init_missing_head = true;
    load_weights(*model, WeightSet::open(model_dir), options);
    model->to(dtype);
    model->eval();
    return model;
}

torch::Tensor fixed_batch_logits(TransformerImpl& model) {
    // Fixed ids in [3, min(V, 500)): away from the usual special tokens, valid for every vocabulary.
    constexpr int64_t kBatch = 2, kLength = 6;
    const int64_t range = std::max<int64_t>(1, std::min<int64_t>(model.config().vocab_size, 500) - 3);
    torch::Tensor ids = torch::empty({kBatch, kLength}, torch::kLong);
    auto at = ids.accessor<int64_t, 2>();
    for (int64_t b = 0; b < kBatch; ++b)
        for (int64_t t = 0; t < kLength; ++t) at[b][t] = 3 + (7 * b + 13 * t + 5) % range;
    const bool was_training = model.is_training();
    model.eval();
    torch::Tensor logits;
    {
        torch::NoGradGuard no_grad;
        torch::Device device = torch::kCPU;
        if (auto params = model.parameters(); !params.empty()) device = params.front().device();
        ForwardInput input;
        input.input_ids = ids.to(device);
        logits = model.forward(input).detach().to(torch::kCPU, torch::kFloat);
    }
    model.train(was_training);
    return logits;
}

double check_logits_match(const torch::Tensor& expected, const torch::Tensor& actual, double tolerance,
                          const std::string& what) {
    if (expected.sizes() != actual.sizes())
        throw Error(what + ": the reloaded export gives logits of another shape than the live model; export refused");
    const double diff = (expected - actual).abs().max().item<double>();
    if (!torch::allclose(actual, expected, tolerance, tolerance))
        throw Error(what + ": the reloaded export does not reproduce the live model (largest logit difference " +
                    std::to_string(diff) + ", tolerance " + std::to_string(tolerance) +
                    "); nothing was written. Is the base model folder the one the adapter was trained on?");
    return diff;
}

void write_json_file(const std::string& path, const nlohmann::json& json) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << json.dump(2) << '\n';
    out.flush();
    if (!out) throw Error("cannot write " + path + " (disk full or not writable?)");
}

nlohmann::json read_json_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path);
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + " is not valid JSON: " + e.what());
    }
}

std::string task_type_of(TaskHead head) {
    switch (head) {
    case TaskHead::CausalLM: return "CAUSAL_LM";
    case TaskHead::SequenceClassification: return "SEQ_CLS";
    case TaskHead::None: return "FEATURE_EXTRACTION";
    }
    return "CAUSAL_LM";
}

std::string module_name_for(const Recipe& recipe, int index) {
    if (index < 0 || index >= static_cast<int>(recipe.modules.size())) return "module " + std::to_string(index);
    const ModuleSpec& spec = recipe.modules[static_cast<size_t>(index)];
    return module_label(index, spec) + " (" + module_kind_name(spec.kind) + ")";
}

} // namespace peft::exporting
