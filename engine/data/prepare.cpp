// SPDX-License-Identifier: MIT
#include "data/prepare.h"

#include "core/error.h"
#include "data/causal_lm.h"
#include "data/classification.h"
#include "data/instruction.h"
#include "data/text_util.h"

#include <filesystem>

namespace peft::data {

namespace {

std::vector<std::string> text_documents(const DataConfig& config, const std::string& path, RowErrors& errors) {
    std::vector<std::string> docs;
    const auto ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".txt" || ext == ".md" || ext == ".text") {
        for (auto& d : read_text_documents(path, config.text_split))
            docs.push_back(std::move(d.text));
        return docs;
    }
    LoadOptions load;
    load.delimited.header = config.header;
    load.delimited.separator = config.separator;
    load.policy = config.row_errors;
    const auto source = DataSource::load(path, load);
    for (const auto& e : source.read_errors().errors())
        errors.add(e.file, e.line, e.message);
    const auto column = config.columns.text.empty() ? ColumnRef{"text", -1} : config.columns.text;
    source.check_column(column, "text");
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (auto v = source.field(i, column))
            docs.push_back(std::move(*v));
        else
            errors.add(source.file(), source.line(i), "no " + column.describe());
    }
    return docs;
}

} // namespace

TokenizedDataset prepare_file(const DataConfig& config, const std::string& path, const TokenEncoder& encoder,
                              const std::string& model_dir, const LabelMap* labels) {
    if (config.format == DataFormat::Text) {
        RowErrors errors(config.row_errors);
        const auto docs = text_documents(config, path, errors);
        auto data = pack_documents(docs, encoder, {config.block_size, false});
        data.errors = std::move(errors);
        return data;
    }
    LoadOptions load;
    load.delimited.header = config.header;
    load.delimited.separator = config.separator;
    load.policy = config.row_errors;
    const auto source = DataSource::load(path, load);
    if (config.format == DataFormat::Classification || config.format == DataFormat::PairClassification) {
        if (config.format == DataFormat::PairClassification && config.columns.text_pair.empty())
            throw Error("data config: pair classification needs a 'text_pair' column in the mapping");
        ClassificationOptions options;
        options.max_length = config.max_length;
        options.policy = config.row_errors;
        if (labels)
            options.labels = *labels;
        return build_classification(source, config.columns, encoder, options);
    }
    InstructionOptions options;
    options.max_length = config.max_length;
    options.policy = config.row_errors;
    return build_instruction(source, config.format, config.columns, choose_chat_template(config.chat_template, model_dir),
                             encoder, options);
}

PreparedData prepare_data(const DataConfig& config, const TokenEncoder& encoder, const std::string& model_dir) {
    if (config.train_file.empty())
        throw Error("data config: no training file");
    PreparedData out;
    out.train = prepare_file(config, config.train_file, encoder, model_dir, config.labels ? &*config.labels : nullptr);
    if (!config.eval_file.empty()) {
        const LabelMap* labels = out.train.labels ? &*out.train.labels : nullptr;
        out.eval = prepare_file(config, config.eval_file, encoder, model_dir, labels);
    }
    return out;
}

} // namespace peft::data
