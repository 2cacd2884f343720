// SPDX-License-Identifier: MIT
#include "inspect/model_summary.h"

#include "core/error.h"
#include "io/model_config.h"
#include "io/safetensors.h"
#include "models/model.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace peft {
namespace {

/// Groups a Hugging Face tensor name into a component of the report.
std::string component_of(const std::string& name) {
    auto has = [&](const char* s) { return name.find(s) != std::string::npos; };
    if (has("lm_head") || has("score.") || has("classifier") || has("pooler")) return "head";
    if (has("norm") || has("ln_") || has("LayerNorm")) return "norms";
    if (has("embed") || has("wte") || has("wpe") || has("embeddings")) return "embeddings";
    if (has("attn") || has("attention")) return "attention";
    if (has("mlp") || has("intermediate") || has("output.dense")) return "ffn";
    return "other";
}

std::string tokenizer_kind(const fs::path& dir) {
    if (fs::exists(dir / "tokenizer.json")) {
        try {
            std::ifstream in(dir / "tokenizer.json");
            auto j = nlohmann::json::parse(in);
            std::string type = j.at("model").value("type", "BPE");
            if (type == "BPE") {
                bool byte_level = j.dump().find("\"ByteLevel\"") != std::string::npos;
                return byte_level ? "byte-level BPE (tokenizer.json)" : "BPE (tokenizer.json)";
            }
            return type + " (tokenizer.json)";
        } catch (const std::exception&) {
            return "tokenizer.json (unreadable)";
        }
    }
    if (fs::exists(dir / "tokenizer.model")) return "SentencePiece (tokenizer.model)";
    if (fs::exists(dir / "vocab.txt")) return "WordPiece (vocab.txt)";
    if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) return "byte-level BPE (vocab.json + merges.txt)";
    return "";
}

std::vector<fs::path> weight_files(const fs::path& dir) {
    std::vector<fs::path> files;
    if (fs::exists(dir / "model.safetensors")) {
        files.push_back(dir / "model.safetensors");
        return files;
    }
    const fs::path index = dir / "model.safetensors.index.json";
    if (fs::exists(index)) {
        std::ifstream in(index);
        auto j = nlohmann::json::parse(in);
        std::set<std::string> shards;
        for (const auto& [tensor, file] : j.at("weight_map").items()) shards.insert(file.get<std::string>());
        for (const auto& s : shards) files.push_back(dir / s);
    }
    return files;
}

void summarize_weights(ModelSummary& s, const std::vector<fs::path>& files) {
    std::map<std::string, int64_t> components;
    std::map<std::string, int64_t> dtype_bytes;
    for (const auto& file : files) {
        SafetensorsHeader header = read_safetensors_header(file.string());
        s.weight_bytes += header.file_size;
        for (const auto& e : header.entries) {
            int64_t numel = 1;
            for (int64_t d : e.shape) numel *= d;
            s.parameters += numel;
            components[component_of(e.name)] += numel;
            dtype_bytes[e.dtype] += static_cast<int64_t>(e.end - e.begin);
        }
    }
    s.weight_files = static_cast<int>(files.size());
    s.parameters_from_weights = true;
    int64_t best = -1;
    for (const auto& [dtype, bytes] : dtype_bytes) {
        if (bytes > best) { best = bytes; s.dtype = dtype; }
    }
    for (const auto& [name, count] : components) s.components.push_back({name, count});
}

// The head a checkpoint of this family carries when nothing else is known: decoders have a
// language-model head (possibly tied); encoders are counted bare, like Hugging Face's BertModel.
TaskHead base_head_of(const ModelConfig& config) {
    return config.family == ModelFamily::Bert ? TaskHead::None : TaskHead::CausalLM;
}

/// Files that hold model weights in formats other than a Hugging Face folder.
bool is_foreign_checkpoint(const fs::path& file) {
    const std::string ext = file.extension().string();
    return ext == ".bin" || ext == ".gguf" || ext == ".pt" || ext == ".pth" || ext == ".ckpt" || ext == ".safetensors";
}

/// A folder with weights but no config.json: say what it is and how to make it usable.
std::string foreign_checkpoint_reason(const fs::path& dir) {
    std::string files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec) || !is_foreign_checkpoint(entry.path())) continue;
        files += (files.empty() ? "" : ", ") + entry.path().filename().string();
    }
    return "not a Hugging Face model folder: it has " + (files.empty() ? std::string("no config.json") : files) +
           " but no config.json (a llama2.c .bin or GGUF file cannot be read here). Convert it to a "
           "Hugging Face folder with config.json, model.safetensors and tokenizer files (for llama2.c: "
           "its export.py --version -1 --hf DIR) and open that folder";
}

void summarize_from_config(ModelSummary& s, const ModelConfig& config) {
    std::map<std::string, int64_t> components;
    const TaskHead head = base_head_of(config);
    for (const auto& site : describe_sites(config, head)) {
        for (size_t i = 0; i < site.parameter_names.size(); ++i) {
            int64_t numel = 1;
            for (int64_t d : site.parameter_shapes[i]) numel *= d;
            components[component_of(site.parameter_names[i])] += numel;
        }
    }
    for (const auto& [name, count] : components) s.components.push_back({name, count});
    s.parameters = count_base_parameters(config, head);
}

} // namespace

ModelSummary summarize_model_dir(const std::string& dir_string) {
    ModelSummary s;
    const fs::path dir(dir_string);
    s.path = dir_string;
    s.name = dir.filename().string();
    if (s.name.empty()) s.name = dir.parent_path().filename().string();
    // Hub cache: .../models--org--name/snapshots/<revision>/
    if (dir.parent_path().filename() == "snapshots") {
        std::string repo = dir.parent_path().parent_path().filename().string();
        if (repo.rfind("models--", 0) == 0) {
            repo = repo.substr(8);
            if (auto pos = repo.find("--"); pos != std::string::npos) repo.replace(pos, 2, "/");
            s.name = repo;
        }
    }
    s.tokenizer = tokenizer_kind(dir);
    if (!fs::exists(dir / "config.json")) {
        s.reason = foreign_checkpoint_reason(dir);
        return s;
    }

    ModelConfig config;
    try {
        config = ModelConfig::load((dir / "config.json").string());
    } catch (const Error& e) {
        s.reason = e.what();
        try {
            std::ifstream in(dir / "config.json");
            auto j = nlohmann::json::parse(in);
            s.model_type = j.value("model_type", "");
            if (j.contains("architectures") && j["architectures"].is_array() && !j["architectures"].empty())
                s.architecture = j["architectures"][0].get<std::string>();
        } catch (const std::exception&) {}
        return s;
    }
    s.model_type = config.model_type;
    s.architecture = config.architectures.empty() ? model_family_name(config.family) : config.architectures.front();
    s.num_layers = config.num_layers;
    s.hidden_size = config.hidden_size;
    s.num_heads = config.num_heads;
    s.num_kv_heads = config.num_kv_heads;
    s.intermediate_size = config.intermediate_size;
    s.vocab_size = config.vocab_size;
    s.max_positions = config.max_positions;
    s.dtype = config.torch_dtype;

    std::vector<fs::path> files;
    try {
        files = weight_files(dir);
        if (!files.empty()) summarize_weights(s, files);
    } catch (const std::exception& e) {
        s.components.clear();
        s.parameters = 0;
        s.reason = std::string("the weights cannot be read: ") + e.what();
        return s;
    }
    if (files.empty()) {
        try {
            summarize_from_config(s, config);
        } catch (const std::exception&) {}
        if (fs::exists(dir / "pytorch_model.bin"))
            s.reason = "only pytorch_model.bin (a Python pickle) is present; save the model as safetensors "
                       "(model.save_pretrained(dir, safe_serialization=True)) to use it here";
        else
            s.reason = "no weights: the folder has config.json" +
                       std::string(s.tokenizer.empty() ? "" : " and a tokenizer") +
                       " but no model.safetensors, so there is nothing pretrained to fine-tune. "
                       "Add the weights, or use it only to count parameters and plan recipes";
        return s;
    }
    if (s.tokenizer.empty()) {
        s.reason = "no tokenizer files (tokenizer.json, tokenizer.model, vocab.txt or vocab.json + merges.txt)";
        return s;
    }
    s.supported = true;
    return s;
}

std::vector<std::string> find_model_dirs(const std::string& root_string) {
    std::vector<std::string> found;
    const fs::path root(root_string);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return found;
    if (fs::exists(root / "config.json")) {
        found.push_back(root.string());
        return found;
    }
    for (const auto& entry : fs::directory_iterator(root, fs::directory_options::skip_permission_denied, ec)) {
        if (!entry.is_directory(ec)) continue;
        const fs::path p = entry.path();
        const std::string name = p.filename().string();
        if (name.rfind("models--", 0) == 0) {
            // Hub cache: every snapshot revision that holds a config.
            const fs::path snapshots = p / "snapshots";
            if (!fs::is_directory(snapshots, ec)) continue;
            for (const auto& rev : fs::directory_iterator(snapshots, ec)) {
                if (fs::exists(rev.path() / "config.json")) found.push_back(rev.path().string());
            }
        } else if (fs::exists(p / "config.json")) {
            found.push_back(p.string());
        } else {
            // Weights without config.json (llama2.c, GGUF, bare checkpoints): listed, with the reason
            // they cannot be opened, rather than silently missing.
            for (const auto& file : fs::directory_iterator(p, ec)) {
                if (file.is_regular_file(ec) && is_foreign_checkpoint(file.path())) {
                    found.push_back(p.string());
                    break;
                }
            }
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string default_hf_hub_cache() {
    if (const char* v = std::getenv("HF_HUB_CACHE"); v && *v) return v;
    if (const char* v = std::getenv("HF_HOME"); v && *v) return (fs::path(v) / "hub").string();
    if (const char* v = std::getenv("XDG_CACHE_HOME"); v && *v) return (fs::path(v) / "huggingface" / "hub").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home ? home : ".") / ".cache" / "huggingface" / "hub").string();
}

} // namespace peft
