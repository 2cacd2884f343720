// SPDX-License-Identifier: MIT
#include "peft/recipe.h"

#include "core/error.h"

#include <cmath>
#include <fstream>
#include <set>

namespace peft {
namespace {

template <typename Enum>
struct NameTable {
    Enum value;
    const char* name;
};

constexpr NameTable<ModuleKind> kKinds[] = {
    {ModuleKind::LowRank, "low_rank"},   {ModuleKind::Bottleneck, "bottleneck"},
    {ModuleKind::Prefix, "prefix"},      {ModuleKind::Prompt, "prompt"},
    {ModuleKind::IA3, "ia3"},            {ModuleKind::BitFit, "bitfit"},
    {ModuleKind::LayerNorm, "layernorm"},{ModuleKind::Unfreeze, "unfreeze"},
    {ModuleKind::TaskHead, "task_head"},
};
constexpr NameTable<Insertion> kInsertions[] = {{Insertion::Sequential, "sequential"},
                                                {Insertion::Parallel, "parallel"}};
constexpr NameTable<Composition> kCompositions[] = {
    {Composition::Add, "add"},
    {Composition::Scaled, "scaled"},
    {Composition::LearnedScalar, "learned_scalar"},
    {Composition::LearnedChannel, "learned_channel"},
    {Composition::Gated, "gated"},
};
constexpr NameTable<Activation> kActivations[] = {
    {Activation::ReLU, "relu"}, {Activation::GELU, "gelu"}, {Activation::SiLU, "silu"},
    {Activation::Tanh, "tanh"}, {Activation::Identity, "identity"},
};
constexpr NameTable<AdapterInit> kInits[] = {
    {AdapterInit::Bert, "bert"}, {AdapterInit::Lora, "lora"}, {AdapterInit::Houlsby, "houlsby"}};
constexpr NameTable<AdapterNorm> kNorms[] = {
    {AdapterNorm::None, "none"}, {AdapterNorm::In, "in"}, {AdapterNorm::Out, "out"}};
constexpr NameTable<PromptInit> kPromptInits[] = {{PromptInit::Random, "random"},
                                                  {PromptInit::Text, "text"}};
constexpr NameTable<PrefixInit> kPrefixInits[] = {{PrefixInit::Auto, "auto"}, {PrefixInit::Normal, "normal"},
                                                  {PrefixInit::Tokens, "tokens"}};

template <typename Enum, size_t N>
const char* name_of(const NameTable<Enum> (&table)[N], Enum value) {
    for (const auto& row : table)
        if (row.value == value) return row.name;
    return "unknown";
}

template <typename Enum, size_t N>
std::string choices(const NameTable<Enum> (&table)[N]) {
    std::string out;
    for (const auto& row : table) out += (out.empty() ? "" : ", ") + std::string(row.name);
    return out;
}

/// Reads the fields of one module, naming module and field in every error.
class ModuleReader {
public:
    ModuleReader(const nlohmann::json& j, int index) : j_(j), index_(index) {}

    [[noreturn]] void fail(const std::string& field, const std::string& why) const {
        std::string name;
        if (j_.is_object() && j_.contains("name") && j_["name"].is_string()) name = j_["name"].get<std::string>();
        throw RecipeError(index_, name, field, why);
    }

    const nlohmann::json* get(const char* field) {
        seen_.insert(field);
        auto it = j_.find(field);
        return it == j_.end() || it->is_null() ? nullptr : &*it;
    }

    void str(const char* field, std::string& out) {
        if (auto* v = get(field)) {
            if (!v->is_string()) fail(field, "expected a string");
            out = v->get<std::string>();
        }
    }
    void boolean(const char* field, bool& out) {
        if (auto* v = get(field)) {
            if (!v->is_boolean()) fail(field, "expected true or false");
            out = v->get<bool>();
        }
    }
    void number(const char* field, double& out) {
        if (auto* v = get(field)) {
            if (!v->is_number()) fail(field, "expected a number");
            out = v->get<double>();
        }
    }
    template <typename Int>
    void integer(const char* field, Int& out) {
        if (auto* v = get(field)) {
            if (!v->is_number_integer()) fail(field, "expected an integer");
            out = static_cast<Int>(v->get<int64_t>());
        }
    }
    void strings(const char* field, std::vector<std::string>& out) {
        if (auto* v = get(field)) {
            if (v->is_string()) { out = {v->get<std::string>()}; return; }
            if (!v->is_array()) fail(field, "expected a list of strings");
            out.clear();
            for (const auto& e : *v) {
                if (!e.is_string()) fail(field, "expected a list of strings");
                out.push_back(e.get<std::string>());
            }
        }
    }
    template <typename Int>
    void integers(const char* field, std::vector<Int>& out) {
        if (auto* v = get(field)) {
            if (v->is_number_integer()) { out = {static_cast<Int>(v->get<int64_t>())}; return; }
            if (!v->is_array()) fail(field, "expected a list of integers");
            out.clear();
            for (const auto& e : *v) {
                if (!e.is_number_integer()) fail(field, "expected a list of integers");
                out.push_back(static_cast<Int>(e.get<int64_t>()));
            }
        }
    }
    template <typename Enum, size_t N>
    void choice(const char* field, const NameTable<Enum> (&table)[N], Enum& out) {
        std::string s;
        str(field, s);
        if (s.empty() && !get(field)) return;
        for (const auto& row : table)
            if (s == row.name) { out = row.value; return; }
        fail(field, "unknown value '" + s + "' (expected one of: " + choices(table) + ")");
    }
    void check_unknown() const {
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (!seen_.count(it.key())) fail(it.key(), "unknown field (a typo?)");
    }

private:
    const nlohmann::json& j_;
    int index_;
    std::set<std::string> seen_;
};

ModuleSpec module_from_json(const nlohmann::json& j, int index) {
    ModuleReader in(j, index);
    if (!j.is_object()) in.fail("modules", "each module must be a JSON object");
    ModuleSpec m;
    std::string kind;
    in.str("kind", kind);
    if (kind.empty()) in.fail("kind", "missing (expected one of: " + choices(kKinds) + ")");
    auto parsed = parse_module_kind(kind);
    if (!parsed) in.fail("kind", "unknown kind '" + kind + "' (expected one of: " + choices(kKinds) + ")");
    m.kind = *parsed;
    m.name = module_kind_name(m.kind);
    in.str("name", m.name);
    in.strings("sites", m.sites);
    in.strings("slices", m.slices);
    in.integers("layers", m.layers);
    in.integer("top_k_layers", m.top_k_layers);
    // PEFT's target_modules: a list means suffix matching, a string a full regex match.
    if (auto* t = in.get("target_modules")) {
        if (t->is_string()) m.target_regex = t->get<std::string>();
        else in.strings("target_modules", m.target_modules);
    }
    in.integers("layers_to_transform", m.layers_to_transform);
    in.strings("layers_pattern", m.layers_pattern);
    in.choice("insertion", kInsertions, m.insertion);
    in.choice("composition", kCompositions, m.composition);
    in.number("scale", m.scale);
    in.integer("r", m.r);
    in.number("alpha", m.alpha);
    in.boolean("rslora", m.rslora);
    in.number("dropout", m.dropout);
    in.number("reduction_factor", m.reduction_factor);
    in.choice("activation", kActivations, m.activation);
    in.choice("adapter_norm", kNorms, m.adapter_norm);
    in.choice("init", kInits, m.init);
    in.integer("length", m.length);
    in.integer("reparam_hidden", m.reparam_hidden);
    in.choice("prompt_init", kPromptInits, m.prompt_init);
    in.choice("prefix_init", kPrefixInits, m.prefix_init);
    in.integers("init_token_ids", m.init_token_ids);
    if (auto* v = in.get("scale_input")) {
        if (!v->is_boolean()) in.fail("scale_input", "expected true or false");
        m.scale_input = v->get<bool>();
    }
    in.check_unknown();
    return m;
}

nlohmann::json module_to_json(const ModuleSpec& m) {
    nlohmann::json j;
    j["name"] = m.name;
    j["kind"] = module_kind_name(m.kind);
    if (!m.sites.empty()) j["sites"] = m.sites;
    if (!m.slices.empty()) j["slices"] = m.slices;
    if (!m.layers.empty()) j["layers"] = m.layers;
    if (m.top_k_layers > 0) j["top_k_layers"] = m.top_k_layers;
    if (!m.target_regex.empty()) j["target_modules"] = m.target_regex;
    else if (!m.target_modules.empty()) j["target_modules"] = m.target_modules;
    if (!m.layers_to_transform.empty()) j["layers_to_transform"] = m.layers_to_transform;
    if (!m.layers_pattern.empty()) j["layers_pattern"] = m.layers_pattern;
    const bool composes = m.kind == ModuleKind::LowRank || m.kind == ModuleKind::Bottleneck;
    if (composes) {
        j["insertion"] = insertion_name(m.insertion);
        j["composition"] = composition_name(m.composition);
        j["scale"] = m.scale;
        j["dropout"] = m.dropout;
    }
    if (m.kind == ModuleKind::LowRank) {
        j["r"] = m.r;
        j["alpha"] = m.alpha;
        j["rslora"] = m.rslora;
    }
    if (m.kind == ModuleKind::Bottleneck) {
        if (m.reduction_factor > 0) j["reduction_factor"] = m.reduction_factor;
        else j["r"] = m.r;
        j["activation"] = activation_name(m.activation);
        j["adapter_norm"] = adapter_norm_name(m.adapter_norm);
        j["init"] = adapter_init_name(m.init);
    }
    if (m.kind == ModuleKind::Prefix || m.kind == ModuleKind::Prompt) j["length"] = m.length;
    if (m.kind == ModuleKind::Prefix && m.reparam_hidden > 0) j["reparam_hidden"] = m.reparam_hidden;
    if (m.kind == ModuleKind::Prefix) {
        j["prefix_init"] = name_of(kPrefixInits, m.prefix_init);
        if (!m.init_token_ids.empty()) j["init_token_ids"] = m.init_token_ids;
    }
    if (m.kind == ModuleKind::Prompt) {
        j["prompt_init"] = name_of(kPromptInits, m.prompt_init);
        if (!m.init_token_ids.empty()) j["init_token_ids"] = m.init_token_ids;
    }
    if (m.kind == ModuleKind::IA3 && m.scale_input) j["scale_input"] = *m.scale_input;
    return j;
}

} // namespace

const char* module_kind_name(ModuleKind kind) { return name_of(kKinds, kind); }
const char* insertion_name(Insertion insertion) { return name_of(kInsertions, insertion); }
const char* composition_name(Composition composition) { return name_of(kCompositions, composition); }
const char* activation_name(Activation activation) { return name_of(kActivations, activation); }
const char* adapter_init_name(AdapterInit init) { return name_of(kInits, init); }
const char* adapter_norm_name(AdapterNorm norm) { return name_of(kNorms, norm); }
const char* prefix_init_name(PrefixInit init) { return name_of(kPrefixInits, init); }

std::optional<ModuleKind> parse_module_kind(const std::string& name) {
    for (const auto& row : kKinds)
        if (name == row.name) return row.value;
    // Familiar aliases.
    if (name == "lora") return ModuleKind::LowRank;
    if (name == "adapter") return ModuleKind::Bottleneck;
    if (name == "prefix_tuning") return ModuleKind::Prefix;
    if (name == "prompt_tuning") return ModuleKind::Prompt;
    if (name == "head") return ModuleKind::TaskHead;
    return std::nullopt;
}

std::vector<std::string> module_kind_names() {
    std::vector<std::string> out;
    for (const auto& row : kKinds) out.emplace_back(row.name);
    return out;
}

std::string module_label(int index, const ModuleSpec& spec) {
    return "module " + std::to_string(index) + " '" + spec.name + "'";
}

RecipeError::RecipeError(int index, std::string name, std::string field_, std::string reason_)
    : Error("recipe: " + (index < 0 ? std::string("recipe") : "module " + std::to_string(index) + (name.empty() ? "" : " '" + name + "'")) +
            ": field '" + field_ + "': " + reason_),
      module_index(index), module_name(std::move(name)), field(std::move(field_)), reason(std::move(reason_)) {}

Recipe Recipe::from_json(const nlohmann::json& json) {
    if (!json.is_object()) throw Error("recipe: expected a JSON object with \"version\" and \"modules\"");
    Recipe recipe;
    auto version = json.find("version");
    if (version == json.end() || !version->is_number_integer())
        throw Error("recipe: field 'version': missing or not an integer (this studio writes version " +
                    std::to_string(kRecipeVersion) + ")");
    recipe.version = version->get<int>();
    if (recipe.version != kRecipeVersion)
        throw Error("recipe: field 'version': version " + std::to_string(recipe.version) +
                    " is not supported (this studio reads version " + std::to_string(kRecipeVersion) +
                    "); update the studio or re-save the recipe");
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string& key = it.key();
        if (key == "version") continue;
        if (key == "name" && it->is_string()) recipe.name = it->get<std::string>();
        else if (key == "description" && it->is_string()) recipe.description = it->get<std::string>();
        else if (key == "modules") {
            if (!it->is_array()) throw Error("recipe: field 'modules': expected a list of modules");
            int index = 0;
            for (const auto& m : *it) recipe.modules.push_back(module_from_json(m, index++));
        } else throw Error("recipe: field '" + key + "': unknown field or wrong type");
    }
    return recipe;
}

nlohmann::json Recipe::to_json() const {
    nlohmann::json j;
    j["version"] = version;
    if (!name.empty()) j["name"] = name;
    if (!description.empty()) j["description"] = description;
    j["modules"] = nlohmann::json::array();
    for (const auto& m : modules) j["modules"].push_back(module_to_json(m));
    return j;
}

Recipe Recipe::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error("recipe '" + path + "': cannot open the file");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error("recipe '" + path + "': not valid JSON: " + e.what());
    }
    try {
        return from_json(j);
    } catch (const Error& e) {
        throw Error("'" + path + "': " + e.what());
    }
}

void Recipe::save(const std::string& path) const {
    std::ofstream out(path);
    if (!out) throw Error("recipe '" + path + "': cannot write the file");
    out << to_json().dump(2) << '\n';
}

} // namespace peft
