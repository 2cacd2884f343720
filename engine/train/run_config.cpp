// SPDX-License-Identifier: MIT
#include "train/run_config.h"

#include "models/model.h" // TaskHead (only declared in peft/report.h)
#include "peft/presets.h"
#include "peft/report.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace peft {
namespace fs = std::filesystem;
namespace {

std::string describe(const std::string& file, const std::string& key, const std::string& reason) {
    std::string out = file.empty() ? std::string("run config") : file;
    if (!key.empty()) out += ": key '" + key + "'";
    return out + ": " + reason;
}

/// Reads the config's JSON with keys checked, and prefixes every error with file and key.
class Reader {
public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& reason) const {
        throw RunConfigError(source_, key, reason);
    }

    void check_keys(const nlohmann::json& object, const std::string& where, const std::set<std::string>& known,
                    const std::string& hint_for = {}, const std::string& hint = {}) const {
        for (const auto& item : object.items()) {
            if (known.count(item.key())) continue;
            const std::string key = where.empty() ? item.key() : where + "." + item.key();
            if (!hint_for.empty() && item.key() == hint_for) fail(key, hint);
            std::string names;
            for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
            fail(key, "unknown key (known keys here: " + names + ")");
        }
    }

    template <typename T>
    void read(const nlohmann::json& object, const char* key, const std::string& path, T& out) const {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return;
        try {
            out = it->get<T>();
        } catch (const nlohmann::json::exception&) {
            fail(path, "has the wrong type (" + it->dump() + ")");
        }
    }

    const std::string& source() const { return source_; }

private:
    std::string source_;
};

/// "${VAR}" → the environment variable's value (so shared configs can point into an assets folder).
std::string expand_variables(const std::string& text, const Reader& reader, const std::string& key) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "${") == 0) {
            const auto end = text.find('}', i + 2);
            if (end == std::string::npos) reader.fail(key, "'${' without a closing '}' in '" + text + "'");
            const std::string name = text.substr(i + 2, end - i - 2);
            const char* value = std::getenv(name.c_str());
            if (!value || !*value)
                reader.fail(key, "uses the environment variable " + name + ", which is not set; set it or write the path out");
            out += value;
            i = end + 1;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string resolve_path(const std::string& value, const std::string& base_dir, const Reader& reader,
                         const std::string& key) {
    if (value.empty()) return value;
    fs::path p(expand_variables(value, reader, key));
    if (p.is_relative()) p = fs::path(base_dir) / p;
    return p.lexically_normal().string();
}

const char* device_name(RunDevice d) {
    return d == RunDevice::Cuda ? "cuda" : d == RunDevice::Auto ? "auto" : "cpu";
}

RecipeSource parse_recipe(const nlohmann::json& j, const std::string& base_dir, const Reader& reader) {
    RecipeSource r;
    if (j.is_string()) {
        const auto text = j.get<std::string>();
        // A string is a preset name unless it looks like a file.
        if (text.size() > 5 && text.substr(text.size() - 5) == ".json") {
            r.kind = RecipeSource::Kind::File;
            r.file = resolve_path(text, base_dir, reader, "recipe");
        } else {
            r.kind = RecipeSource::Kind::Preset;
            r.preset = text;
        }
    } else if (j.is_object() && (j.contains("preset") || j.contains("file"))) {
        reader.check_keys(j, "recipe", {"preset", "overrides", "file"});
        if (j.contains("preset") == j.contains("file"))
            reader.fail("recipe", "give either \"preset\" (with optional \"overrides\") or \"file\", not both");
        if (j.contains("file")) {
            std::string file;
            reader.read(j, "file", "recipe.file", file);
            r.kind = RecipeSource::Kind::File;
            r.file = resolve_path(file, base_dir, reader, "recipe.file");
            if (j.contains("overrides")) reader.fail("recipe.overrides", "overrides apply to presets only; edit the recipe file");
        } else {
            r.kind = RecipeSource::Kind::Preset;
            reader.read(j, "preset", "recipe.preset", r.preset);
            if (j.contains("overrides")) {
                r.overrides = j.at("overrides");
                if (!r.overrides.is_object())
                    reader.fail("recipe.overrides", "must be an object {\"<module name>\": {<module fields>}}");
                for (const auto& item : r.overrides.items())
                    if (!item.value().is_object())
                        reader.fail("recipe.overrides." + item.key(), "must be an object of recipe module fields");
            }
        }
    } else if (j.is_object() && j.contains("modules")) {
        r.kind = RecipeSource::Kind::Inline;
        r.recipe_json = j;
        try {
            (void)Recipe::from_json(j); // refuse bad fields now, with the file name
        } catch (const Error& e) {
            reader.fail("recipe", e.what());
        }
    } else {
        reader.fail("recipe", "must be a preset name (\"lora\"), a recipe file (\"my_recipe.json\"), "
                              "{\"preset\": ..., \"overrides\": {...}}, {\"file\": ...} or a recipe with \"modules\"");
    }
    if (r.kind == RecipeSource::Kind::File && !fs::is_regular_file(r.file))
        reader.fail("recipe", "the recipe file " + r.file + " does not exist");
    return r;
}

} // namespace

RunConfigError::RunConfigError(const std::string& file_, const std::string& key_, const std::string& reason_)
    : Error(describe(file_, key_, reason_)), file(file_), key(key_), reason(reason_) {}

bool RunConfig::is_classification() const {
    return data.format == data::DataFormat::Classification || data.format == data::DataFormat::PairClassification;
}

RunConfig RunConfig::from_json(const nlohmann::json& json, const std::string& base_dir, const std::string& source) {
    const Reader reader(source);
    if (!json.is_object()) reader.fail("", "expected a JSON object with \"model\", \"data\", \"recipe\" and \"training\"");
    reader.check_keys(json, "",
                      {"version", "name", "model", "device", "data", "recipe", "training", "eval", "output_dir", "seed",
                       "threads", "description"});
    RunConfig c;
    c.source = source;
    if (!json.contains("version")) reader.fail("version", "is missing (write \"version\": 1)");
    reader.read(json, "version", "version", c.version);
    if (c.version != kRunConfigVersion)
        reader.fail("version", "this studio reads run configurations of version " + std::to_string(kRunConfigVersion) +
                                   ", not " + std::to_string(c.version));
    reader.read(json, "name", "name", c.name);

    std::string model;
    reader.read(json, "model", "model", model);
    if (model.empty()) reader.fail("model", "is missing: give the model folder (config.json, weights, tokenizer)");
    c.model_dir = resolve_path(model, base_dir, reader, "model");
    if (!fs::is_directory(c.model_dir)) reader.fail("model", "the model folder " + c.model_dir + " does not exist");
    if (!fs::is_regular_file(fs::path(c.model_dir) / "config.json"))
        reader.fail("model", c.model_dir + " has no config.json (is it a Hugging Face model folder?)");

    std::string device = "cpu";
    reader.read(json, "device", "device", device);
    if (device == "cpu") c.device = RunDevice::Cpu;
    else if (device == "cuda") c.device = RunDevice::Cuda;
    else if (device == "auto") c.device = RunDevice::Auto;
    else reader.fail("device", "must be cpu, cuda or auto, not '" + device + "'");

    if (json.contains("seed") && json.at("seed").is_number_integer() && json.at("seed").get<int64_t>() < 0)
        reader.fail("seed", "must be 0 or more");
    reader.read(json, "seed", "seed", c.seed);
    reader.read(json, "threads", "threads", c.threads);
    if (c.threads < 0) reader.fail("threads", "must not be negative");
    std::string output_dir;
    reader.read(json, "output_dir", "output_dir", output_dir);
    c.output_dir = resolve_path(output_dir, base_dir, reader, "output_dir");

    // Data: the DataConfig keys plus the example limits; the seed is the run's.
    if (!json.contains("data") || !json.at("data").is_object())
        reader.fail("data", "is missing: give at least {\"train_file\": ..., \"format\": ...}");
    nlohmann::json data = json.at("data");
    // DataConfig has a shuffle flag, but the trainer decides the order: one place for it.
    if (data.contains("shuffle")) reader.fail("data.shuffle", "the data order is a training setting: use \"training.shuffle\"");
    reader.check_keys(data, "data",
                      {"train_file", "eval_file", "format", "columns", "header", "separator", "text_split",
                       "chat_template", "max_length", "block_size", "row_errors", "labels",
                       "max_train_examples", "max_eval_examples"},
                      "seed", "the data order follows the run's top-level \"seed\"; move it there");
    reader.read(data, "max_train_examples", "data.max_train_examples", c.max_train_examples);
    reader.read(data, "max_eval_examples", "data.max_eval_examples", c.max_eval_examples);
    if (c.max_train_examples < 0) reader.fail("data.max_train_examples", "must not be negative");
    if (c.max_eval_examples < 0) reader.fail("data.max_eval_examples", "must not be negative");
    data.erase("max_train_examples");
    data.erase("max_eval_examples");
    try {
        c.data = data::DataConfig::from_json(data);
    } catch (const Error& e) {
        reader.fail("data", e.what());
    }
    if (c.data.train_file.empty()) reader.fail("data.train_file", "is missing: give the training data file");
    c.data.train_file = resolve_path(c.data.train_file, base_dir, reader, "data.train_file");
    c.data.eval_file = resolve_path(c.data.eval_file, base_dir, reader, "data.eval_file");
    if (!fs::is_regular_file(c.data.train_file))
        reader.fail("data.train_file", "the file " + c.data.train_file + " does not exist");
    if (!c.data.eval_file.empty() && !fs::is_regular_file(c.data.eval_file))
        reader.fail("data.eval_file", "the file " + c.data.eval_file + " does not exist");
    if (c.data.max_length <= 0) reader.fail("data.max_length", "must be positive");
    if (c.data.block_size <= 0) reader.fail("data.block_size", "must be positive");
    c.data.seed = c.seed;

    if (!json.contains("recipe")) reader.fail("recipe", "is missing: give a preset name such as \"lora\", a recipe file or a recipe");
    c.recipe = parse_recipe(json.at("recipe"), base_dir, reader);

    // Training: TrainConfig's JSON; seed, threads and output_dir live at the top level so that
    // one value drives data, weights and the trainer.
    nlohmann::json training = json.value("training", nlohmann::json::object());
    if (!training.is_object()) reader.fail("training", "must be an object of training settings (docs/training.md)");
    for (const char* moved : {"seed", "threads", "output_dir"})
        if (training.contains(moved))
            reader.fail(std::string("training.") + moved,
                        std::string("set \"") + moved + "\" at the top level of the run configuration");
    try {
        c.training = TrainConfig::from_json(training);
        c.training.validate();
    } catch (const RunConfigError&) {
        throw;
    } catch (const Error& e) {
        reader.fail("training", e.what());
    }
    c.training.seed = c.seed;
    c.data.shuffle = c.training.shuffle;
    c.training.threads = c.threads;
    c.training.output_dir = c.output_dir;

    if (json.contains("eval")) {
        const auto& eval = json.at("eval");
        if (!eval.is_object()) reader.fail("eval", "must be an object such as {\"batch_size\": 64}");
        reader.check_keys(eval, "eval", {"batch_size"}, "every",
                          "evaluation frequency is \"training.eval_every\" (steps; 0 = at the end)");
        reader.read(eval, "batch_size", "eval.batch_size", c.eval_batch_size);
        if (c.eval_batch_size < 0) reader.fail("eval.batch_size", "must not be negative");
    }
    return c;
}

RunConfig RunConfig::load(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in(path);
    if (!in) throw RunConfigError(path, "", "cannot open the run configuration (does the file exist?)");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // The parser reports a byte offset; users want the line.
        const auto upto = std::min<std::size_t>(e.byte, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
        throw RunConfigError(path + ":" + std::to_string(line), "", std::string("not valid JSON (") + e.what() + ")");
    }
    for (const auto& assignment : overrides) apply_override(json, assignment, path);
    auto base = fs::absolute(fs::path(path)).parent_path().string();
    return from_json(json, base, path);
}

nlohmann::json RunConfig::to_json() const {
    nlohmann::json data_json = data.to_json();
    data_json.erase("seed");
    data_json.erase("shuffle"); // training.shuffle
    if (max_train_examples) data_json["max_train_examples"] = max_train_examples;
    if (max_eval_examples) data_json["max_eval_examples"] = max_eval_examples;
    nlohmann::json recipe_json;
    switch (recipe.kind) {
    case RecipeSource::Kind::Preset:
        recipe_json = {{"preset", recipe.preset}};
        if (!recipe.overrides.empty()) recipe_json["overrides"] = recipe.overrides;
        break;
    case RecipeSource::Kind::File: recipe_json = {{"file", recipe.file}}; break;
    case RecipeSource::Kind::Inline: recipe_json = recipe.recipe_json; break;
    }
    nlohmann::json training_json = training.to_json();
    for (const char* moved : {"seed", "threads", "output_dir"}) training_json.erase(moved);
    nlohmann::json j = {{"version", version},   {"name", name},         {"model", model_dir},
                        {"device", device_name(device)}, {"data", data_json}, {"recipe", recipe_json},
                        {"training", training_json},     {"output_dir", output_dir}, {"seed", seed},
                        {"threads", threads}};
    if (eval_batch_size) j["eval"] = {{"batch_size", eval_batch_size}};
    return j;
}

void apply_override(nlohmann::json& json, const std::string& assignment, const std::string& source) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw RunConfigError(source, "", "--set expects KEY=VALUE (e.g. training.max_steps=100), got '" + assignment + "'");
    const std::string key = assignment.substr(0, eq);
    const std::string text = assignment.substr(eq + 1);
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        value = text; // a bare word is a string: --set recipe=houlsby
    }
    nlohmann::json* node = &json;
    std::size_t start = 0;
    while (true) {
        const auto dot = key.find('.', start);
        const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty()) throw RunConfigError(source, key, "--set: empty part in the key");
        if (!node->is_object()) throw RunConfigError(source, key, "--set: '" + part + "' is inside a value that is not an object");
        if (dot == std::string::npos) {
            (*node)[part] = value;
            return;
        }
        node = &(*node)[part];
        if (node->is_null()) *node = nlohmann::json::object();
        start = dot + 1;
    }
}

Recipe resolve_recipe(const RunConfig& run, const ModelConfig& model) {
    Recipe recipe;
    std::string key = "recipe";
    try {
        switch (run.recipe.kind) {
        case RecipeSource::Kind::Preset: {
            key = "recipe.preset";
            nlohmann::json j = preset(run.recipe.preset, model).to_json();
            for (const auto& [name, fields] : run.recipe.overrides.items()) {
                key = "recipe.overrides." + name;
                bool found = false;
                std::string names;
                for (auto& module : j["modules"]) {
                    const auto module_name = module.value("name", std::string());
                    names += (names.empty() ? "" : ", ") + module_name;
                    if (module_name != name) continue;
                    found = true;
                    for (const auto& [field, value] : fields.items()) module[field] = value;
                }
                if (!found)
                    throw Error("the preset '" + run.recipe.preset + "' has no module '" + name + "' (its modules: " + names + ")");
            }
            recipe = Recipe::from_json(j);
            break;
        }
        case RecipeSource::Kind::File: recipe = Recipe::load(run.recipe.file); break;
        case RecipeSource::Kind::Inline: recipe = Recipe::from_json(run.recipe.recipe_json); break;
        }
        key = "recipe";
        const TaskHead head = run.is_classification() ? TaskHead::SequenceClassification : TaskHead::CausalLM;
        (void)make_report(model, head, recipe); // checks the recipe against the model's sites
    } catch (const RunConfigError&) {
        throw;
    } catch (const Error& e) {
        throw RunConfigError(run.source, key, e.what());
    }
    return recipe;
}

} // namespace peft
