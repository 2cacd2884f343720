// SPDX-License-Identifier: MIT
#include "core/model_row.h"

#include "inspect/model_summary.h"

namespace peft {

ModelRow summarizeModelFolder(const QString& path) {
    const peft::ModelSummary s = peft::summarize_model_dir(path.toStdString());
    ModelRow r;
    r.path = QString::fromStdString(s.path);
    r.name = QString::fromStdString(s.name);
    r.modelType = QString::fromStdString(s.model_type);
    r.architecture = QString::fromStdString(s.architecture);
    r.layers = s.num_layers;
    r.hiddenSize = s.hidden_size;
    r.heads = s.num_heads;
    r.kvHeads = s.num_kv_heads;
    r.intermediateSize = s.intermediate_size;
    r.vocabSize = s.vocab_size;
    r.maxPositions = s.max_positions;
    r.parameters = s.parameters;
    r.parametersFromWeights = s.parameters_from_weights;
    r.dtype = QString::fromStdString(s.dtype);
    r.weightBytes = s.weight_bytes;
    r.weightFiles = s.weight_files;
    r.tokenizer = QString::fromStdString(s.tokenizer);
    for (const auto& c : s.components) r.components.append({QString::fromStdString(c.name), c.parameters});
    r.supported = s.supported;
    r.reason = QString::fromStdString(s.reason);
    return r;
}

QString humanCount(qint64 n) {
    if (n >= 1'000'000'000) return QString::number(double(n) / 1e9, 'f', 2) + QLatin1Char('B');
    if (n >= 1'000'000) return QString::number(double(n) / 1e6, 'f', 1) + QLatin1Char('M');
    if (n >= 1'000) return QString::number(double(n) / 1e3, 'f', 1) + QLatin1Char('K');
    return QString::number(n);
}

} // namespace peft
