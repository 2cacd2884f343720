// SPDX-License-Identifier: MIT
// A merged export: a fresh base model with the adapter loaded, every module folded into the base
// weights, saved as a plain Hugging Face model folder with the base model's tokenizer files.
#include "export/adapter_files.h"
#include "export/export_util.h"

#include "core/error.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "peft/modules.h"

#include <filesystem>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {

/// Files of a model folder other than config and weights (tokenizers of every kind, generation).
constexpr const char* kCompanionFiles[] = {"tokenizer.json",      "tokenizer_config.json", "special_tokens_map.json",
                                           "tokenizer.model",     "vocab.txt",             "vocab.json",
                                           "merges.txt",          "added_tokens.json",     "generation_config.json"};

} // namespace

std::string why_not_mergeable(const ModuleSpec& spec) {
    switch (spec.kind) {
    case ModuleKind::Prefix: return "prefix tuning adds keys and values that no weight holds";
    case ModuleKind::Prompt: return "prompt tuning adds virtual tokens that no weight holds";
    case ModuleKind::LowRank:
        return spec.insertion == Insertion::Sequential ? "a sequential LoRA reads the projection's output"
                                                       : "a gated composition depends on the input";
    case ModuleKind::Bottleneck:
        return "only a parallel bottleneck without nonlinearity or norm, on a linear site, with a constant scale, folds";
    default: return "it cannot be folded into the base weights";
    }
}


int64_t write_merged_model(TransformerImpl& model, const Recipe& recipe, const std::string& base_model_dir,
                           const StagingDir& out) {
    torch::ScalarType dtype = torch::kFloat;
    if (auto params = model.parameters(); !params.empty()) dtype = params.front().scalar_type();
    // A copy of the live model (fresh base + same recipe + its tensors): merging never touches
    // the caller's model.
    Transformer merged = load_base_model(base_model_dir, model.head(), model.config().num_labels, dtype);
    inject(*merged, recipe, 0);
    load_adapter_tensors(*merged, adapter_tensors(model), "the live model");
    merge(*merged);
    for (const AttachedModule& am : attached_modules(*merged)) {
        auto module = std::dynamic_pointer_cast<PeftModule>(am.module);
        if (module && module->merged()) continue;
        const ModuleSpec& spec = recipe.modules.at(static_cast<size_t>(am.module_index));
        throw Error("merged export: " + module_name_for(recipe, am.module_index) + " at " + am.site->name +
                    " is not mergeable: " + why_not_mergeable(spec) +
                    "; export the adapter with --format peft or studio instead");
    }
    remove_modules(*merged); // the folded modules are identities now
    const auto tensors = merged->named_tensors();
    save_model(*merged, out.path());
    for (const char* name : kCompanionFiles) {
        const fs::path source = fs::path(base_model_dir) / name;
        if (!fs::is_regular_file(source)) continue;
        std::error_code ec;
        fs::copy_file(source, out.file(name), fs::copy_options::overwrite_existing, ec);
        if (ec) throw Error("merged export: cannot copy " + source.string() + " to " + out.path() + ": " + ec.message());
    }
    int64_t count = 0;
    for (const auto& t : tensors) count += t.tied ? 0 : 1;
    return count;
}

} // namespace peft::exporting
