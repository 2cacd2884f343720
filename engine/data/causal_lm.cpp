// SPDX-License-Identifier: MIT
#include "data/causal_lm.h"

#include "core/error.h"

namespace peft::data {

TokenizedDataset pack_documents(const std::vector<std::string>& documents, const TokenEncoder& encoder,
                                const PackOptions& options) {
    if (options.block_size < 2)
        throw Error("causal LM packing: block_size must be at least 2, got " + std::to_string(options.block_size));
    std::vector<int64_t> stream;
    for (const auto& doc : documents) {
        if (encoder.bos_id)
            stream.push_back(*encoder.bos_id);
        const auto ids = encoder.encode(doc);
        stream.insert(stream.end(), ids.begin(), ids.end());
        if (encoder.eos_id)
            stream.push_back(*encoder.eos_id);
    }
    TokenizedDataset out;
    out.source_rows = documents.size();
    const auto block = static_cast<std::size_t>(options.block_size);
    for (std::size_t begin = 0; begin < stream.size(); begin += block) {
        const std::size_t end = std::min(stream.size(), begin + block);
        if (end - begin < block && !options.keep_remainder)
            break;
        Example ex;
        ex.input_ids.assign(stream.begin() + static_cast<std::ptrdiff_t>(begin), stream.begin() + static_cast<std::ptrdiff_t>(end));
        ex.labels = ex.input_ids;
        ex.length_before_truncation = ex.input_ids.size();
        out.examples.push_back(std::move(ex));
    }
    return out;
}

} // namespace peft::data
