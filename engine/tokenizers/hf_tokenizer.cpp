// SPDX-License-Identifier: MIT
#include "tokenizers/hf_tokenizer.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>

namespace peft {

HfTokenizer::HfTokenizer(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("model")) throw Error(where + ": no 'model' section (is this a tokenizer.json?)");
    const auto& model = j["model"];
    const std::string type = model.value("type", std::string(model.contains("merges") ? "BPE" : ""));
    if (type == "BPE") {
        model_ = std::make_unique<BpeModel>(model, where);
        const bool byte_level = j.dump().find("\"ByteLevel\"") != std::string::npos;
        kind_ = byte_level ? "byte-level BPE (tokenizer.json)"
                           : model.value("byte_fallback", false) ? "BPE with byte fallback (tokenizer.json)" : "BPE (tokenizer.json)";
    } else if (type == "WordPiece") {
        model_ = std::make_unique<WordPieceModel>(model, where);
        kind_ = "WordPiece (tokenizer.json)";
    } else if (type == "WordLevel") {
        model_ = std::make_unique<WordLevelModel>(model, where);
        kind_ = "WordLevel (tokenizer.json)";
    } else {
        throw Error(where + ": tokenizer model type '" + type + "' is not supported (BPE, WordPiece, WordLevel)");
    }
    normalizer_ = make_normalizer(j.value("normalizer", nlohmann::json()), where + " normalizer");
    pre_tokenizer_ = make_pre_tokenizer(j.value("pre_tokenizer", nlohmann::json()), where + " pre_tokenizer");
    decoder_ = make_decoder(j.value("decoder", nlohmann::json()), where + " decoder");
    post_ = make_post_processor(j.value("post_processor", nlohmann::json()), where + " post_processor");
    for (const auto& t : j.value("added_tokens", nlohmann::json::array())) {
        AddedToken a;
        a.content = t.at("content").get<std::string>();
        a.id = t.at("id").get<int64_t>();
        a.special = t.value("special", false);
        a.lstrip = t.value("lstrip", false);
        a.rstrip = t.value("rstrip", false);
        if (a.content.empty()) continue;
        added_by_id_[a.id] = a.content;
        if (a.special) special_ids_.insert(a.id);
        added_.push_back(a);
    }
    std::sort(added_.begin(), added_.end(), [](const AddedToken& x, const AddedToken& y) { return x.content.size() > y.content.size(); });
    for (size_t i = 0; i < added_.size(); ++i) added_by_first_byte_[static_cast<unsigned char>(added_[i].content[0])].push_back(i);
}

std::vector<int64_t> HfTokenizer::encode_plain(const std::string& text) const {
    std::vector<int64_t> ids;
    // Split around added tokens first: they are never normalised or split.
    size_t pos = 0;
    std::string pending;
    auto flush = [&](std::string segment) {
        if (segment.empty()) return;
        const std::string normalized = normalizer_(segment);
        for (const auto& piece : pre_tokenizer_({normalized})) model_->tokenize(piece, ids);
    };
    while (pos < text.size()) {
        const AddedToken* hit = nullptr;
        for (size_t i : added_by_first_byte_[static_cast<unsigned char>(text[pos])]) {
            if (text.compare(pos, added_[i].content.size(), added_[i].content) == 0) {
                hit = &added_[i];
                break;
            }
        }
        if (!hit) {
            pending += text[pos++];
            continue;
        }
        if (hit->lstrip)
            while (!pending.empty() && std::isspace(static_cast<unsigned char>(pending.back()))) pending.pop_back();
        flush(pending);
        pending.clear();
        ids.push_back(hit->id);
        pos += hit->content.size();
        if (hit->rstrip)
            while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    }
    flush(pending);
    return ids;
}

Encoding HfTokenizer::post_process(const std::vector<int64_t>& a, const std::vector<int64_t>* b, std::vector<int64_t>* type_ids) const {
    Encoding e;
    auto push = [&](int64_t id, int64_t type) {
        e.ids.push_back(id);
        if (type_ids) type_ids->push_back(type);
    };
    const auto& tmpl = b ? post_.pair : post_.single;
    if (tmpl.empty()) {
        for (int64_t id : a) push(id, 0);
        if (b)
            for (int64_t id : *b) push(id, 1);
    } else {
        for (const auto& t : tmpl) {
            if (t.special) {
                auto it = post_.specials.find(t.special_token);
                if (it == post_.specials.end()) throw Error("tokenizer post-processor uses unknown special token '" + t.special_token + "'");
                for (int64_t id : it->second.first) push(id, t.type_id);
            } else {
                for (int64_t id : (t.sequence == 0 ? a : *b)) push(id, t.type_id);
            }
        }
    }
    for (int64_t id : e.ids) e.tokens.push_back(id_to_token(id));
    return e;
}

Encoding HfTokenizer::encode(const std::string& text, bool add_special_tokens) const {
    const std::vector<int64_t> ids = encode_plain(text);
    if (add_special_tokens) return post_process(ids, nullptr, nullptr);
    Encoding e;
    e.ids = ids;
    for (int64_t id : ids) e.tokens.push_back(id_to_token(id));
    return e;
}

Encoding HfTokenizer::encode_pair(const std::string& a, const std::string& b, std::vector<int64_t>* type_ids) const {
    const std::vector<int64_t> ia = encode_plain(a), ib = encode_plain(b);
    return post_process(ia, &ib, type_ids);
}

std::string HfTokenizer::decode(const std::vector<int64_t>& ids, bool skip_special_tokens) const {
    std::vector<std::string> tokens;
    std::string out;
    // Added tokens are emitted as they are; runs of model tokens go through the decoder.
    auto flush = [&] {
        if (tokens.empty()) return;
        for (const auto& piece : decoder_(tokens)) out += piece;
        tokens.clear();
    };
    for (int64_t id : ids) {
        if (skip_special_tokens && special_ids_.count(id)) continue;
        if (auto it = added_by_id_.find(id); it != added_by_id_.end() && !model_->vocab.count(it->second)) {
            flush();
            out += it->second;
            continue;
        }
        tokens.push_back(id_to_token(id));
    }
    flush();
    return out;
}

int64_t HfTokenizer::vocab_size() const {
    int64_t n = static_cast<int64_t>(model_->id_to_token.size());
    for (const auto& [id, content] : added_by_id_) n = std::max(n, id + 1);
    return n;
}

std::optional<int64_t> HfTokenizer::token_to_id(const std::string& token) const {
    if (auto it = model_->vocab.find(token); it != model_->vocab.end()) return it->second;
    for (const auto& a : added_)
        if (a.content == token) return a.id;
    return std::nullopt;
}

std::string HfTokenizer::id_to_token(int64_t id) const {
    if (auto it = added_by_id_.find(id); it != added_by_id_.end()) return it->second;
    if (id >= 0 && static_cast<size_t>(id) < model_->id_to_token.size()) return model_->id_to_token[static_cast<size_t>(id)];
    return "";
}

} // namespace peft
