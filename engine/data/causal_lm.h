// SPDX-License-Identifier: MIT
// Causal language modelling on text: documents packed into fixed-length blocks.
#pragma once

#include "data/example.h"
#include "data/token_encoder.h"

#include <string>
#include <vector>

namespace peft::data {

struct PackOptions {
    int64_t block_size = 512;
    /// Keep a last, shorter block rather than dropping the tail (dropped by default so every
    /// block has the same length).
    bool keep_remainder = false;
};

/// Tokenizes each document without special tokens, surrounds it with the tokenizer's BOS and EOS
/// (those it defines), concatenates all into one stream and cuts it into blocks. labels equal
/// input_ids (the model shifts them). `length_before_truncation` of a block is its length; the
/// dataset's `source_rows` counts documents.
TokenizedDataset pack_documents(const std::vector<std::string>& documents, const TokenEncoder& encoder,
                                const PackOptions& options = {});

} // namespace peft::data
