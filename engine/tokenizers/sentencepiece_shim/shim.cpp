// SPDX-License-Identifier: MIT
#include "shim.h"

#include <sentencepiece_processor.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

struct peft_spm {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {
char* copy_string(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out) std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}
} // namespace

extern "C" {

peft_spm* peft_spm_load(const char* path, char* err, int err_size) {
    auto* spm = new peft_spm;
    const auto status = spm->processor.Load(path);
    if (!status.ok()) {
        if (err && err_size > 0) {
            std::strncpy(err, status.ToString().c_str(), static_cast<size_t>(err_size) - 1);
            err[err_size - 1] = '\0';
        }
        delete spm;
        return nullptr;
    }
    return spm;
}

void peft_spm_free(peft_spm* spm) { delete spm; }

int peft_spm_encode(peft_spm* spm, const char* text, int** ids) {
    std::vector<int> out;
    if (!spm->processor.Encode(text, &out).ok()) return -1;
    *ids = static_cast<int*>(std::malloc(sizeof(int) * (out.empty() ? 1 : out.size())));
    if (!*ids) return -1;
    if (!out.empty()) std::memcpy(*ids, out.data(), sizeof(int) * out.size());
    return static_cast<int>(out.size());
}

char* peft_spm_decode(peft_spm* spm, const int* ids, int count) {
    std::string text;
    spm->processor.Decode(std::vector<int>(ids, ids + count), &text);
    return copy_string(text);
}

int peft_spm_piece_size(peft_spm* spm) { return spm->processor.GetPieceSize(); }
char* peft_spm_id_to_piece(peft_spm* spm, int id) { return copy_string(spm->processor.IdToPiece(id)); }
int peft_spm_piece_to_id(peft_spm* spm, const char* piece) { return spm->processor.PieceToId(piece); }
int peft_spm_is_control(peft_spm* spm, int id) { return spm->processor.IsControl(id) ? 1 : 0; }

int peft_spm_special_id(peft_spm* spm, int which) {
    switch (which) {
    case 0: return spm->processor.bos_id();
    case 1: return spm->processor.eos_id();
    case 2: return spm->processor.unk_id();
    case 3: return spm->processor.pad_id();
    }
    return -1;
}

void peft_spm_free_buffer(void* buffer) { std::free(buffer); }

} // extern "C"
