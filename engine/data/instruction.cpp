// SPDX-License-Identifier: MIT
#include "data/instruction.h"

#include "core/error.h"

namespace peft::data {

Example tokenize_chat(const std::vector<ChatSegment>& segments, const TokenEncoder& encoder, int64_t max_length) {
    Example ex;
    if (encoder.bos_id) {
        ex.input_ids.push_back(*encoder.bos_id);
        ex.labels.push_back(kIgnoreIndex);
    }
    for (const auto& seg : segments) {
        std::vector<int64_t> ids;
        if (seg.eos) {
            if (encoder.eos_id)
                ids.push_back(*encoder.eos_id);
        } else if (!seg.text.empty()) {
            ids = encoder.encode(seg.text);
        }
        ex.input_ids.insert(ex.input_ids.end(), ids.begin(), ids.end());
        if (seg.trainable)
            ex.labels.insert(ex.labels.end(), ids.begin(), ids.end());
        else
            ex.labels.insert(ex.labels.end(), ids.size(), kIgnoreIndex);
    }
    ex.length_before_truncation = ex.input_ids.size();
    if (max_length > 0 && ex.input_ids.size() > static_cast<std::size_t>(max_length)) {
        ex.input_ids.resize(static_cast<std::size_t>(max_length));
        ex.labels.resize(static_cast<std::size_t>(max_length));
        ex.truncated = true;
    }
    return ex;
}

TokenizedDataset build_instruction(const DataSource& source, DataFormat format, const ColumnMapping& mapping,
                                   ChatTemplateKind chat_template, const TokenEncoder& encoder,
                                   const InstructionOptions& options) {
    if (format != DataFormat::Alpaca && format != DataFormat::ShareGpt && format != DataFormat::Messages)
        throw Error(std::string("instruction tuning needs alpaca, sharegpt or messages records, not ") + to_string(format));
    TokenizedDataset out{{}, std::nullopt, RowErrors(options.policy), source.size()};
    for (const auto& e : source.read_errors().errors())
        out.errors.add(e.file, e.line, e.message);
    out.examples.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        std::string problem;
        const auto conv = to_conversation(source.object(i), format, mapping, problem);
        if (!conv) {
            const std::string record = source.is_table() ? "row" : "record " + std::to_string(source.records()->records[i].number);
            out.errors.add(source.file(), source.line(i), record + " " + problem);
            continue;
        }
        auto ex = tokenize_chat(render_chat(*conv, chat_template), encoder, options.max_length);
        ex.line = source.line(i);
        out.examples.push_back(std::move(ex));
    }
    return out;
}

} // namespace peft::data
