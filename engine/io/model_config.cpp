// SPDX-License-Identifier: MIT
#include "io/model_config.h"

#include "core/error.h"

#include <fstream>
#include <sstream>

namespace peft {
namespace {

using json = nlohmann::json;

class FieldReader {
public:
    FieldReader(const json& j, const std::string& source) : j_(j), source_(source) {}

    const json* find(std::initializer_list<const char*> names) const {
        for (const char* n : names) {
            auto it = j_.find(n);
            if (it != j_.end() && !it->is_null()) return &*it;
        }
        return nullptr;
    }

    int64_t integer(std::initializer_list<const char*> names, std::optional<int64_t> fallback = std::nullopt) const {
        const json* v = find(names);
        if (!v) {
            if (fallback) return *fallback;
            throw Error(source_ + ": missing field '" + *names.begin() + "' (needed to build the model)");
        }
        if (!v->is_number_integer())
            throw Error(source_ + ": field '" + *names.begin() + "' must be an integer, found " + v->dump());
        return v->get<int64_t>();
    }

    int64_t positive(std::initializer_list<const char*> names, std::optional<int64_t> fallback = std::nullopt) const {
        int64_t v = integer(names, fallback);
        if (v <= 0 || v > (int64_t(1) << 40))
            throw Error(source_ + ": field '" + *names.begin() + "' must be a positive integer, found " + std::to_string(v));
        return v;
    }

    double number(std::initializer_list<const char*> names, double fallback) const {
        const json* v = find(names);
        if (!v) return fallback;
        if (!v->is_number())
            throw Error(source_ + ": field '" + *names.begin() + "' must be a number, found " + v->dump());
        return v->get<double>();
    }

    bool boolean(std::initializer_list<const char*> names, bool fallback) const {
        const json* v = find(names);
        if (!v) return fallback;
        if (!v->is_boolean())
            throw Error(source_ + ": field '" + *names.begin() + "' must be true or false, found " + v->dump());
        return v->get<bool>();
    }

    std::string string(std::initializer_list<const char*> names, const std::string& fallback) const {
        const json* v = find(names);
        if (!v) return fallback;
        if (!v->is_string())
            throw Error(source_ + ": field '" + *names.begin() + "' must be a string, found " + v->dump());
        return v->get<std::string>();
    }

    std::optional<int64_t> optional_integer(const char* name) const {
        const json* v = find({name});
        if (!v) return std::nullopt;
        if (!v->is_number_integer())
            throw Error(source_ + ": field '" + name + "' must be an integer, found " + v->dump());
        return v->get<int64_t>();
    }

private:
    const json& j_;
    const std::string& source_;
};

ModelFamily family_of(const std::string& model_type, const std::string& source) {
    if (model_type == "llama" || model_type == "mistral" || model_type == "qwen2") return ModelFamily::Llama;
    if (model_type == "gpt2") return ModelFamily::Gpt2;
    if (model_type == "bert" || model_type == "roberta") return ModelFamily::Bert;
    std::string supported;
    for (const auto& t : supported_model_types()) supported += (supported.empty() ? "" : ", ") + t;
    throw Error(source + ": model_type '" + model_type + "' is not supported (supported: " + supported + ")");
}

} // namespace

const char* model_family_name(ModelFamily family) {
    switch (family) {
    case ModelFamily::Llama: return "llama";
    case ModelFamily::Gpt2: return "gpt2";
    case ModelFamily::Bert: return "bert";
    }
    return "unknown";
}

std::vector<std::string> supported_model_types() {
    return {"llama", "mistral", "qwen2", "gpt2", "bert", "roberta"};
}

ModelConfig ModelConfig::from_json(const json& j, const std::string& source) {
    if (!j.is_object()) throw Error(source + ": expected a JSON object at the top level");
    FieldReader f(j, source);
    ModelConfig c;
    c.raw = j;
    c.source = source;
    c.model_type = f.string({"model_type"}, "");
    if (c.model_type.empty()) throw Error(source + ": missing field 'model_type' (e.g. \"llama\", \"gpt2\", \"bert\")");
    c.family = family_of(c.model_type, source);
    if (auto it = j.find("architectures"); it != j.end() && it->is_array()) {
        for (const auto& a : *it)
            if (a.is_string()) c.architectures.push_back(a.get<std::string>());
    }

    c.vocab_size = f.positive({"vocab_size"});
    c.torch_dtype = f.string({"torch_dtype", "dtype"}, "float32");
    c.bos_token_id = f.optional_integer("bos_token_id");
    c.pad_token_id = f.optional_integer("pad_token_id");
    if (const json* eos = f.find({"eos_token_id"})) {
        if (eos->is_number_integer()) c.eos_token_ids.push_back(eos->get<int64_t>());
        else if (eos->is_array()) {
            for (const auto& e : *eos) {
                if (!e.is_number_integer()) throw Error(source + ": field 'eos_token_id' must hold integers, found " + eos->dump());
                c.eos_token_ids.push_back(e.get<int64_t>());
            }
        } else throw Error(source + ": field 'eos_token_id' must be an integer or a list, found " + eos->dump());
    }

    switch (c.family) {
    case ModelFamily::Llama:
        c.hidden_size = f.positive({"hidden_size"});
        c.num_layers = f.positive({"num_hidden_layers"});
        c.num_heads = f.positive({"num_attention_heads"});
        c.num_kv_heads = f.positive({"num_key_value_heads"}, c.num_heads);
        c.intermediate_size = f.positive({"intermediate_size"});
        c.max_positions = f.positive({"max_position_embeddings"}, 2048);
        c.norm_eps = f.number({"rms_norm_eps"}, 1e-6);
        c.rope_theta = f.number({"rope_theta"}, 10000.0);
        // transformers 5 writes RoPE settings as "rope_parameters"; older files use "rope_scaling".
        for (const char* key : {"rope_parameters", "rope_scaling"}) {
            const json* rope = f.find({key});
            if (!rope) continue;
            if (!rope->is_object()) throw Error(source + ": field '" + key + "' must be an object, found " + rope->dump());
            if (auto t = rope->find("rope_theta"); t != rope->end() && t->is_number()) c.rope_theta = t->get<double>();
            std::string type = rope->value("rope_type", rope->value("type", std::string("default")));
            if (type != "default")
                throw Error(source + ": RoPE scaling '" + type + "' (field '" + key +
                            "') is not supported yet; only the default rotary embedding is");
        }
        c.hidden_act = f.string({"hidden_act"}, "silu");
        c.tie_word_embeddings = f.boolean({"tie_word_embeddings"}, false);
        c.head_dim = f.positive({"head_dim"}, c.hidden_size / c.num_heads);
        if (c.model_type == "qwen2") {
            c.attention_bias = true; // qwen2: q/k/v carry biases, o_proj does not
        } else {
            c.attention_bias = f.boolean({"attention_bias"}, false);
            c.o_proj_bias = c.attention_bias;
        }
        c.mlp_bias = f.boolean({"mlp_bias"}, false);
        if (c.model_type == "mistral" || c.model_type == "qwen2") {
            if (auto w = f.optional_integer("sliding_window"); w && (c.model_type == "mistral" || f.boolean({"use_sliding_window"}, false)))
                c.sliding_window = w;
        }
        break;
    case ModelFamily::Gpt2:
        c.hidden_size = f.positive({"n_embd", "hidden_size"});
        c.num_layers = f.positive({"n_layer", "num_hidden_layers"});
        c.num_heads = f.positive({"n_head", "num_attention_heads"});
        c.num_kv_heads = c.num_heads;
        c.intermediate_size = f.positive({"n_inner"}, 4 * c.hidden_size);
        c.max_positions = f.positive({"n_positions", "n_ctx"}, 1024);
        c.norm_eps = f.number({"layer_norm_epsilon"}, 1e-5);
        c.hidden_act = f.string({"activation_function"}, "gelu_new");
        c.tie_word_embeddings = f.boolean({"tie_word_embeddings"}, true);
        c.head_dim = c.hidden_size / c.num_heads;
        c.attention_bias = c.o_proj_bias = c.mlp_bias = true;
        break;
    case ModelFamily::Bert:
        c.hidden_size = f.positive({"hidden_size"});
        c.num_layers = f.positive({"num_hidden_layers"});
        c.num_heads = f.positive({"num_attention_heads"});
        c.num_kv_heads = c.num_heads;
        c.intermediate_size = f.positive({"intermediate_size"});
        c.max_positions = f.positive({"max_position_embeddings"}, 512);
        c.norm_eps = f.number({"layer_norm_eps"}, 1e-12);
        c.hidden_act = f.string({"hidden_act"}, "gelu");
        c.type_vocab_size = f.integer({"type_vocab_size"}, 2);
        c.tie_word_embeddings = false;
        c.head_dim = c.hidden_size / c.num_heads;
        c.attention_bias = c.o_proj_bias = c.mlp_bias = true;
        if (c.model_type == "roberta") c.position_offset = c.pad_token_id.value_or(1) + 1;
        break;
    }
    if (c.family != ModelFamily::Llama || !f.find({"head_dim"})) {
        if (c.hidden_size % c.num_heads != 0)
            throw Error(source + ": hidden size " + std::to_string(c.hidden_size) + " is not divisible by " +
                        std::to_string(c.num_heads) + " attention heads");
    }
    if (c.num_heads % c.num_kv_heads != 0)
        throw Error(source + ": num_attention_heads (" + std::to_string(c.num_heads) +
                    ") must be a multiple of num_key_value_heads (" + std::to_string(c.num_kv_heads) + ")");

    if (auto it = j.find("id2label"); it != j.end() && it->is_object() && !it->empty()) {
        c.id2label.resize(it->size());
        for (const auto& [key, value] : it->items()) {
            size_t idx = 0;
            try { idx = std::stoul(key); } catch (...) {
                throw Error(source + ": id2label key '" + key + "' is not a number");
            }
            if (idx >= c.id2label.size() || !value.is_string())
                throw Error(source + ": id2label entry '" + key + "' is out of range or not a string");
            c.id2label[idx] = value.get<std::string>();
        }
        c.num_labels = static_cast<int64_t>(c.id2label.size());
    }
    if (auto n = f.optional_integer("num_labels")) c.num_labels = *n;
    return c;
}

ModelConfig ModelConfig::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open the model configuration (is this a Hugging Face model folder?)");
    std::stringstream buffer;
    buffer << in.rdbuf();
    json j;
    try {
        j = json::parse(buffer.str());
    } catch (const json::parse_error& e) {
        throw Error(path + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    return from_json(j, path);
}

json ModelConfig::to_json() const {
    json j = raw.is_object() ? raw : json::object();
    j["model_type"] = model_type;
    j["vocab_size"] = vocab_size;
    if (!architectures.empty()) j["architectures"] = architectures;
    j["torch_dtype"] = torch_dtype;
    if (bos_token_id) j["bos_token_id"] = *bos_token_id;
    if (pad_token_id) j["pad_token_id"] = *pad_token_id;
    if (eos_token_ids.size() == 1) j["eos_token_id"] = eos_token_ids[0];
    else if (!eos_token_ids.empty()) j["eos_token_id"] = eos_token_ids;
    switch (family) {
    case ModelFamily::Llama:
        j["hidden_size"] = hidden_size;
        j["num_hidden_layers"] = num_layers;
        j["num_attention_heads"] = num_heads;
        j["num_key_value_heads"] = num_kv_heads;
        j["intermediate_size"] = intermediate_size;
        j["max_position_embeddings"] = max_positions;
        j["rms_norm_eps"] = norm_eps;
        j["rope_theta"] = rope_theta;
        j["hidden_act"] = hidden_act;
        j["tie_word_embeddings"] = tie_word_embeddings;
        if (head_dim != hidden_size / num_heads) j["head_dim"] = head_dim;
        break;
    case ModelFamily::Gpt2:
        j["n_embd"] = hidden_size;
        j["n_layer"] = num_layers;
        j["n_head"] = num_heads;
        j["n_inner"] = intermediate_size == 4 * hidden_size ? json(nullptr) : json(intermediate_size);
        j["n_positions"] = max_positions;
        j["layer_norm_epsilon"] = norm_eps;
        j["activation_function"] = hidden_act;
        break;
    case ModelFamily::Bert:
        j["hidden_size"] = hidden_size;
        j["num_hidden_layers"] = num_layers;
        j["num_attention_heads"] = num_heads;
        j["intermediate_size"] = intermediate_size;
        j["max_position_embeddings"] = max_positions;
        j["layer_norm_eps"] = norm_eps;
        j["hidden_act"] = hidden_act;
        j["type_vocab_size"] = type_vocab_size;
        break;
    }
    if (!id2label.empty()) {
        json id2 = json::object(), label2 = json::object();
        for (size_t i = 0; i < id2label.size(); ++i) {
            id2[std::to_string(i)] = id2label[i];
            label2[id2label[i]] = i;
        }
        j["id2label"] = id2;
        j["label2id"] = label2;
    }
    return j;
}

} // namespace peft
