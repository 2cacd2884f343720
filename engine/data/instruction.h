// SPDX-License-Identifier: MIT
// Instruction tuning: alpaca / sharegpt / messages records through a chat template, with loss on
// the responses only.
#pragma once

#include "data/chat_template.h"
#include "data/column_mapping.h"
#include "data/data_source.h"
#include "data/example.h"
#include "data/token_encoder.h"

namespace peft::data {

struct InstructionOptions {
    int64_t max_length = 1024;
    RowErrorPolicy policy = RowErrorPolicy::Fail;
};

/// Tokenizes rendered segments one by one: prompt tokens get labels kIgnoreIndex, response tokens
/// (and the EOS after an alpaca response) their own ids. Starts with the tokenizer's BOS when it
/// has one. Truncates to max_length from the end.
Example tokenize_chat(const std::vector<ChatSegment>& segments, const TokenEncoder& encoder, int64_t max_length);

/// Every record of `source` as a conversation of `format` (Alpaca, ShareGpt, Messages), rendered
/// with `chat_template`. Unusable records are row errors: "alpaca.json:140: record 12 has no 'output'".
TokenizedDataset build_instruction(const DataSource& source, DataFormat format, const ColumnMapping& mapping,
                                   ChatTemplateKind chat_template, const TokenEncoder& encoder,
                                   const InstructionOptions& options = {});

} // namespace peft::data
