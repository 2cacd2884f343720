// SPDX-License-Identifier: MIT
#include "io/weight_set.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace peft {

WeightSet WeightSet::open(const std::string& model_dir) {
    WeightSet set;
    set.dir_ = model_dir;
    const fs::path dir(model_dir);
    const fs::path single = dir / "model.safetensors";
    const fs::path index = dir / "model.safetensors.index.json";
    if (fs::exists(single)) {
        set.files_.push_back(SafetensorsFile::open(single.string()));
        for (const auto& name : set.files_.back().names()) set.index_[name] = 0;
        return set;
    }
    if (!fs::exists(index)) {
        std::string hint = fs::exists(dir / "pytorch_model.bin")
                               ? " (pytorch_model.bin is a Python pickle and is not supported: save the model with "
                                 "safe_serialization=True)"
                               : "";
        throw Error(model_dir + ": no safetensors weights found (expected model.safetensors or "
                    "model.safetensors.index.json)" + hint);
    }
    nlohmann::json j;
    try {
        std::ifstream in(index);
        if (!in) throw Error(index.string() + ": cannot open");
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(index.string() + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
        throw Error(index.string() + ": missing the 'weight_map' object");
    if (j["weight_map"].empty()) throw Error(index.string() + ": 'weight_map' lists no tensors");
    std::map<std::string, size_t> file_ids;
    for (const auto& [tensor, file] : j["weight_map"].items()) {
        if (!file.is_string()) throw Error(index.string() + ": weight_map entry '" + tensor + "' is not a file name");
        const std::string shard = file.get<std::string>();
        if (shard.find('/') != std::string::npos || shard.find("..") != std::string::npos)
            throw Error(index.string() + ": shard name '" + shard + "' must be a file in the model folder");
        auto it = file_ids.find(shard);
        if (it == file_ids.end()) {
            const fs::path shard_path = dir / shard;
            if (!fs::exists(shard_path))
                throw Error(index.string() + ": shard '" + shard + "' (holding '" + tensor + "') is missing");
            set.files_.push_back(SafetensorsFile::open(shard_path.string()));
            it = file_ids.emplace(shard, set.files_.size() - 1).first;
        }
        if (!set.files_[it->second].contains(tensor))
            throw Error(index.string() + ": tensor '" + tensor + "' is listed in shard '" + shard + "' but is not in it");
        set.index_[tensor] = it->second;
    }
    return set;
}

bool WeightSet::empty() const { return index_.empty(); }
bool WeightSet::contains(const std::string& name) const { return index_.count(name) > 0; }

std::vector<std::string> WeightSet::names() const {
    std::vector<std::string> out;
    out.reserve(index_.size());
    for (const auto& [name, file] : index_) out.push_back(name);
    return out;
}

const TensorEntry& WeightSet::entry(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) throw Error(dir_ + ": no tensor named '" + name + "' in the model weights");
    return files_[it->second].entry(name);
}

torch::Tensor WeightSet::tensor(const std::string& name, torch::ScalarType dtype) const {
    auto it = index_.find(name);
    if (it == index_.end()) throw Error(dir_ + ": no tensor named '" + name + "' in the model weights");
    return files_[it->second].tensor(name, dtype);
}

std::string WeightSet::file_of(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? std::string() : files_[it->second].path();
}

void write_sharded_safetensors(const std::string& dir, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                               uint64_t max_shard_bytes) {
    std::error_code made;
    fs::create_directories(dir, made);
    if (made) throw Error(dir + ": cannot create the output folder (" + made.message() + ")");
    std::vector<std::vector<std::pair<std::string, torch::Tensor>>> shards(1);
    uint64_t current = 0, total = 0;
    std::set<std::string> seen; // a name in two shards would silently lose one in the weight_map
    for (const auto& item : tensors) {
        if (!seen.insert(item.first).second) throw Error(dir + ": tensor '" + item.first + "' given twice");
        const uint64_t bytes = static_cast<uint64_t>(item.second.numel()) * item.second.element_size();
        if (current > 0 && current + bytes > max_shard_bytes) {
            shards.emplace_back();
            current = 0;
        }
        shards.back().push_back(item);
        current += bytes;
        total += bytes;
    }
    const fs::path index = fs::path(dir) / "model.safetensors.index.json";
    if (shards.size() == 1) {
        write_safetensors((fs::path(dir) / "model.safetensors").string(), shards[0]);
        std::error_code ec;
        fs::remove(index, ec); // a stale index would shadow nothing but confuse readers
        return;
    }
    nlohmann::ordered_json weight_map = nlohmann::ordered_json::object();
    const size_t n = shards.size();
    for (size_t i = 0; i < n; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "model-%05zu-of-%05zu.safetensors", i + 1, n);
        write_safetensors((fs::path(dir) / name).string(), shards[i]);
        for (const auto& [tensor, t] : shards[i]) weight_map[tensor] = name;
    }
    nlohmann::ordered_json j = {{"metadata", {{"total_size", total}}}, {"weight_map", weight_map}};
    const std::string tmp = index.string() + ".tmp";
    std::error_code ec;
    {
        std::ofstream out(tmp);
        out << j.dump(2) << "\n";
        out.flush();
        if (!out) {
            fs::remove(tmp, ec);
            throw Error(index.string() + ": write failed; is the disk full or the folder read-only?");
        }
    }
    fs::rename(tmp, index, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw Error(index.string() + ": cannot move the written index into place (" + ec.message() + ")");
    }
    fs::remove(fs::path(dir) / "model.safetensors", ec); // a stale single file would shadow the shards
}

} // namespace peft
