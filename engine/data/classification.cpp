// SPDX-License-Identifier: MIT
#include "data/classification.h"

#include "core/error.h"

namespace peft::data {

LabelMap collect_labels(const DataSource& source, const ColumnRef& label) {
    source.check_column(label, "label");
    std::vector<std::string> values;
    values.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i)
        if (auto v = source.field(i, label))
            values.push_back(std::move(*v));
    return LabelMap::from_values(values);
}

TokenizedDataset build_classification(const DataSource& source, const ColumnMapping& mapping,
                                      const TokenEncoder& encoder, const ClassificationOptions& options) {
    if (options.max_length < 2)
        throw Error("classification: max_length must be at least 2, got " + std::to_string(options.max_length));
    source.check_column(mapping.text, "text");
    const bool pair = !mapping.text_pair.empty();
    if (pair)
        source.check_column(mapping.text_pair, "text pair");
    source.check_column(mapping.label, "label");

    TokenizedDataset out{{}, options.labels ? *options.labels : collect_labels(source, mapping.label),
                         RowErrors(options.policy), source.size()};
    for (const auto& e : source.read_errors().errors())
        out.errors.add(e.file, e.line, e.message);
    const auto max_length = static_cast<std::size_t>(options.max_length);
    out.examples.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const auto text = source.field(i, mapping.text);
        const auto text_pair = pair ? source.field(i, mapping.text_pair) : std::nullopt;
        const auto label = source.field(i, mapping.label);
        const auto fail = [&](const std::string& message) {
            out.errors.add(source.file(), source.line(i), message + (source.is_table() ? "" : " (record " +
                           std::to_string(source.records()->records[i].number) + ")"));
        };
        if (!text || (pair && !text_pair) || !label) {
            fail(std::string("no ") + (!text ? mapping.text.describe() : !label ? mapping.label.describe()
                                                                            : mapping.text_pair.describe()));
            continue;
        }
        const auto id = out.labels->id_of(*label);
        if (!id) {
            fail("label '" + *label + "' is not one of the run's labels (" + out.labels->describe() + ")");
            continue;
        }
        Example ex;
        ex.line = source.line(i);
        ex.label = *id;
        ex.input_ids = encoder.encode_for_classification(*text, pair ? &*text_pair : nullptr, pair ? &ex.type_ids : nullptr);
        ex.length_before_truncation = ex.input_ids.size();
        if (ex.input_ids.size() > max_length) {
            // Keep a closing [SEP]/EOS: heads and pooling expect the sequence to end with it.
            const auto last = ex.input_ids.back();
            const bool closing = (encoder.sep_id && last == *encoder.sep_id) || (encoder.eos_id && last == *encoder.eos_id);
            ex.input_ids.resize(max_length);
            if (closing)
                ex.input_ids.back() = last;
            if (!ex.type_ids.empty()) {
                const auto last_type = ex.type_ids.back();
                ex.type_ids.resize(max_length);
                if (closing)
                    ex.type_ids.back() = last_type;
            }
            ex.truncated = true;
        }
        out.examples.push_back(std::move(ex));
    }
    return out;
}

} // namespace peft::data
