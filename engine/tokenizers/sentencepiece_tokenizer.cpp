// SPDX-License-Identifier: MIT
// SentencePiece through libpeft_sentencepiece (see sentencepiece_shim/shim.h for why the library
// is loaded with dlopen instead of linked).
#include "tokenizers/sentencepiece_tokenizer.h"

#include "core/error.h"
#include "tokenizers/sentencepiece_shim/shim.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace peft {
namespace {

struct ShimApi {
    decltype(&peft_spm_load) load = nullptr;
    decltype(&peft_spm_free) free = nullptr;
    decltype(&peft_spm_encode) encode = nullptr;
    decltype(&peft_spm_decode) decode = nullptr;
    decltype(&peft_spm_piece_size) piece_size = nullptr;
    decltype(&peft_spm_id_to_piece) id_to_piece = nullptr;
    decltype(&peft_spm_piece_to_id) piece_to_id = nullptr;
    decltype(&peft_spm_is_control) is_control = nullptr;
    decltype(&peft_spm_special_id) special_id = nullptr;
    decltype(&peft_spm_free_buffer) free_buffer = nullptr;
};

std::vector<std::string> shim_candidates() {
    std::vector<std::string> out;
    if (const char* env = std::getenv("PEFT_SENTENCEPIECE_SHIM"); env && *env) out.push_back(env);
    char exe[PATH_MAX] = {};
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        const std::filesystem::path dir = std::filesystem::path(std::string(exe, static_cast<size_t>(n))).parent_path();
        out.push_back((dir / "libpeft_sentencepiece.so").string());
        out.push_back((dir / ".." / "lib" / "libpeft_sentencepiece.so").string());
        out.push_back((dir / ".." / "lib" / "peft-studio" / "libpeft_sentencepiece.so").string());
    }
    // Sized copies: GCC 12 misreports string-from-literal copies here (-Wstringop-overread).
#ifdef PEFT_SPM_SHIM_BUILD_PATH
    static constexpr char kBuildPath[] = PEFT_SPM_SHIM_BUILD_PATH;
    out.emplace_back(kBuildPath, sizeof kBuildPath - 1);
#endif
#ifdef PEFT_SPM_SHIM_INSTALL_PATH
    static constexpr char kInstallPath[] = PEFT_SPM_SHIM_INSTALL_PATH;
    out.emplace_back(kInstallPath, sizeof kInstallPath - 1);
#endif
    return out;
}

const ShimApi& shim() {
    static std::once_flag once;
    static ShimApi api;
    static std::string failure;
    std::call_once(once, [] {
        void* handle = nullptr;
        std::string tried;
        for (const auto& path : shim_candidates()) {
            if (!std::filesystem::exists(path)) {
                tried += " " + path;
                continue;
            }
            handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
            if (handle) break;
            tried += " " + path + " (" + dlerror() + ")";
        }
        if (!handle) {
            failure = "cannot load libpeft_sentencepiece.so, needed for tokenizer.model files (tried:" + tried +
                      "); reinstall PEFT Studio or set PEFT_SENTENCEPIECE_SHIM";
            return;
        }
        auto get = [&](auto& slot, const char* name) {
            slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(dlsym(handle, name));
            if (!slot) failure = std::string("libpeft_sentencepiece.so lacks ") + name;
        };
        get(api.load, "peft_spm_load");
        get(api.free, "peft_spm_free");
        get(api.encode, "peft_spm_encode");
        get(api.decode, "peft_spm_decode");
        get(api.piece_size, "peft_spm_piece_size");
        get(api.id_to_piece, "peft_spm_id_to_piece");
        get(api.piece_to_id, "peft_spm_piece_to_id");
        get(api.is_control, "peft_spm_is_control");
        get(api.special_id, "peft_spm_special_id");
        get(api.free_buffer, "peft_spm_free_buffer");
    });
    if (!failure.empty()) throw Error(failure);
    return api;
}

} // namespace

SentencePieceTokenizer::SentencePieceTokenizer(const std::string& path, bool add_bos, bool add_eos)
    : add_bos_(add_bos), add_eos_(add_eos) {
    const ShimApi& api = shim();
    char err[512] = {};
    sp_ = api.load(path.c_str(), err, sizeof err);
    if (!sp_) throw Error(path + ": not a valid SentencePiece model (" + err + ")");
    auto optional_id = [&](int which) {
        const int id = api.special_id(sp_, which);
        return id >= 0 ? std::optional<int64_t>(id) : std::nullopt;
    };
    bos_id = optional_id(0);
    eos_id = optional_id(1);
    unk_id = optional_id(2);
    pad_id = optional_id(3);
}

SentencePieceTokenizer::~SentencePieceTokenizer() {
    if (sp_) shim().free(sp_);
}

Encoding SentencePieceTokenizer::encode(const std::string& text, bool add_special_tokens) const {
    const ShimApi& api = shim();
    int* ids = nullptr;
    const int n = api.encode(sp_, text.c_str(), &ids);
    if (n < 0) throw Error("SentencePiece could not encode the text");
    Encoding e;
    if (add_special_tokens && add_bos_ && bos_id) e.ids.push_back(*bos_id);
    for (int i = 0; i < n; ++i) e.ids.push_back(ids[i]);
    api.free_buffer(ids);
    if (add_special_tokens && add_eos_ && eos_id) e.ids.push_back(*eos_id);
    for (int64_t id : e.ids) e.tokens.push_back(id_to_token(id));
    return e;
}

std::string SentencePieceTokenizer::decode(const std::vector<int64_t>& ids, bool skip_special_tokens) const {
    const ShimApi& api = shim();
    const int size = api.piece_size(sp_);
    std::vector<int> kept;
    for (int64_t id : ids) {
        if (id < 0 || id >= size) continue;
        if (skip_special_tokens && api.is_control(sp_, static_cast<int>(id))) continue;
        kept.push_back(static_cast<int>(id));
    }
    char* text = api.decode(sp_, kept.data(), static_cast<int>(kept.size()));
    std::string out = text ? text : "";
    api.free_buffer(text);
    return out;
}

int64_t SentencePieceTokenizer::vocab_size() const { return shim().piece_size(sp_); }

std::optional<int64_t> SentencePieceTokenizer::token_to_id(const std::string& token) const {
    const int id = shim().piece_to_id(sp_, token.c_str());
    if (unk_id && id == *unk_id && token != id_to_token(id)) return std::nullopt;
    return id;
}

std::string SentencePieceTokenizer::id_to_token(int64_t id) const {
    const ShimApi& api = shim();
    if (id < 0 || id >= api.piece_size(sp_)) return "";
    char* piece = api.id_to_piece(sp_, static_cast<int>(id));
    std::string out = piece ? piece : "";
    api.free_buffer(piece);
    return out;
}

} // namespace peft
