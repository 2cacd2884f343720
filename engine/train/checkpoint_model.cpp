// SPDX-License-Identifier: MIT
#include "train/checkpoint_model.h"

#include "core/error.h"
#include "io/weight_set.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "train/run_config.h"
#include "train/run_setup.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace peft {
namespace fs = std::filesystem;
namespace {

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + " is not valid JSON: " + e.what());
    }
}

bool is_checkpoint(const fs::path& dir) { return fs::is_regular_file(dir / "weights.safetensors"); }

} // namespace

fs::path find_checkpoint(const fs::path& source) {
    if (is_checkpoint(source)) return source;
    if (!fs::is_regular_file(source / "run.json"))
        throw Error(source.string() + " is neither a checkpoint folder (weights.safetensors) nor a run folder "
                                      "(run.json); give output_dir of `train`, or one of its checkpoint-<step> folders");
    if (fs::is_regular_file(source / "results.json")) {
        const auto results = read_json(source / "results.json");
        for (const char* key : {"best_checkpoint", "last_checkpoint"})
            if (const auto it = results.find(key); it != results.end() && it->is_string() && !it->get<std::string>().empty()) {
                fs::path dir = it->get<std::string>();
                if (dir.is_relative()) dir = source / dir;
                if (is_checkpoint(dir)) return dir;
            }
    }
    // No results (a cancelled run): the checkpoint with the most steps.
    fs::path best;
    long long best_step = -1;
    for (const auto& entry : fs::directory_iterator(source)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("checkpoint-", 0) != 0 || !is_checkpoint(entry.path())) continue;
        try {
            const long long step = std::stoll(name.substr(11));
            if (step > best_step) {
                best_step = step;
                best = entry.path();
            }
        } catch (const std::exception&) {
        }
    }
    if (best.empty()) throw Error(source.string() + " holds no checkpoint yet (no checkpoint-<step> with weights.safetensors)");
    return best;
}

CheckpointModel load_checkpoint_model(const fs::path& source) {
    CheckpointModel out;
    out.checkpoint = find_checkpoint(source);
    // The checkpoint's run.json (written by `train`) says how to rebuild its model.
    fs::path record_path = out.checkpoint / "run.json";
    if (!fs::is_regular_file(record_path)) record_path = out.checkpoint.parent_path() / "run.json";
    nlohmann::json record = read_json(record_path);
    const nlohmann::json resolved = record.value("resolved_recipe", nlohmann::json());
    record.erase("resolved_recipe");
    if (record.contains("data")) record["data"].erase("labels");
    const RunConfig run = RunConfig::from_json(record, record_path.parent_path().string(), record_path.string());
    ModelConfig config = load_model_config(run.model_dir);
    out.recipe = resolved.is_object() ? Recipe::from_json(resolved) : resolve_recipe(run, config);

    const TaskHead head = run.is_classification() ? TaskHead::SequenceClassification : TaskHead::CausalLM;
    if (head == TaskHead::SequenceClassification) {
        const auto labels = checkpoint_labels(out.checkpoint.string());
        if (!labels) throw Error(record_path.string() + " has no label map (data.labels); cannot rebuild the classification head");
        config.num_labels = static_cast<int64_t>(labels->size());
        config.id2label = labels->names;
    }
    out.model = build_model(config, head);
    LoadOptions load;
    load.head = head;
    load.seed = run.seed;
    load_weights(*out.model, WeightSet::open(run.model_dir), load);
    inject(*out.model, out.recipe, run.seed);
    load_trained_weights(*out.model, out.checkpoint.string());
    out.model->eval();
    out.model_dir = run.model_dir;
    return out;
}

} // namespace peft
