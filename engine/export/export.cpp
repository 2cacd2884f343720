// SPDX-License-Identifier: MIT
#include "export/export.h"

#include "core/error.h"
#include "export/adapter_files.h"
#include "export/adapterhub.h"
#include "export/peft_writer.h"
#include "peft/modules.h"
#include "export/export_util.h"
#include "export/staging.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

namespace peft {
namespace fs = std::filesystem;
namespace {

/// Rebuilding models for verification seeds torch's default generator (inject); an export must
/// not change what a later training step or sample draws, so its state is put back.
class CpuRngGuard {
public:
    CpuRngGuard() {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        state_ = generator.get_state();
    }
    ~CpuRngGuard() {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(state_);
    }
    CpuRngGuard(const CpuRngGuard&) = delete;
    CpuRngGuard& operator=(const CpuRngGuard&) = delete;

private:
    torch::Tensor state_;
};

} // namespace

const char* export_format_name(ExportFormat format) {
    switch (format) {
    case ExportFormat::Peft: return "peft";
    case ExportFormat::Studio: return "studio";
    case ExportFormat::Merged: return "merged";
    case ExportFormat::AdapterHub: return "adapterhub";
    }
    return "peft";
}

std::vector<ExportFormat> export_formats() {
    return {ExportFormat::Peft, ExportFormat::AdapterHub, ExportFormat::Merged, ExportFormat::Studio};
}

std::optional<ExportFormat> parse_export_format(const std::string& name) {
    for (ExportFormat f : export_formats())
        if (name == export_format_name(f)) return f;
    return std::nullopt;
}

ExportReport export_adapter(TransformerImpl& model, const Recipe& recipe, const ExportOptions& options) {
    if (options.base_model_dir.empty() || !fs::is_regular_file(fs::path(options.base_model_dir) / "config.json"))
        throw Error("export: the base model folder '" + options.base_model_dir +
                    "' has no config.json; verification reloads the export onto it");
    torch::ScalarType dtype = torch::kFloat;
    if (auto params = model.parameters(); !params.empty()) dtype = params.front().scalar_type();
    const CpuRngGuard rng;

    // Refusals and writes go to a folder beside the target; only a verified export is renamed.
    exporting::StagingDir staging(options.out_dir, options.overwrite);
    ExportReport report;
    switch (options.format) {
    case ExportFormat::Peft: report.tensors = exporting::write_peft_adapter(model, recipe, options.base_model_dir, staging); break;
    case ExportFormat::Studio: report.tensors = exporting::write_studio_adapter(model, recipe, staging); break;
    case ExportFormat::Merged: report.tensors = exporting::write_merged_model(model, recipe, options.base_model_dir, staging); break;
    case ExportFormat::AdapterHub:
        report.tensors = exporting::write_adapterhub_adapter(
            model, recipe, options.base_model_dir, options.adapter_name.empty() ? recipe.name : options.adapter_name, staging);
        break;
    }

    // Verification: what was written, reloaded onto a fresh base model, must give the live
    // model's logits on a fixed batch.
    const torch::Tensor expected = exporting::fixed_batch_logits(model);
    torch::Tensor actual;
    if (options.format == ExportFormat::Merged) {
        Transformer reloaded = exporting::load_base_model(staging.path(), model.head(), model.config().num_labels, dtype);
        actual = exporting::fixed_batch_logits(*reloaded);
    } else {
        ImportedAdapter reloaded = import_adapter(staging.path(), options.base_model_dir, dtype);
        actual = exporting::fixed_batch_logits(*reloaded.model);
    }
    report.max_logit_difference = exporting::check_logits_match(
        expected, actual, options.tolerance, std::string(export_format_name(options.format)) + " export to " + options.out_dir);

    for (const auto& entry : fs::directory_iterator(staging.path())) report.files.push_back(entry.path().filename().string());
    std::sort(report.files.begin(), report.files.end());
    staging.commit();
    report.out_dir = options.out_dir;
    return report;
}

std::optional<std::string> export_refusal(TransformerImpl& model, const Recipe& recipe, ExportFormat format,
                                          const std::string& base_model_dir) {
    try {
        switch (format) {
        case ExportFormat::Studio: return std::nullopt;
        case ExportFormat::Peft: exporting::make_peft_adapter(model, recipe, base_model_dir); return std::nullopt;
        case ExportFormat::AdapterHub:
            exporting::make_adapterhub_adapter(model, recipe, base_model_dir, recipe.name);
            return std::nullopt;
        case ExportFormat::Merged:
            // Each attached module must fold; the same reasons write_merged_model gives.
            for (const exporting::AttachedModule& am : exporting::attached_modules(model)) {
                if (am.module->can_merge()) continue;
                const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(am.module_index));
                return "merged export: " + exporting::module_name_for(recipe, am.module_index) + " at " + am.site->name +
                       " is not mergeable: " + exporting::why_not_mergeable(spec);
            }
            return std::nullopt;
        }
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

} // namespace peft
