// SPDX-License-Identifier: MIT
#include "core/dataset_statistics.h"

#include "core/error.h"
#include "data/data_config.h"
#include "data/data_source.h"
#include "data/prepare.h"
#include "data/stats.h"
#include "data/text_reader.h"
#include "data/text_util.h"
#include "data/token_encoder.h"
#include "tokenizers/tokenizer.h"


#include <algorithm>
#include <exception>
#include <filesystem>

namespace peft {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

data::ColumnMapping toColumnMapping(const DatasetMapping& mapping) {
    nlohmann::json j = nlohmann::json::object();
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it)
        if (!it.value().isEmpty()) j[it.key().toStdString()] = it.value().toStdString();
    return data::ColumnMapping::from_json(j);
}

data::TextSplit toSplit(const QString& split) {
    if (split == QLatin1String("lines")) return data::TextSplit::Lines;
    if (split == QLatin1String("whole_file")) return data::TextSplit::WholeFile;
    return data::TextSplit::Paragraphs;
}

bool isTextFile(const std::string& path) {
    const auto ext = data::lower(std::filesystem::path(path).extension().string());
    return ext == ".txt" || ext == ".md" || ext == ".text";
}

/// Causal LM text is packed into blocks for training, which tells nothing about the documents;
/// the page wants each document's length, so they are measured one by one here.
data::TokenizedDataset measureDocuments(const DatasetStatsRequest& request, const data::ColumnMapping& mapping,
                                        const data::TokenEncoder& encoder) {
    const std::string path = request.path.toStdString();
    data::TokenizedDataset out;
    out.errors = data::RowErrors(data::RowErrorPolicy::Skip);
    const std::size_t specials = (encoder.bos_id ? 1 : 0) + (encoder.eos_id ? 1 : 0);
    const auto maxLength = std::size_t(std::max<qint64>(1, request.maxLength));
    const auto add = [&](const std::string& text, std::size_t line) {
        data::Example ex;
        ex.length_before_truncation = encoder.encode(text).size() + specials;
        ex.truncated = ex.length_before_truncation > maxLength;
        ex.line = line;
        // Only the length is kept (a large corpus would not fit twice in memory).
        out.examples.push_back(std::move(ex));
    };
    if (isTextFile(path)) {
        for (const auto& d : data::read_text_documents(path, toSplit(request.textSplit))) add(d.text, d.line);
    } else {
        data::LoadOptions load;
        load.policy = data::RowErrorPolicy::Skip;
        const auto source = data::DataSource::load(path, load);
        for (const auto& e : source.read_errors().errors()) out.errors.add(e.file, e.line, e.message);
        const auto column = mapping.text.empty() ? data::ColumnRef{"text", -1} : mapping.text;
        source.check_column(column, "text");
        for (std::size_t i = 0; i < source.size(); ++i) {
            if (auto v = source.field(i, column))
                add(*v, source.line(i));
            else
                out.errors.add(source.file(), source.line(i), "no " + column.describe());
        }
    }
    out.source_rows = out.examples.size() + out.errors.size();
    return out;
}

/// Thrown from inside the engine's row loop to stop it; not a std::exception, so nothing in the
/// engine mistakes it for a row error.
struct Cancelled {};

/// The engine has no cancel flag, but it tokenizes row by row through these functions: checking
/// the flag there stops a long run within one row.
void makeCancellable(data::TokenEncoder& encoder, const std::atomic_bool* cancel) {
    if (!cancel) return;
    encoder.encode = [inner = encoder.encode, cancel](const std::string& text) {
        if (cancel->load(std::memory_order_relaxed)) throw Cancelled{};
        return inner(text);
    };
    encoder.encode_for_classification = [inner = encoder.encode_for_classification, cancel](
                                            const std::string& a, const std::string* b, std::vector<int64_t>* types) {
        if (cancel->load(std::memory_order_relaxed)) throw Cancelled{};
        return inner(a, b, types);
    };
}

} // namespace

DatasetStatistics computeDatasetStatistics(const DatasetStatsRequest& request, const std::atomic_bool* cancel) {
    DatasetStatistics result;
    result.maxLengthSetting = request.maxLength;
    try {
        if (request.modelDir.isEmpty()) throw Error("no model selected: its tokenizer measures the lengths");
        const auto tokenizer = load_tokenizer(request.modelDir.toStdString());
        result.tokenizer = qs(tokenizer->kind());
        auto encoder = data::TokenEncoder::from(*tokenizer);
        makeCancellable(encoder, cancel);
        const auto format = data::data_format_from_string(request.format.toStdString());
        const auto mapping = toColumnMapping(request.mapping);

        data::TokenizedDataset dataset;
        if (format == data::DataFormat::Text) {
            result.documents = true;
            dataset = measureDocuments(request, mapping, encoder);
        } else {
            data::DataConfig config;
            config.train_file = request.path.toStdString();
            config.format = format;
            config.columns = mapping;
            config.max_length = request.maxLength;
            config.row_errors = data::RowErrorPolicy::Skip;
            dataset = data::prepare_file(config, config.train_file, encoder, request.modelDir.toStdString());
        }
        const auto stats = data::compute_stats(dataset, std::size_t(std::max(1, request.bins)));
        result.rows = qint64(stats.rows);
        result.skippedRows = qint64(stats.skipped_rows);
        result.truncatedRows = qint64(stats.truncated_rows);
        result.minLength = qint64(stats.min_length);
        result.maxLength = qint64(stats.max_length);
        result.meanLength = stats.mean_length;
        result.totalTokens = qint64(stats.total_tokens);
        result.trainableTokens = qint64(stats.trainable_tokens);
        if (result.documents) {
            // Packing keeps and trains on every token of every document.
            qint64 tokens = 0;
            for (const auto& ex : dataset.examples) tokens += qint64(ex.length_before_truncation);
            result.totalTokens = result.trainableTokens = tokens;
        }
        for (const auto& b : stats.histogram)
            result.histogram << DatasetLengthBin{qint64(b.lower), qint64(b.upper), qint64(b.count)};
        for (const auto& [name, count] : stats.label_counts) result.labels << qMakePair(qs(name), qint64(count));
        for (const auto& e : dataset.errors.errors()) result.errors << DatasetRowError{qint64(e.line), -1, qs(e.message)};
        result.ok = true;
    } catch (const std::exception& e) {
        result.error = qs(e.what());
    } catch (const Cancelled&) {
        result.cancelled = true;
        result.error = QStringLiteral("cancelled");
    }
    return result;
}

} // namespace peft
