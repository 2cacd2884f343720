// SPDX-License-Identifier: MIT
#include "data/record_index.h"

#include "core/error.h"
#include "data/delimited_parser.h"
#include "data/json_reader.h"
#include "data/text_util.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace peft::data {

namespace {

// Bytes read per step while indexing: large enough for throughput, small enough for memory.
constexpr std::size_t kChunk = 1 << 20;
// Records used to guess the header while indexing.
constexpr std::size_t kSniffRows = 20;

std::ifstream open_or_throw(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
    return in;
}

std::string read_bytes(const std::string& path, uint64_t begin, uint64_t end) {
    auto in = open_or_throw(path);
    in.seekg(static_cast<std::streamoff>(begin));
    std::string bytes(end - begin, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

/// Thrown inside the parser's sink to stop indexing early.
struct StopIndexing {};

void index_delimited(RecordIndex& index, std::ifstream& in, std::size_t max_records) {
    std::string chunk(kChunk, '\0');
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.resize(static_cast<std::size_t>(in.gcount()));
    const std::size_t bom = bom_length(chunk);
    index.options = resolve_delimited_options(index.file, std::string_view(chunk).substr(bom), index.options);

    std::vector<ParsedRecord> all;
    std::vector<std::vector<std::string>> sample;
    const bool forced = index.options.header != HeaderMode::Auto;
    bool decided = false;
    index.has_header = index.options.header == HeaderMode::Present;
    const auto decide = [&] {
        if (!forced)
            index.has_header = looks_like_header(sample);
        decided = true;
        if (index.has_header && !all.empty()) {
            for (const auto& name : all.front().fields)
                index.columns.push_back(trim(name));
            all.erase(all.begin());
        } else if (!all.empty()) {
            for (std::size_t c = 0; c < all.front().fields.size(); ++c)
                index.columns.push_back(std::to_string(c));
        }
        for (auto& r : all) {
            index.offsets.push_back(r.offset);
            index.lines.push_back(r.line);
        }
        all.clear();
    };
    DelimitedParser parser(
        index.options.separator, index.options.quoting == QuoteMode::Rfc4180,
        [&](ParsedRecord&& r) {
            if (!decided) {
                if (r.error.empty())
                    sample.push_back(r.fields);
                all.push_back(std::move(r));
                if (sample.size() >= kSniffRows || forced)
                    decide();
                return;
            }
            if (index.offsets.size() >= max_records) {
                index.complete = false;
                index.end_offset = r.offset;
                throw StopIndexing{};
            }
            index.offsets.push_back(r.offset);
            index.lines.push_back(r.line);
        },
        bom, 1);
    try {
        parser.feed(std::string_view(chunk).substr(bom));
        while (in) {
            chunk.resize(kChunk);
            in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            chunk.resize(static_cast<std::size_t>(in.gcount()));
            parser.feed(chunk);
        }
        parser.finish();
        if (!decided)
            decide();
    } catch (const StopIndexing&) {
    }
    if (index.offsets.size() > max_records) {
        index.complete = false;
        index.end_offset = index.offsets[max_records];
        index.offsets.resize(max_records);
        index.lines.resize(max_records);
    }
}

void index_lines(RecordIndex& index, std::ifstream& in, std::size_t max_records) {
    std::string chunk(kChunk, '\0');
    uint64_t offset = 0, line_start = 0;
    std::size_t line = 1;
    bool blank = true, first_chunk = true;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        std::size_t i = 0;
        if (first_chunk) {
            i = bom_length(std::string_view(chunk.data(), n));
            offset = line_start = i;
            first_chunk = false;
        }
        for (; i < n; ++i, ++offset) {
            const char c = chunk[i];
            if (c == '\n') {
                if (!blank) {
                    if (index.offsets.size() >= max_records) {
                        index.complete = false;
                        index.end_offset = line_start;
                        return;
                    }
                    index.offsets.push_back(line_start);
                    index.lines.push_back(line);
                }
                ++line;
                line_start = offset + 1;
                blank = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                blank = false;
            }
        }
    }
    if (!blank) {
        if (index.offsets.size() >= max_records) {
            index.complete = false;
            index.end_offset = line_start;
            return;
        }
        index.offsets.push_back(line_start);
        index.lines.push_back(line);
    }
    index.end_offset = offset;
}

} // namespace

bool is_json_lines_file(const std::string& path) {
    auto in = open_or_throw(path);
    std::string head(1 << 16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return is_json_lines(path, head);
}

RecordIndex build_record_index(const std::string& path, const DelimitedOptions& options, std::size_t max_records) {
    RecordIndex index;
    index.file = path;
    index.options = options;
    const auto ext = lower(std::filesystem::path(path).extension().string());
    index.json_lines = ext == ".jsonl" || ext == ".ndjson" || (ext == ".json" && is_json_lines_file(path));
    auto in = open_or_throw(path);
    if (!index.json_lines && ext == ".json")
        throw Error(file_label(path) + ": a JSON array has no line index; read it with read_json_records");
    if (index.json_lines) {
        index_lines(index, in, max_records);
    } else {
        index_delimited(index, in, max_records);
        if (index.complete) {
            in.clear();
            in.seekg(0, std::ios::end);
            index.end_offset = static_cast<uint64_t>(in.tellg());
        }
    }
    return index;
}

static std::pair<uint64_t, uint64_t> byte_range(const RecordIndex& index, std::size_t first, std::size_t count) {
    const std::size_t last = std::min(index.size(), first + count);
    const uint64_t begin = index.offsets[first];
    const uint64_t end = last < index.size() ? index.offsets[last] : index.end_offset;
    return {begin, end};
}

std::vector<ParsedRecord> read_delimited_range(const RecordIndex& index, std::size_t first, std::size_t count) {
    std::vector<ParsedRecord> out;
    if (first >= index.size() || count == 0)
        return out;
    const auto [begin, end] = byte_range(index, first, count);
    DelimitedParser parser(index.options.separator, index.options.quoting == QuoteMode::Rfc4180,
                           [&](ParsedRecord&& r) { out.push_back(std::move(r)); }, begin, index.lines[first]);
    parser.feed(read_bytes(index.file, begin, end));
    parser.finish();
    const std::size_t expected = index.columns.size();
    for (auto& r : out)
        if (r.error.empty() && r.fields.size() != expected)
            r.error = "expected " + std::to_string(expected) + " columns, found " + std::to_string(r.fields.size());
    return out;
}

std::vector<Record> read_jsonl_range(const RecordIndex& index, std::size_t first, std::size_t count,
                                     std::vector<RowError>* errors) {
    std::vector<Record> out;
    if (first >= index.size() || count == 0)
        return out;
    const auto [begin, end] = byte_range(index, first, count);
    const auto bytes = read_bytes(index.file, begin, end);
    const std::size_t last = std::min(index.size(), first + count);
    for (std::size_t i = first; i < last; ++i) {
        const auto from = index.offsets[i] - begin;
        const auto to = (i + 1 < index.size() ? index.offsets[i + 1] : end) - begin;
        Record record{nullptr, index.lines[i], i + 1};
        try {
            record.value = nlohmann::json::parse(std::string_view(bytes).substr(from, to - from));
        } catch (const nlohmann::json::parse_error& e) {
            if (errors)
                errors->push_back({index.file, index.lines[i], "not valid JSON (" + short_json_error(e) + ")"});
        }
        out.push_back(std::move(record));
    }
    return out;
}

} // namespace peft::data
