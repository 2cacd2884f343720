// SPDX-License-Identifier: MIT
#include "data/token_encoder.h"

#include "tokenizers/tokenizer.h"

namespace peft::data {

TokenEncoder TokenEncoder::from(const Tokenizer& tokenizer) {
    TokenEncoder enc;
    enc.encode = [&tokenizer](const std::string& text) { return tokenizer.encode(text, false).ids; };
    enc.encode_for_classification = [&tokenizer](const std::string& a, const std::string* b,
                                                 std::vector<int64_t>* type_ids) {
        if (b)
            return tokenizer.encode_pair(a, *b, type_ids).ids;
        auto ids = tokenizer.encode(a, true).ids;
        if (type_ids)
            type_ids->assign(ids.size(), 0);
        return ids;
    };
    enc.bos_id = tokenizer.bos_id;
    enc.eos_id = tokenizer.eos_id;
    enc.pad_id = tokenizer.pad_id;
    enc.sep_id = tokenizer.sep_id;
    return enc;
}

} // namespace peft::data
