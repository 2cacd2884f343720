// SPDX-License-Identifier: MIT
#include "core/export_backend.h"

#include "core/error.h"
#include "export/export.h"
#include "train/checkpoint_model.h"

#include <filesystem>

namespace peft {

QStringList ExportBackend::formatNames() {
    QStringList out;
    for (ExportFormat f : export_formats()) out << QString::fromUtf8(export_format_name(f));
    return out;
}

ExportInspection ExportBackend::inspect(const QString& checkpointOrRun) {
    ExportInspection out;
    try {
        CheckpointModel loaded = load_checkpoint_model(checkpointOrRun.toStdString());
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
        CheckpointModel loaded = load_checkpoint_model(checkpointOrRun.toStdString());
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
