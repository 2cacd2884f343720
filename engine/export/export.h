// SPDX-License-Identifier: MIT
// Exporting a trained adapter: a PEFT directory, an AdapterHub directory, the studio's own format,
// or a merged Hugging Face model. Every export is written to a temporary folder beside the target, reloaded onto a fresh
// base model and compared with the live model before it is renamed into place, so a failure
// (refused recipe, I/O error, full disk, logits that disagree) leaves nothing behind.
// Formats: docs/export.md and ../shared/FORMATS.md.
#pragma once

#include "models/model.h"
#include "peft/recipe.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace peft {

enum class ExportFormat {
    Peft,   ///< adapter_config.json + adapter_model.safetensors (PeftModel.from_pretrained)
    Studio, ///< recipe.json + adapter.safetensors + studio_adapter.json (any recipe)
    Merged, ///< a Hugging Face model folder with every module folded into the base weights
    AdapterHub, ///< adapter_config.json + adapter.safetensors (+ head files): adapters' load_adapter
};

/// Every format, in the order the studio lists them.
std::vector<ExportFormat> export_formats();

const char* export_format_name(ExportFormat format);
/// "peft", "studio", "merged", "adapterhub"; nullopt when unknown.
std::optional<ExportFormat> parse_export_format(const std::string& name);

struct ExportOptions {
    ExportFormat format = ExportFormat::Peft;
    std::string out_dir;
    /// The base model's folder: reloaded for verification, source of the tokenizer files of a
    /// merged model, and PEFT's base_model_name_or_path.
    std::string base_model_dir;
    /// Logits of the reloaded export must match the live model's: |a − b| ≤ atol + rtol·|b|
    /// with atol = rtol = tolerance (FORMATS.md: how the Python libraries test).
    double tolerance = 1e-4;
    /// Replace an existing non-empty out_dir (only after the new export verified).
    bool overwrite = false;
    /// AdapterHub: the adapter's name (it is part of every tensor key); empty = the recipe's name.
    std::string adapter_name;
};

struct ExportReport {
    std::string out_dir;
    std::vector<std::string> files;   ///< file names inside out_dir
    int64_t tensors = 0;              ///< tensors written
    double max_logit_difference = 0;  ///< live model vs reloaded export on the fixed batch
};

/// Exports `model` (a base model with `recipe` injected and trained weights loaded; its base
/// weights must be those of options.base_model_dir) in options.format. Does not modify `model`.
/// Throws peft::Error naming the module a format cannot express, the file that could not be
/// written, or the logits difference that failed verification.
ExportReport export_adapter(TransformerImpl& model, const Recipe& recipe, const ExportOptions& options);

/// Why `format` cannot express `model`'s adapter (the sentence export_adapter would throw, naming
/// the module), or nullopt when it can. Builds the files in memory only; writes nothing.
/// `base_model_dir` is needed for the merged check (it rebuilds a copy to fold); may be empty
/// for the other formats.
std::optional<std::string> export_refusal(TransformerImpl& model, const Recipe& recipe, ExportFormat format,
                                          const std::string& base_model_dir = "");

} // namespace peft
