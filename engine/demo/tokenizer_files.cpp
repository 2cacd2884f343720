// SPDX-License-Identifier: MIT
#include "demo/tokenizer_files.h"

#include "demo/files.h"

#include <array>

namespace peft::demo {
namespace {

using json = nlohmann::json;

constexpr std::array<const char*, 4> kSpecials = {kUnk, kBos, kEos, kPad};

json added_token(int64_t id, const std::string& content) {
    return {{"id", id},          {"content", content}, {"single_word", false}, {"lstrip", false},
            {"rstrip", false},   {"normalized", false}, {"special", true}};
}

} // namespace

int64_t tokenizer_size(const BpeVocabulary& vocabulary) {
    return static_cast<int64_t>(kSpecials.size() + vocabulary.tokens.size());
}

json tokenizer_json(const BpeVocabulary& vocabulary) {
    json vocab = json::object();
    json added = json::array();
    for (std::size_t i = 0; i < kSpecials.size(); ++i) {
        vocab[kSpecials[i]] = static_cast<int64_t>(i);
        added.push_back(added_token(static_cast<int64_t>(i), kSpecials[i]));
    }
    for (std::size_t i = 0; i < vocabulary.tokens.size(); ++i)
        vocab[vocabulary.tokens[i]] = kFirstByteId + static_cast<int64_t>(i);
    json merges = json::array();
    for (const auto& [a, b] : vocabulary.merges) merges.push_back(a + " " + b); // byte symbols have no spaces

    // Explicit values rather than nulls where our loader and Hugging Face read booleans.
    json model = {{"type", "BPE"},          {"dropout", nullptr},          {"unk_token", nullptr},
                  {"continuing_subword_prefix", nullptr}, {"end_of_word_suffix", nullptr},
                  {"fuse_unk", false},      {"byte_fallback", false},     {"ignore_merges", false},
                  {"vocab", vocab},         {"merges", merges}};
    json byte_level = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}};
    json post = {{"type", "TemplateProcessing"},
                 {"single", json::array({{{"SpecialToken", {{"id", kBos}, {"type_id", 0}}}},
                                         {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}})},
                 {"pair", json::array({{{"SpecialToken", {{"id", kBos}, {"type_id", 0}}}},
                                       {{"Sequence", {{"id", "A"}, {"type_id", 0}}}},
                                       {{"SpecialToken", {{"id", kBos}, {"type_id", 1}}}},
                                       {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}})},
                 {"special_tokens", {{kBos, {{"id", kBos}, {"ids", json::array({kBosId})}, {"tokens", json::array({kBos})}}}}}};
    return {{"version", "1.0"},       {"truncation", nullptr},   {"padding", nullptr},
            {"added_tokens", added},  {"normalizer", nullptr},   {"pre_tokenizer", byte_level},
            {"post_processor", post}, {"decoder", byte_level},   {"model", model}};
}

void write_tokenizer_files(const BpeVocabulary& vocabulary, const std::string& dir, int64_t model_max_length) {
    write_json_file(dir + "/tokenizer.json", tokenizer_json(vocabulary));
    json decoder = json::object();
    for (std::size_t i = 0; i < kSpecials.size(); ++i) {
        json t = added_token(static_cast<int64_t>(i), kSpecials[i]);
        t.erase("id");
        decoder[std::to_string(i)] = t;
    }
    write_json_file(dir + "/tokenizer_config.json",
                    {{"add_bos_token", true},
                     {"add_eos_token", false},
                     {"added_tokens_decoder", decoder},
                     {"bos_token", kBos},
                     {"eos_token", kEos},
                     {"pad_token", kPad},
                     {"unk_token", kUnk},
                     {"clean_up_tokenization_spaces", false},
                     {"model_max_length", model_max_length},
                     {"tokenizer_class", "PreTrainedTokenizerFast"}});
    write_json_file(dir + "/special_tokens_map.json",
                    {{"bos_token", kBos}, {"eos_token", kEos}, {"pad_token", kPad}, {"unk_token", kUnk}});
}

} // namespace peft::demo
