// SPDX-License-Identifier: MIT
// The data part of a run configuration: files, format, explicit column mapping, lengths,
// shuffling, row-error policy and the label map kept with the run. Plain types + JSON.
#pragma once

#include "data/column_mapping.h"
#include "data/delimited_reader.h"
#include "data/label_map.h"
#include "data/row_errors.h"
#include "data/text_reader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace peft::data {

struct DataConfig {
    std::string train_file;
    std::string eval_file;                  ///< optional
    DataFormat format = DataFormat::Classification;
    ColumnMapping columns;                  ///< explicit; detect_format() only suggests one
    HeaderMode header = HeaderMode::Auto;   ///< CSV/TSV
    char separator = 0;                     ///< CSV/TSV; 0: by extension
    TextSplit text_split = TextSplit::WholeFile; ///< plain-text files
    std::string chat_template = "auto";     ///< "alpaca", "chatml", "llama-3" or "auto" (the model's own)
    int64_t max_length = 512;               ///< classification and instruction examples
    int64_t block_size = 512;               ///< causal LM packing
    bool shuffle = true;
    uint64_t seed = 42;
    RowErrorPolicy row_errors = RowErrorPolicy::Fail;
    std::optional<LabelMap> labels;         ///< filled from the training file on first use, then kept

    nlohmann::json to_json() const;
    /// Missing keys keep their defaults; wrong types and unknown enum names throw peft::Error
    /// naming the key.
    static DataConfig from_json(const nlohmann::json& j);
};

} // namespace peft::data
