// SPDX-License-Identifier: MIT
// Incremental CSV/TSV record parser, fed in chunks so a large file can be indexed without holding
// it in memory. The same state machine serves full reads, the row index and range previews, so
// they always agree on where a record starts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace peft::data {

/// One record as split from the byte stream. `error` is non-empty for a malformed record.
struct ParsedRecord {
    std::vector<std::string> fields;
    uint64_t offset = 0; ///< byte offset of the record's first character
    std::size_t line = 0; ///< 1-based physical line where it starts
    std::string error;
};

/// Splits records. Quoting (RFC 4180) applies only to a field whose first character is '"':
/// inside it separators and newlines are data and "" is one quote; a quote anywhere else is a
/// literal character. With quoting off (TSV, as GLUE writes it) every quote is literal.
/// Blank lines are skipped. CRLF and LF line ends are both accepted.
class DelimitedParser {
public:
    using Sink = std::function<void(ParsedRecord&&)>;

    /// `first_offset`: absolute offset of the first byte fed (e.g. 3 after a byte-order mark);
    /// `first_line`: line number of that byte.
    DelimitedParser(char separator, bool quoting, Sink sink, uint64_t first_offset = 0, std::size_t first_line = 1);

    void feed(std::string_view bytes);
    /// Ends the stream: emits the last record even without a final newline.
    void finish();

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, SkipToEol };

    void end_field();
    void end_record();
    void begin_record_if_needed();

    char separator_;
    bool quoting_;
    Sink sink_;
    State state_ = State::FieldStart;
    uint64_t offset_;
    std::size_t line_;
    bool in_record_ = false;
    ParsedRecord current_;
    std::string field_;
};

} // namespace peft::data
