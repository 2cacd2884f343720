// SPDX-License-Identifier: MIT
#include "models/model_io.h"

#include "core/error.h"
#include "models/names.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace peft {
namespace {

std::string shape_text(at::IntArrayRef shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i) s += ", ";
        s += std::to_string(shape[i]);
    }
    return s + "]";
}

/// Names under which a tensor may be stored: as the head class saves it, without the base
/// prefix (a bare BertModel / GPT2Model checkpoint), or with it (a bare model loading a head
/// checkpoint).
std::vector<std::string> candidate_names(const std::string& name, const std::string& base, TaskHead head) {
    std::vector<std::string> names{name};
    if (!base.empty() && name.rfind(base, 0) == 0) names.push_back(name.substr(base.size()));
    if (head == TaskHead::None) {
        for (const char* b : {"model.", "transformer.", "bert.", "roberta."}) names.push_back(b + name);
    }
    return names;
}

bool is_head_tensor(const std::string& name) {
    return name.rfind("score.", 0) == 0 || name.rfind("classifier.", 0) == 0 || name.rfind("lm_head.", 0) == 0;
}

} // namespace

ModelConfig load_model_config(const std::string& model_dir) {
    const fs::path dir(model_dir);
    if (!fs::is_directory(dir)) throw Error(model_dir + ": not a folder (expected a Hugging Face model folder)");
    return ModelConfig::load((dir / "config.json").string());
}

void load_weights(TransformerImpl& model, const WeightSet& weights, const LoadOptions& options) {
    const HfNames names = hf_names(model.config(), model.head());
    torch::NoGradGuard no_grad;
    std::vector<std::string> fresh_head;
    for (auto& t : model.named_tensors()) {
        if (t.tied) continue;
        std::string found;
        for (const auto& candidate : candidate_names(t.hf_name, names.base, model.head())) {
            if (weights.contains(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found.empty()) {
            if (is_head_tensor(t.hf_name) && model.head() == TaskHead::SequenceClassification && options.init_missing_head) {
                fresh_head.push_back(t.hf_name); // a new classification head (fine-tuning a base checkpoint)
                continue;
            }
            std::string where = weights.names().empty() ? "the weights" : weights.file_of(weights.names().front());
            throw Error(where + ": tensor '" + t.hf_name + "' is missing (the " + model.config().model_type +
                        " config needs it); the weights do not belong to this config.json or the file is incomplete");
        }
        const TensorEntry& entry = weights.entry(found);
        std::vector<int64_t> expected = t.tensor.sizes().vec();
        if (t.transposed && expected.size() == 2) std::swap(expected[0], expected[1]);
        if (entry.shape != expected)
            throw Error(weights.file_of(found) + ": tensor '" + found + "' has shape " + shape_text(entry.shape) +
                        " but the config (" + model.config().source + ") needs " + shape_text(expected));
        torch::Tensor value = weights.tensor(found, t.tensor.scalar_type());
        if (t.transposed) value = value.t();
        t.tensor.copy_(value);
    }
    if (!fresh_head.empty()) model.init_tensors(fresh_head, options.seed);
}

Transformer load_model(const std::string& model_dir, const LoadOptions& options) {
    const ModelConfig config = load_model_config(model_dir);
    Transformer model = build_model(config, options.head);
    model->to(options.dtype);
    // No init_weights here: every tensor is either loaded or, for a missing classification head,
    // initialised by load_weights; drawing random values for a whole large model would be wasted.
    const WeightSet weights = WeightSet::open(model_dir);
    load_weights(*model, weights, options);
    model->eval();
    return model;
}

void save_model(TransformerImpl& model, const std::string& out_dir, uint64_t max_shard_bytes) {
    fs::create_directories(out_dir);
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (auto& t : model.named_tensors()) {
        if (t.tied) continue;
        torch::Tensor value = t.tensor.detach();
        if (t.transposed) value = value.t();
        tensors.emplace_back(t.hf_name, value.contiguous());
    }
    write_sharded_safetensors(out_dir, tensors, max_shard_bytes);

    ModelConfig config = model.config();
    const std::string family = config.model_type == "roberta" ? "Roberta"
                               : config.model_type == "bert"  ? "Bert"
                               : config.model_type == "gpt2"  ? "GPT2"
                               : config.model_type == "qwen2" ? "Qwen2"
                               : config.model_type == "mistral" ? "Mistral"
                                                                : "Llama";
    switch (model.head()) {
    case TaskHead::CausalLM: config.architectures = {family + (family == "GPT2" ? "LMHeadModel" : "ForCausalLM")}; break;
    case TaskHead::SequenceClassification: config.architectures = {family + "ForSequenceClassification"}; break;
    case TaskHead::None: config.architectures = {family + "Model"}; break;
    }
    const auto dtype = tensors.empty() ? torch::kFloat : tensors.front().second.scalar_type();
    config.torch_dtype = dtype == torch::kBFloat16 ? "bfloat16" : dtype == torch::kHalf ? "float16" : "float32";
    nlohmann::json j = config.to_json();
    j.erase("dtype");
    const fs::path path = fs::path(out_dir) / "config.json";
    const std::string tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump(2) << "\n";
        if (!out) throw Error(tmp + ": write failed; is the disk full?");
    }
    fs::rename(tmp, path);
}

} // namespace peft
