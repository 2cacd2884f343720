// SPDX-License-Identifier: MIT
// A PEFT recipe: a versioned list of modules, each a point of the design space of METHODS.md
// (kind × sites × layers × insertion × composition × hyperparameters × init).
// Plain types and nlohmann::json only: Qt code includes this header. docs/recipe.md is the
// user-facing description of the JSON.
#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace peft {

/// The current recipe format version (the "version" field).
inline constexpr int kRecipeVersion = 1;

enum class ModuleKind {
    LowRank,    ///< LoRA: h + s·B A x on a linear site
    Bottleneck, ///< adapter: f(z W_down) W_up on a representation or linear site
    Prefix,     ///< prefix tuning: l keys/values prepended at an attention_kv site
    Prompt,     ///< prompt tuning: l virtual tokens prepended at the embeddings site
    IA3,        ///< elementwise learned scale of a linear site's output (or input, for FFN down)
    BitFit,     ///< existing bias vectors become trainable
    LayerNorm,  ///< existing norm weights (and biases) become trainable
    Unfreeze,   ///< every existing weight at the selected sites becomes trainable
    TaskHead,   ///< the classification head (and BERT's pooler) becomes trainable
};

enum class Insertion { Sequential, Parallel };

enum class Composition {
    Add,           ///< h + Δh
    Scaled,        ///< h + s·Δh, s fixed (`scale`)
    LearnedScalar, ///< h + s·Δh, s one learned scalar initialised to `scale`
    LearnedChannel,///< h + s⊙Δh, s a learned vector (one per output channel) initialised to `scale`
    Gated,         ///< h + σ(W_g x + b_g)·Δh, W_g and b_g zero-initialised (gate starts at 0.5)
};

enum class Activation { ReLU, GELU, SiLU, Tanh, Identity };

enum class AdapterInit {
    Bert,    ///< down and up ~ N(0, 0.02), zero biases
    Lora,    ///< down Kaiming-uniform (a = √5), up zero, zero biases: exact identity at init
    Houlsby, ///< down and up ~ N(0, 1e-2) truncated at ±2σ, zero biases: near identity
};

enum class AdapterNorm { None, In, Out };

enum class PromptInit { Random, Text };

/// How prefix keys and values start (docs/recipe.md, "Prefix initialisation").
enum class PrefixInit {
    Auto,   ///< Tokens on decoders without reparameterisation, otherwise Normal
    Normal, ///< N(0, 1) like PEFT's PrefixEncoder embedding (without reparameterisation)
    Tokens, ///< the keys and values real tokens get from the frozen model (Li & Liang): the model
            ///< starts out as if those tokens preceded every input
};

/// One module of a recipe. Fields that do not apply to `kind` are ignored (and not written).
struct ModuleSpec {
    std::string name;                ///< unique within the recipe; shown in reports and errors
    ModuleKind kind = ModuleKind::LowRank;

    // --- where -------------------------------------------------------------------------------
    /// Site selectors: a role ("q", "v", "qkv", "ffn_out", "heads", "kv", "attn_norm", ...),
    /// a full site name ("layers.3.attn.q"), or "all". A q/k/v role also selects that slice of
    /// a fused projection (GPT-2's c_attn). Empty together with no target_modules = "all".
    std::vector<std::string> sites;
    /// Restricts fused projections to these slices ("q", "v"); empty = whole projection.
    std::vector<std::string> slices;
    /// Block indices; empty = every block. Negative values count from the end (-1 = last).
    std::vector<int> layers;
    /// Unfreeze/any kind: when > 0, only the last `top_k_layers` blocks (overrides `layers`).
    int top_k_layers = 0;
    /// Hugging Face PEFT matching (used instead of `sites` when set): a list = suffix match on
    /// '.' boundaries against the HF module path; `target_regex` = full regex match.
    std::vector<std::string> target_modules;
    std::string target_regex;
    std::vector<int> layers_to_transform; ///< PEFT's layers_to_transform (with layers_pattern)
    std::vector<std::string> layers_pattern;

    // --- how it composes ----------------------------------------------------------------------
    Insertion insertion = Insertion::Parallel;
    Composition composition = Composition::Add;
    double scale = 1.0;              ///< Scaled: s; learned scales: initial value

    // --- low rank -------------------------------------------------------------------------------
    int64_t r = 8;                   ///< LoRA rank; bottleneck size when reduction_factor is 0
    double alpha = 8.0;              ///< LoRA alpha: scaling α/r (rsLoRA: α/√r)
    bool rslora = false;
    double dropout = 0.0;            ///< on the module input, training mode only

    // --- bottleneck -----------------------------------------------------------------------------
    double reduction_factor = 0.0;   ///< > 0: r = max(1, floor(width / reduction_factor))
    Activation activation = Activation::ReLU;
    AdapterNorm adapter_norm = AdapterNorm::None;
    AdapterInit init = AdapterInit::Lora;

    // --- prefix / prompt ------------------------------------------------------------------------
    int64_t length = 10;             ///< prefix length l or number of virtual tokens
    int64_t reparam_hidden = 0;      ///< prefix: > 0 = MLP reparameterisation with this bottleneck
    PromptInit prompt_init = PromptInit::Random;
    /// Prefix: initial keys/values. Tokens init reads `init_token_ids` (repeated to fill l), or l
    /// vocabulary tokens drawn with the seed when there are none.
    PrefixInit prefix_init = PrefixInit::Auto;
    std::vector<int64_t> init_token_ids; ///< prompt Text init and prefix Tokens init (tokenised by the caller)

    // --- IA3 ------------------------------------------------------------------------------------
    /// Scale the input instead of the output; unset = PEFT's rule (input for the FFN down projection).
    std::optional<bool> scale_input;
};

/// A versioned recipe. Modules apply in list order (see docs/recipe.md for per-site order).
struct Recipe {
    int version = kRecipeVersion;
    std::string name;
    std::string description;
    std::vector<ModuleSpec> modules;

    /// Parses a recipe. Throws peft::Error naming the module (index and name) and the field.
    static Recipe from_json(const nlohmann::json& json);
    nlohmann::json to_json() const;
    /// Reads a recipe file (`path` appears in errors).
    static Recipe load(const std::string& path);
    void save(const std::string& path) const;
};

const char* module_kind_name(ModuleKind kind);
const char* insertion_name(Insertion insertion);
const char* composition_name(Composition composition);
const char* activation_name(Activation activation);
const char* adapter_init_name(AdapterInit init);
const char* prefix_init_name(PrefixInit init);
const char* adapter_norm_name(AdapterNorm norm);
/// Parses a kind name ("low_rank"/"lora", "bottleneck"/"adapter", "prefix", "prompt", "ia3",
/// "bitfit", "layernorm", "unfreeze", "task_head"); nullopt when unknown.
std::optional<ModuleKind> parse_module_kind(const std::string& name);
std::vector<std::string> module_kind_names();

/// "module 2 'lora_qv'": how errors and issues name a module.
std::string module_label(int index, const ModuleSpec& spec);

/// A recipe error that names the module, the field and the reason (what() holds all three).
class RecipeError : public Error {
public:
    RecipeError(int module_index, std::string module_name, std::string field, std::string reason);
    int module_index;        ///< -1 for recipe-level fields
    std::string module_name;
    std::string field;
    std::string reason;
};

} // namespace peft
