// SPDX-License-Identifier: MIT
#include "data/text_reader.h"

#include "data/delimited_reader.h"
#include "data/text_util.h"

namespace peft::data {

std::vector<TextDocument> split_text_documents(std::string_view raw, TextSplit split) {
    raw.remove_prefix(bom_length(raw));
    std::string text;
    text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (!(raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n'))
            text += raw[i];

    std::vector<TextDocument> docs;
    if (split == TextSplit::WholeFile) {
        if (!trim(text).empty())
            docs.push_back({std::move(text), 1});
        return docs;
    }
    std::size_t line = 0, pos = 0;
    std::string current;
    std::size_t current_line = 0;
    const auto flush = [&] {
        if (!current.empty())
            docs.push_back({std::move(current), current_line});
        current.clear();
    };
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        ++line;
        const std::string_view content(text.data() + pos, end - pos);
        pos = end + 1;
        if (trim(content).empty()) {
            flush();
            continue;
        }
        if (split == TextSplit::Lines) {
            docs.push_back({std::string(content), line});
            continue;
        }
        if (current.empty())
            current_line = line;
        else
            current += '\n';
        current += content;
    }
    flush();
    return docs;
}

std::vector<TextDocument> read_text_documents(const std::string& path, TextSplit split) {
    return split_text_documents(read_file_text(path), split);
}

} // namespace peft::data
