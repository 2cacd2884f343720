// SPDX-License-Identifier: MIT
#include "core/export_backend.h"

#include "core/error.h"
#include "export/export.h"
#include "io/weight_set.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "train/run_config.h"
#include "train/run_setup.h"

#include <nlohmann/json.hpp>

#include <filesystem>
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

/// A checkpoint folder as given, or a run folder's best checkpoint (else its last, else the one
/// with the most steps): the rule of `peft-studio-cli export`.
fs::path find_checkpoint(const fs::path& source) {
    if (is_checkpoint(source)) return source;
    if (!fs::is_regular_file(source / "run.json"))
        throw Error(source.string() + " is neither a checkpoint folder (weights.safetensors) nor a run folder (run.json)");
    if (fs::is_regular_file(source / "results.json")) {
        const auto results = read_json(source / "results.json");
        for (const char* key : {"best_checkpoint", "last_checkpoint"})
            if (const auto it = results.find(key); it != results.end() && it->is_string() && !it->get<std::string>().empty()) {
                fs::path dir = it->get<std::string>();
                if (dir.is_relative()) dir = source / dir;
                if (is_checkpoint(dir)) return dir;
            }
    }
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

struct LoadedCheckpoint {
    fs::path checkpoint;
    std::string model_dir;
    Recipe recipe;
    Transformer model{nullptr};
};

LoadedCheckpoint load_checkpoint(const QString& source_text) {
    LoadedCheckpoint out;
    out.checkpoint = find_checkpoint(fs::path(source_text.toStdString()));
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

} // namespace

QStringList ExportBackend::formatNames() {
    QStringList out;
    for (ExportFormat f : export_formats()) out << QString::fromUtf8(export_format_name(f));
    return out;
}

ExportInspection ExportBackend::inspect(const QString& checkpointOrRun) {
    ExportInspection out;
    try {
        LoadedCheckpoint loaded = load_checkpoint(checkpointOrRun);
        out.checkpoint = QString::fromStdString(loaded.checkpoint.string());
        out.recipeName = QString::fromStdString(loaded.recipe.name);
        out.modelDir = QString::fromStdString(loaded.model_dir);
        for (ExportFormat f : export_formats()) {
            ExportFormatChoice choice;
            choice.format = QString::fromUtf8(export_format_name(f));
            const auto reason = export_refusal(*loaded.model, loaded.recipe, f, loaded.model_dir);
            choice.valid = !reason.has_value();
            if (reason) choice.reason = QString::fromStdString(*reason);
            out.formats.append(choice);
        }
        out.ok = true;
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

ExportOutcome ExportBackend::exportCheckpoint(const QString& checkpointOrRun, const QString& format, const QString& outDir,
                                              bool overwrite) {
    ExportOutcome out;
    out.format = format;
    out.outDir = outDir;
    try {
        const auto parsed = parse_export_format(format.toStdString());
        if (!parsed) throw Error("unknown export format '" + format.toStdString() + "'");
        LoadedCheckpoint loaded = load_checkpoint(checkpointOrRun);
        out.checkpoint = QString::fromStdString(loaded.checkpoint.string());
        ExportOptions options;
        options.format = *parsed;
        options.out_dir = outDir.toStdString();
        options.base_model_dir = loaded.model_dir;
        options.overwrite = overwrite;
        const ExportReport report = export_adapter(*loaded.model, loaded.recipe, options);
        out.outDir = QString::fromStdString(report.out_dir);
        for (const auto& f : report.files) out.files << QString::fromStdString(f);
        out.tensors = report.tensors;
        out.maxLogitDifference = report.max_logit_difference;
        out.ok = true;
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace peft
