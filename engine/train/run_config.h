// SPDX-License-Identifier: MIT
// A run configuration: everything one training run needs (model folder, data, recipe, training
// settings, evaluation, output, seed, threads) as one versioned JSON file. docs/run-config.md is
// the user-facing description. Plain types and nlohmann::json only: the Qt side includes this
// header to read, edit and write run files.
#pragma once

#include "core/error.h"
#include "data/data_config.h"
#include "io/model_config.h"
#include "peft/recipe.h"
#include "train/train_config.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace peft {

/// The current run configuration format version (the "version" field).
inline constexpr int kRunConfigVersion = 1;

/// A configuration problem: names the file and the key (what() holds "file: key 'k': reason").
class RunConfigError : public Error {
public:
    RunConfigError(const std::string& file, const std::string& key, const std::string& reason);
    std::string file;
    std::string key;   ///< dotted path ("training.lr"); empty for the file as a whole
    std::string reason;
};

/// Where the recipe comes from: a preset (with per-module overrides), a recipe file or inline JSON.
struct RecipeSource {
    enum class Kind { Preset, File, Inline };
    Kind kind = Kind::Preset;
    std::string preset = "lora";
    /// Preset overrides: {"<module name>": {<recipe module fields>}} merged into that module.
    nlohmann::json overrides = nlohmann::json::object();
    std::string file;           ///< absolute path (Kind::File)
    nlohmann::json recipe_json; ///< Kind::Inline: a whole recipe
};

/// How the model is run: CPU, CUDA, or CUDA when available ("auto").
enum class RunDevice { Cpu, Cuda, Auto };

struct RunConfig {
    int version = kRunConfigVersion;
    std::string name;
    std::string source;              ///< the file it was read from (for messages); empty when built in code
    std::string model_dir;           ///< absolute
    RunDevice device = RunDevice::Cpu;
    data::DataConfig data;           ///< train_file / eval_file absolute
    int64_t max_train_examples = 0;  ///< 0 = all; else the first N prepared examples (quick runs, tests)
    int64_t max_eval_examples = 0;   ///< 0 = all
    RecipeSource recipe;
    TrainConfig training;            ///< seed, threads and output_dir come from the top level
    int64_t eval_batch_size = 0;     ///< 0 = training.batch_size
    std::string output_dir;          ///< absolute; empty = no checkpoints
    uint64_t seed = 0;               ///< data order, new weights (modules, a new head), dropout
    int threads = 0;                 ///< torch intra-op threads; 0 = the caller decides

    /// Classification formats train a sequence-classification head; the others a causal LM.
    bool is_classification() const;

    /// Parses a run configuration. Relative paths resolve against `base_dir`; "${VAR}" in a path
    /// is replaced by that environment variable. `source` names the file in errors. Throws
    /// RunConfigError naming the key.
    static RunConfig from_json(const nlohmann::json& json, const std::string& base_dir, const std::string& source);
    /// Reads a run configuration file (relative paths resolve against its folder), applying
    /// `overrides` ("training.max_steps=100", see apply_override) before parsing.
    static RunConfig load(const std::string& path, const std::vector<std::string>& overrides = {});
    /// The resolved configuration (absolute paths, the preset or inline recipe as given).
    nlohmann::json to_json() const;
};

/// Applies "a.b.c=value" overrides (value parsed as JSON, else taken as a string) to a run
/// configuration's JSON before parsing, for the command line's --set. Throws RunConfigError.
void apply_override(nlohmann::json& json, const std::string& assignment, const std::string& source);

/// The recipe of a run for a model: the preset with overrides applied, the file, or the inline
/// recipe; checked against the model's sites. Throws RunConfigError naming the key "recipe".
Recipe resolve_recipe(const RunConfig& run, const ModelConfig& model);

} // namespace peft
