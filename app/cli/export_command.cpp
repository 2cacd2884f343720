// SPDX-License-Identifier: MIT
// `export CHECKPOINT_OR_RUN --format peft|adapterhub|studio|merged --out DIR [--name NAME]`: a trained
// checkpoint as a PEFT adapter, an AdapterHub adapter, a studio adapter or a merged model, verified
// by reloading (engine/export/export.h).
#include "args.h"
#include "commands.h"

#include "core/error.h"
#include "export/export.h"
#include "train/checkpoint_model.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace peft::cli {
namespace fs = std::filesystem;

int run_export(const std::vector<std::string>& argv) {
    Args args(argv, {"--overwrite", "--json"});
    configure_threads(args.integer_or("--threads", 0));
    const fs::path source = args.positional_at(0, "CHECKPOINT_OR_RUN");
    const auto format_name = args.value("--format");
    if (!format_name) throw Error("export needs --format peft|adapterhub|studio|merged");
    const auto format = parse_export_format(*format_name);
    if (!format) throw Error("--format must be peft, adapterhub, studio or merged, not '" + *format_name + "'");
    const auto out = args.value("--out");
    if (!out || out->empty()) throw Error("export needs --out DIR (a new folder)");

    // The checkpoint's run.json (written by `train`) says how to rebuild its model.
    const CheckpointModel trained = load_checkpoint_model(source);
    const fs::path& checkpoint = trained.checkpoint;
    Transformer model = trained.model; // a shared handle: export runs the model
    const Recipe& recipe = trained.recipe;

    ExportOptions options;
    options.format = *format;
    options.out_dir = *out;
    options.base_model_dir = trained.model_dir;
    options.overwrite = args.flag("--overwrite");
    if (const auto name = args.value("--name")) options.adapter_name = *name; // AdapterHub's adapter name
    const ExportReport report = export_adapter(*model, recipe, options);
    if (args.flag("--json")) {
        nlohmann::json j = {{"event", "export"},       {"format", export_format_name(*format)},
                            {"checkpoint", checkpoint.string()}, {"out", report.out_dir},
                            {"files", report.files},   {"tensors", report.tensors},
                            {"max_logit_difference", report.max_logit_difference}};
        std::cout << j.dump() << "\n";
    } else {
        std::cout << "exported " << checkpoint.string() << " as " << export_format_name(*format) << " to "
                  << report.out_dir << " (" << report.tensors << " tensors; reloaded logits within "
                  << report.max_logit_difference << ")\n";
        for (const auto& file : report.files) std::cout << "  " << file << "\n";
    }
    return 0;
}

} // namespace peft::cli
