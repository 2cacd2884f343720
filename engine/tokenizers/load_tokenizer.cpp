// SPDX-License-Identifier: MIT
// Finds and loads the tokenizer of a model folder. vocab.txt and vocab.json + merges.txt are
// turned into the equivalent tokenizer.json description, so one implementation serves all.
#include "core/error.h"
#include "tokenizers/hf_tokenizer.h"
#include "tokenizers/sentencepiece_tokenizer.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace peft {
namespace {

using json = nlohmann::json;

json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot open");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw Error(path.string() + ": not valid JSON (" + std::string(e.what()) + ")");
    }
}

/// tokenizer_config.json and special_tokens_map.json, merged (config wins).
json special_config(const fs::path& dir) {
    json merged = json::object();
    for (const char* name : {"special_tokens_map.json", "tokenizer_config.json"}) {
        if (!fs::exists(dir / name)) continue;
        json j = read_json(dir / name);
        if (j.is_object())
            for (const auto& [k, v] : j.items()) merged[k] = v;
    }
    return merged;
}

std::optional<std::string> token_text(const json& config, const char* key) {
    if (!config.contains(key)) return std::nullopt;
    const json& v = config[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("content") && v["content"].is_string()) return v["content"].get<std::string>();
    return std::nullopt;
}

void assign_special_ids(Tokenizer& t, const json& config) {
    auto lookup = [&](const char* key, std::optional<int64_t>& slot) {
        if (auto text = token_text(config, key))
            if (auto id = t.token_to_id(*text)) slot = id;
    };
    lookup("bos_token", t.bos_id);
    lookup("eos_token", t.eos_id);
    lookup("pad_token", t.pad_id);
    lookup("unk_token", t.unk_id);
    lookup("cls_token", t.cls_id);
    lookup("sep_token", t.sep_id);
}

json wordpiece_json(const fs::path& vocab_path, const json& config) {
    std::ifstream in(vocab_path);
    if (!in) throw Error(vocab_path.string() + ": cannot open");
    json vocab = json::object();
    std::string line;
    int64_t id = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        vocab[line] = id++;
    }
    const bool lower = config.value("do_lower_case", true);
    const std::string cls = token_text(config, "cls_token").value_or("[CLS]");
    const std::string sep = token_text(config, "sep_token").value_or("[SEP]");
    const std::string unk = token_text(config, "unk_token").value_or("[UNK]");
    if (!vocab.contains(cls) || !vocab.contains(sep))
        throw Error(vocab_path.string() + ": the vocabulary has no " + cls + " or " + sep + " token");
    json added = json::array();
    for (const auto& name : {"pad_token", "unk_token", "cls_token", "sep_token", "mask_token"}) {
        if (auto text = token_text(config, name); text && vocab.contains(*text))
            added.push_back({{"id", vocab[*text]}, {"content", *text}, {"special", true}});
    }
    return {{"model", {{"type", "WordPiece"}, {"vocab", vocab}, {"unk_token", unk}, {"continuing_subword_prefix", "##"},
                       {"max_input_chars_per_word", 100}}},
            {"normalizer", {{"type", "BertNormalizer"}, {"clean_text", true}, {"handle_chinese_chars", true},
                            {"strip_accents", nullptr}, {"lowercase", lower}}},
            {"pre_tokenizer", {{"type", "BertPreTokenizer"}}},
            {"post_processor", {{"type", "BertProcessing"}, {"cls", {cls, vocab[cls]}}, {"sep", {sep, vocab[sep]}}}},
            {"decoder", {{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}}},
            {"added_tokens", added}};
}

json byte_level_bpe_json(const fs::path& vocab_path, const fs::path& merges_path) {
    json vocab = read_json(vocab_path);
    std::ifstream in(merges_path);
    if (!in) throw Error(merges_path.string() + ": cannot open");
    json merges = json::array();
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.rfind("#version", 0) == 0) continue;
        merges.push_back(line);
    }
    json added = json::array();
    if (vocab.contains("<|endoftext|>")) added.push_back({{"id", vocab["<|endoftext|>"]}, {"content", "<|endoftext|>"}, {"special", true}});
    return {{"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}}},
            {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}}},
            {"decoder", {{"type", "ByteLevel"}}},
            {"added_tokens", added}};
}

} // namespace

Encoding Tokenizer::encode_pair(const std::string& a, const std::string& b, std::vector<int64_t>* type_ids) const {
    Encoding ea = encode(a, true), eb = encode(b, false);
    if (type_ids) {
        type_ids->assign(ea.ids.size(), 0);
        type_ids->insert(type_ids->end(), eb.ids.size(), 1);
    }
    ea.ids.insert(ea.ids.end(), eb.ids.begin(), eb.ids.end());
    ea.tokens.insert(ea.tokens.end(), eb.tokens.begin(), eb.tokens.end());
    return ea;
}

std::unique_ptr<Tokenizer> load_tokenizer(const std::string& model_dir) {
    const fs::path dir(model_dir);
    if (!fs::is_directory(dir)) throw Error(model_dir + ": not a folder");
    const json config = special_config(dir);
    std::unique_ptr<Tokenizer> t;
    if (fs::exists(dir / "tokenizer.json")) {
        t = std::make_unique<HfTokenizer>(read_json(dir / "tokenizer.json"), (dir / "tokenizer.json").string());
    } else if (fs::exists(dir / "tokenizer.model")) {
        t = std::make_unique<SentencePieceTokenizer>((dir / "tokenizer.model").string(), config.value("add_bos_token", true),
                                                     config.value("add_eos_token", false));
    } else if (fs::exists(dir / "vocab.txt")) {
        t = std::make_unique<HfTokenizer>(wordpiece_json(dir / "vocab.txt", config), (dir / "vocab.txt").string());
    } else if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) {
        t = std::make_unique<HfTokenizer>(byte_level_bpe_json(dir / "vocab.json", dir / "merges.txt"), (dir / "vocab.json").string());
    } else {
        throw Error(model_dir + ": no tokenizer found (looked for tokenizer.json, tokenizer.model, vocab.txt, "
                                "vocab.json + merges.txt)");
    }
    assign_special_ids(*t, config);
    return t;
}

/// Loads a tokenizer from one specific file kind, for tests and the Data page.
std::unique_ptr<Tokenizer> load_tokenizer_from(const std::string& model_dir, const std::string& kind) {
    const fs::path dir(model_dir);
    const json config = special_config(dir);
    std::unique_ptr<Tokenizer> t;
    if (kind == "tokenizer.json") t = std::make_unique<HfTokenizer>(read_json(dir / "tokenizer.json"), (dir / "tokenizer.json").string());
    else if (kind == "vocab.txt") t = std::make_unique<HfTokenizer>(wordpiece_json(dir / "vocab.txt", config), (dir / "vocab.txt").string());
    else if (kind == "vocab.json") t = std::make_unique<HfTokenizer>(byte_level_bpe_json(dir / "vocab.json", dir / "merges.txt"), (dir / "vocab.json").string());
    else if (kind == "tokenizer.model") t = std::make_unique<SentencePieceTokenizer>((dir / "tokenizer.model").string(), true, false);
    else throw Error("unknown tokenizer file kind '" + kind + "'");
    assign_special_ids(*t, config);
    return t;
}

} // namespace peft
