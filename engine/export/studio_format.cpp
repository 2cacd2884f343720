// SPDX-License-Identifier: MIT
// The studio's own adapter format (docs/export.md): any recipe, tensors under engine paths.
#include "export/adapter_files.h"
#include "export/export_util.h"

#include "core/error.h"
#include "io/safetensors.h"
#include "models/model_io.h"
#include "peft/injector.h"

#include <cstdio>
#include <filesystem>
#include <set>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {
using json = nlohmann::json;

constexpr const char* kFormatName = "peft-studio-adapter";
constexpr int kFormatVersion = 1;

/// The sizes an adapter's shapes depend on; their hash identifies compatible base models.
json base_sizes(const ModelConfig& c) {
    return {{"model_type", c.model_type},       {"hidden_size", c.hidden_size},   {"num_layers", c.num_layers},
            {"num_heads", c.num_heads},         {"num_kv_heads", c.num_kv_heads}, {"head_dim", c.head_dim},
            {"intermediate_size", c.intermediate_size}, {"vocab_size", c.vocab_size}};
}

/// FNV-1a 64 of the sizes' compact JSON (keys sorted by nlohmann): stable across platforms and
/// runs, unlike std::hash.
std::string config_hash(const ModelConfig& c) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : base_sizes(c).dump()) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return std::string("fnv1a64:") + text;
}

const char* head_name(TaskHead head) {
    switch (head) {
    case TaskHead::CausalLM: return "causal_lm";
    case TaskHead::SequenceClassification: return "sequence_classification";
    case TaskHead::None: return "none";
    }
    return "causal_lm";
}

TaskHead parse_head(const std::string& name, const std::string& path) {
    if (name == "causal_lm") return TaskHead::CausalLM;
    if (name == "sequence_classification") return TaskHead::SequenceClassification;
    if (name == "none") return TaskHead::None;
    throw Error(path + ": 'head' is \"" + name + "\"; expected causal_lm, sequence_classification or none");
}

/// Engine paths of the tensors a studio adapter carries (see adapter_tensors()).
std::vector<std::pair<std::string, torch::Tensor>> carried_parameters(TransformerImpl& model) {
    std::set<const void*> head;
    const auto by_name = base_parameters_by_hf_name(model);
    for (const auto& name : head_tensor_names(model))
        if (auto it = by_name.find(name); it != by_name.end()) head.insert(it->second.data_ptr());
    std::vector<std::pair<std::string, torch::Tensor>> out;
    std::set<const void*> seen;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        const torch::Tensor& t = item.value();
        if (!t.requires_grad() && !head.count(t.data_ptr())) continue;
        if (!seen.insert(t.unsafeGetTensorImpl()).second) continue; // tied: once
        out.emplace_back(item.key(), t);
    }
    return out;
}

} // namespace

std::vector<std::pair<std::string, torch::Tensor>> adapter_tensors(TransformerImpl& model) {
    auto out = carried_parameters(model);
    for (auto& [name, tensor] : out) tensor = to_saved(tensor);
    return out;
}

int64_t load_adapter_tensors(TransformerImpl& model, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                             const std::string& source) {
    std::map<std::string, torch::Tensor> given(tensors.begin(), tensors.end());
    torch::NoGradGuard no_grad;
    int64_t copied = 0;
    for (auto& [name, destination] : carried_parameters(model)) {
        auto it = given.find(name);
        if (it == given.end())
            throw Error(source + " has no tensor '" + name + "', which the recipe needs (another recipe or base model?)");
        if (it->second.sizes() != destination.sizes())
            throw Error(source + ": tensor '" + name + "' has another shape than the recipe gives on this base model");
        destination.copy_(it->second.to(destination.device(), destination.scalar_type()));
        given.erase(it);
        ++copied;
    }
    if (!given.empty())
        throw Error(source + " has a tensor the recipe does not create: '" + given.begin()->first +
                    "' (another recipe or base model?)");
    return copied;
}

int64_t write_studio_adapter(TransformerImpl& model, const Recipe& recipe, const StagingDir& out) {
    const auto tensors = adapter_tensors(model);
    int64_t elements = 0;
    for (const auto& [name, t] : tensors) elements += t.numel();
    const ModelConfig& c = model.config();
    json manifest = {{"format", kFormatName},
                     {"format_version", kFormatVersion},
                     {"model_type", c.model_type},
                     {"config_hash", config_hash(c)},
                     {"base_sizes", base_sizes(c)},
                     {"head", head_name(model.head())},
                     {"recipe_name", recipe.name},
                     {"tensors", tensors.size()},
                     {"parameters", elements},
                     {"dtype", tensors.empty() ? "F32" : safetensors_dtype_name(tensors.front().second.scalar_type())}};
    if (model.head() == TaskHead::SequenceClassification) manifest["num_labels"] = c.num_labels;
    write_json_file(out.file(kStudioRecipeFile), recipe.to_json());
    write_safetensors(out.file(kStudioWeightsFile), tensors);
    write_json_file(out.file(kStudioManifestFile), manifest); // last: its presence marks a complete folder
    return static_cast<int64_t>(tensors.size());
}

ImportedAdapter import_studio_adapter(const std::string& dir, const std::string& base_model_dir, torch::ScalarType dtype) {
    const std::string manifest_path = (fs::path(dir) / kStudioManifestFile).string();
    const json manifest = read_json_file(manifest_path);
    if (manifest.value("format", "") != kFormatName)
        throw Error(manifest_path + ": 'format' is not \"" + std::string(kFormatName) + "\"; not a studio adapter");
    if (manifest.value("format_version", 0) > kFormatVersion)
        throw Error(manifest_path + ": format_version " + std::to_string(manifest.value("format_version", 0)) +
                    " was written by a newer PEFT Studio; update it to read this adapter");
    const ModelConfig base = load_model_config(base_model_dir);
    const std::string model_type = manifest.value("model_type", "");
    if (model_type != base.model_type)
        throw Error(manifest_path + ": the adapter was trained on a " + model_type + " model but " + base_model_dir +
                    " is a " + base.model_type + " model; choose the adapter's base model");
    if (manifest.value("config_hash", "") != config_hash(base)) {
        std::string differences;
        const json want = manifest.value("base_sizes", json::object()), have = base_sizes(base);
        for (const auto& [key, value] : have.items())
            if (want.contains(key) && want[key] != value)
                differences += " " + key + " " + want[key].dump() + " (base: " + value.dump() + ")";
        throw Error(manifest_path + ": the adapter's base model has other sizes than " + base_model_dir + ":" +
                    (differences.empty() ? std::string(" config hash differs") : differences));
    }
    ImportedAdapter out;
    out.format = "studio";
    const TaskHead head = parse_head(manifest.value("head", "causal_lm"), manifest_path);
    out.model = load_base_model(base_model_dir, head, manifest.value("num_labels", int64_t{0}), dtype);
    out.recipe = Recipe::load((fs::path(dir) / kStudioRecipeFile).string());
    inject(*out.model, out.recipe, 0);
    const auto file = SafetensorsFile::open((fs::path(dir) / kStudioWeightsFile).string());
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& name : file.names()) tensors.emplace_back(name, file.tensor(name));
    out.tensors = load_adapter_tensors(*out.model, tensors, file.path());
    out.model->eval();
    return out;
}

} // namespace peft::exporting
