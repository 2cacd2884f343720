// SPDX-License-Identifier: MIT
// Plain-text corpora for causal language modelling.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace peft::data {

/// How a text file divides into documents (BOS/EOS go between documents when packing).
enum class TextSplit {
    WholeFile,  ///< the file is one document (tinyshakespeare)
    Paragraphs, ///< documents are separated by one or more blank lines
    Lines,      ///< every non-blank line is a document
};

struct TextDocument {
    std::string text;
    std::size_t line = 1; ///< 1-based line where it starts
};

/// Reads a UTF-8 text file (a byte-order mark is dropped, CRLF becomes LF) and splits it.
std::vector<TextDocument> read_text_documents(const std::string& path, TextSplit split = TextSplit::WholeFile);
std::vector<TextDocument> split_text_documents(std::string_view text, TextSplit split);

} // namespace peft::data
