// SPDX-License-Identifier: MIT
#include "core/dataset_backend.h"

#include "core/error.h"
#include "data/format_detect.h"
#include "data/json_reader.h"
#include "data/record_index.h"
#include "data/text_util.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <optional>

namespace peft {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// Rows read per step while scanning for errors: a few hundred KiB of text at a time.
constexpr std::size_t kScanBlock = 4096;
// Bytes read per step while indexing the lines of a text file.
constexpr std::size_t kTextChunk = 1 << 20;

/// A cell as the preview shows it: strings as they are, other JSON values in compact JSON.
QString cellText(const nlohmann::json& record, const std::string& key) {
    if (!record.is_object()) return {};
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return {};
    return it->is_string() ? qs(it->get<std::string>()) : qs(it->dump());
}

QString columnName(const data::ColumnRef& ref, const std::vector<std::string>& columns) {
    if (!ref.name.empty()) return qs(ref.name);
    if (ref.index >= 0 && std::size_t(ref.index) < columns.size()) return qs(columns[std::size_t(ref.index)]);
    return {};
}

DatasetMapping toMapping(const data::ColumnMapping& m, const std::vector<std::string>& columns) {
    const std::pair<const char*, const data::ColumnRef*> roles[] = {
        {"text", &m.text},         {"text_pair", &m.text_pair}, {"label", &m.label},
        {"instruction", &m.instruction}, {"input", &m.input},   {"output", &m.output},
        {"system", &m.system},     {"conversations", &m.conversations}, {"messages", &m.messages}};
    DatasetMapping out;
    for (const auto& [role, ref] : roles)
        if (!ref->empty()) out.insert(QString::fromLatin1(role), columnName(*ref, columns));
    return out;
}

/// Offsets of the non-blank lines of a text file, streamed in chunks (the engine indexes only
/// delimited and JSON Lines files; a text corpus previews one line per row).
struct LineIndex {
    std::vector<uint64_t> offsets;
    std::vector<std::size_t> lines;
    uint64_t end = 0;
    bool complete = true;
};

LineIndex indexTextLines(const std::string& path, std::size_t maxRows) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
    LineIndex index;
    std::string chunk(kTextChunk, '\0');
    uint64_t offset = 0, lineStart = 0;
    std::size_t line = 1;
    bool blank = true, first = true;
    const auto push = [&] {
        if (index.offsets.size() >= maxRows) {
            index.complete = false;
            return false;
        }
        index.offsets.push_back(lineStart);
        index.lines.push_back(line);
        return true;
    };
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        std::size_t i = 0;
        if (first) {
            i = data::bom_length(std::string_view(chunk.data(), n));
            offset = lineStart = i;
            first = false;
        }
        for (; i < n; ++i, ++offset) {
            const char c = chunk[i];
            if (c == '\n') {
                if (!blank && !push()) {
                    index.end = lineStart;
                    return index;
                }
                ++line;
                lineStart = offset + 1;
                blank = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                blank = false;
            }
        }
    }
    if (!blank && !push()) {
        index.end = lineStart;
        return index;
    }
    index.end = offset;
    return index;
}

std::string readBytes(const std::string& path, uint64_t begin, uint64_t end) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
    in.seekg(static_cast<std::streamoff>(begin));
    std::string bytes(end - begin, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

/// "record 12 is not a JSON object (found array)", as the engine's JSON reader words it.
std::string notAnObject(const data::Record& r) {
    return "record " + std::to_string(r.number) + " is not a JSON object (found " + r.value.type_name() + ")";
}

} // namespace

struct DatasetFile::State {
    QString path;
    std::string file;
    DatasetDetection detection;
    QStringList columns;
    std::vector<std::string> keys; ///< JSON keys of the columns
    enum class Kind { Delimited, JsonLines, JsonArray, Text } kind = Kind::Delimited;
    data::RecordIndex index;      ///< delimited and JSON Lines
    data::RecordSet records;      ///< JSON arrays, read whole (they have no line index)
    LineIndex text;               ///< text files
};

DatasetFile::DatasetFile() : state_(std::make_unique<State>()) {}
DatasetFile::~DatasetFile() = default;

std::shared_ptr<const DatasetFile> DatasetFile::open(const QString& path, QString* error, qint64 maxIndexedRows) {
    try {
        std::shared_ptr<DatasetFile> file(new DatasetFile());
        State& s = *file->state_;
        s.path = path;
        s.file = path.toStdString();
        const auto detected = data::detect_format(s.file);
        const auto limit = static_cast<std::size_t>(std::max<qint64>(1, maxIndexedRows));
        if (detected.file_kind == "text") {
            s.kind = State::Kind::Text;
            s.text = indexTextLines(s.file, limit);
            s.columns << QStringLiteral("text");
        } else if (detected.file_kind == "json") {
            s.kind = State::Kind::JsonArray;
            s.records = data::read_json_records(s.file, data::RowErrorPolicy::Skip);
        } else {
            s.kind = detected.file_kind == "jsonl" ? State::Kind::JsonLines : State::Kind::Delimited;
            s.index = data::build_record_index(s.file, {}, limit);
        }
        if (s.kind == State::Kind::Delimited) {
            for (const auto& c : s.index.columns) s.columns << qs(c);
        } else if (s.kind != State::Kind::Text) {
            // JSON keys come sorted by name; the mapped ones go first, in role order, so an
            // alpaca preview reads instruction, input, output.
            const auto mapping = toMapping(detected.mapping, detected.columns);
            for (const char* role : {"text", "text_pair", "label", "system", "instruction", "input", "output",
                                     "conversations", "messages"}) {
                const auto key = mapping.value(QString::fromLatin1(role)).toStdString();
                if (!key.empty() && std::find(s.keys.begin(), s.keys.end(), key) == s.keys.end()) s.keys.push_back(key);
            }
            for (const auto& c : detected.columns)
                if (std::find(s.keys.begin(), s.keys.end(), c) == s.keys.end()) s.keys.push_back(c);
            for (const auto& c : s.keys) s.columns << qs(c);
        }
        DatasetDetection& d = s.detection;
        d.format = QString::fromLatin1(data::to_string(detected.format));
        d.fileKind = qs(detected.file_kind);
        d.hasHeader = detected.has_header;
        for (const auto& c : detected.columns) d.columns << qs(c);
        d.mapping = toMapping(detected.mapping, detected.columns);
        d.sampledRows = qint64(detected.sampled_rows);
        d.reason = qs(detected.reason);
        return file;
    } catch (const std::exception& e) {
        if (error) *error = qs(e.what());
        return nullptr;
    }
}

QString DatasetFile::path() const { return state_->path; }
const DatasetDetection& DatasetFile::detection() const { return state_->detection; }
QStringList DatasetFile::columns() const { return state_->columns; }
bool DatasetFile::isTextFile() const { return state_->kind == State::Kind::Text; }

qint64 DatasetFile::rowCount() const {
    switch (state_->kind) {
    case State::Kind::Text: return qint64(state_->text.offsets.size());
    case State::Kind::JsonArray: return qint64(state_->records.size());
    default: return qint64(state_->index.size());
    }
}

bool DatasetFile::complete() const {
    switch (state_->kind) {
    case State::Kind::Text: return state_->text.complete;
    case State::Kind::JsonArray: return true;
    default: return state_->index.complete;
    }
}

qint64 DatasetFile::rowForLine(qint64 line) const {
    const State& s = *state_;
    const auto find = [line](const std::vector<std::size_t>& lines) -> qint64 {
        const auto it = std::lower_bound(lines.begin(), lines.end(), std::size_t(std::max<qint64>(0, line)));
        return it != lines.end() && qint64(*it) == line ? qint64(it - lines.begin()) : -1;
    };
    switch (s.kind) {
    case State::Kind::Text: return find(s.text.lines);
    case State::Kind::JsonArray: {
        // Records are in file order, so their lines are sorted.
        const auto& r = s.records.records;
        const auto it = std::lower_bound(r.begin(), r.end(), line,
                                         [](const data::Record& a, qint64 l) { return qint64(a.line) < l; });
        return it != r.end() && qint64(it->line) == line ? qint64(it - r.begin()) : -1;
    }
    default: return find(s.index.lines);
    }
}

QList<DatasetRow> DatasetFile::readRows(qint64 first, qint64 count) const {
    QList<DatasetRow> out;
    const qint64 total = rowCount();
    if (first < 0 || first >= total || count <= 0) return out;
    const auto begin = std::size_t(first);
    const auto end = std::size_t(std::min(total, first + count));
    const State& s = *state_;
    try {
        switch (s.kind) {
        case State::Kind::Delimited:
            for (auto& r : data::read_delimited_range(s.index, begin, end - begin)) {
                DatasetRow row;
                for (const auto& f : r.fields) row.cells << qs(f);
                row.line = qint64(r.line);
                row.error = qs(r.error);
                out << row;
            }
            break;
        case State::Kind::JsonLines: {
            std::vector<data::RowError> errors;
            const auto records = data::read_jsonl_range(s.index, begin, end - begin, &errors);
            for (const auto& r : records) {
                DatasetRow row;
                for (const auto& key : s.keys) row.cells << cellText(r.value, key);
                row.line = qint64(r.line);
                for (const auto& e : errors)
                    if (e.line == r.line) row.error = qs(e.message);
                if (row.error.isEmpty() && !r.value.is_object()) row.error = qs(notAnObject(r));
                out << row;
            }
            break;
        }
        case State::Kind::JsonArray:
            for (std::size_t i = begin; i < end; ++i) {
                const auto& r = s.records.records[i];
                DatasetRow row;
                for (const auto& key : s.keys) row.cells << cellText(r.value, key);
                row.line = qint64(r.line);
                out << row;
            }
            break;
        case State::Kind::Text: {
            const uint64_t from = s.text.offsets[begin];
            const uint64_t to = end < s.text.offsets.size() ? s.text.offsets[end] : s.text.end;
            const auto bytes = readBytes(s.file, from, to);
            for (std::size_t i = begin; i < end; ++i) {
                const auto at = std::min<std::size_t>(bytes.size(), std::size_t(s.text.offsets[i] - from));
                auto stop = bytes.find('\n', at);
                if (stop == std::string::npos) stop = bytes.size();
                if (stop > at && bytes[stop - 1] == '\r') --stop;
                out << DatasetRow{{qs(bytes.substr(at, stop - at))}, qint64(s.text.lines[i]), {}};
            }
            break;
        }
        }
    } catch (const std::exception& e) {
        // The file changed or vanished since it was indexed: show the problem in the rows asked for.
        out.clear();
        for (std::size_t i = begin; i < end; ++i) out << DatasetRow{{}, 0, qs(e.what())};
    }
    return out;
}

QList<DatasetRowError> DatasetFile::scanErrors(const std::atomic_bool* cancel) const {
    QList<DatasetRowError> out;
    const State& s = *state_;
    if (s.kind == State::Kind::Text) return out; // every line is a valid document
    if (s.kind == State::Kind::JsonArray) {
        // Records that were skipped are not in the preview: their line is all there is.
        for (const auto& e : s.records.errors.errors()) out << DatasetRowError{qint64(e.line), -1, qs(e.message)};
        return out;
    }
    const qint64 total = rowCount();
    for (qint64 first = 0; first < total; first += qint64(kScanBlock)) {
        if (cancel && cancel->load()) break;
        const auto rows = readRows(first, qint64(kScanBlock));
        for (qint64 i = 0; i < rows.size(); ++i)
            if (!rows[i].error.isEmpty()) out << DatasetRowError{rows[i].line, first + i, rows[i].error};
    }
    return out;
}

QStringList DatasetFile::formats() {
    return {QStringLiteral("classification"), QStringLiteral("pair_classification"), QStringLiteral("text"),
            QStringLiteral("alpaca"),         QStringLiteral("sharegpt"),            QStringLiteral("messages")};
}

QStringList DatasetFile::roles(const QString& format) {
    if (format == QLatin1String("classification")) return {QStringLiteral("text"), QStringLiteral("label")};
    if (format == QLatin1String("pair_classification"))
        return {QStringLiteral("text"), QStringLiteral("text_pair"), QStringLiteral("label")};
    if (format == QLatin1String("text")) return {QStringLiteral("text")};
    if (format == QLatin1String("alpaca"))
        return {QStringLiteral("instruction"), QStringLiteral("input"), QStringLiteral("output"), QStringLiteral("system")};
    if (format == QLatin1String("sharegpt")) return {QStringLiteral("conversations"), QStringLiteral("system")};
    if (format == QLatin1String("messages")) return {QStringLiteral("messages")};
    return {};
}

bool DatasetFile::roleRequired(const QString& format, const QString& role) {
    // Classification needs its text and label columns named; instruction formats fall back to
    // the usual key names; system and alpaca's input are optional everywhere; a text column
    // defaults to "text".
    const bool classification =
        format == QLatin1String("classification") || format == QLatin1String("pair_classification");
    return classification && roles(format).contains(role);
}

} // namespace peft
