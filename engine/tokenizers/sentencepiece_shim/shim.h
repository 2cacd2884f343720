/* SPDX-License-Identifier: MIT
 * C interface of libpeft_sentencepiece, a small shared library that wraps the SentencePiece
 * library. Debian's libsentencepiece bundles and exports its own protobuf 3.14, which clashes
 * with the system protobuf that LibTorch loads (a crash before main). The engine therefore
 * loads this shim with dlopen(RTLD_LOCAL | RTLD_DEEPBIND), so SentencePiece binds to its own
 * protobuf and stays out of the global symbol scope. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

typedef struct peft_spm peft_spm;

/* Returns NULL on failure and writes a message into err. */
peft_spm* peft_spm_load(const char* path, char* err, int err_size);
void peft_spm_free(peft_spm* spm);
/* Encodes text into *ids (malloc'd, free with peft_spm_free_buffer); returns the count or -1. */
int peft_spm_encode(peft_spm* spm, const char* text, int** ids);
/* Decodes ids into a malloc'd NUL-terminated string (free with peft_spm_free_buffer). */
char* peft_spm_decode(peft_spm* spm, const int* ids, int count);
int peft_spm_piece_size(peft_spm* spm);
/* The piece of an id, malloc'd (free with peft_spm_free_buffer). */
char* peft_spm_id_to_piece(peft_spm* spm, int id);
int peft_spm_piece_to_id(peft_spm* spm, const char* piece);
int peft_spm_is_control(peft_spm* spm, int id);
int peft_spm_special_id(peft_spm* spm, int which); /* 0 bos, 1 eos, 2 unk, 3 pad; -1 when absent */
void peft_spm_free_buffer(void* buffer);

#ifdef __cplusplus
}
#endif
