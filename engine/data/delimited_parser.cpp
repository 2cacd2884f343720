// SPDX-License-Identifier: MIT
#include "data/delimited_parser.h"

namespace peft::data {

DelimitedParser::DelimitedParser(char separator, bool quoting, Sink sink, uint64_t first_offset, std::size_t first_line)
    : separator_(separator), quoting_(quoting), sink_(std::move(sink)), offset_(first_offset), line_(first_line) {}

void DelimitedParser::begin_record_if_needed() {
    if (in_record_)
        return;
    in_record_ = true;
    current_ = ParsedRecord{};
    current_.offset = offset_;
    current_.line = line_;
}

void DelimitedParser::end_field() {
    current_.fields.push_back(std::move(field_));
    field_.clear();
}

void DelimitedParser::end_record() {
    // An unquoted last field keeps no carriage return of a CRLF line end.
    if (state_ == State::Unquoted || state_ == State::FieldStart) {
        if (!field_.empty() && field_.back() == '\r')
            field_.pop_back();
    }
    if (state_ != State::SkipToEol || current_.fields.empty())
        end_field();
    const bool blank = current_.error.empty() && current_.fields.size() == 1 && current_.fields[0].empty();
    if (!blank)
        sink_(std::move(current_));
    current_ = ParsedRecord{};
    field_.clear();
    in_record_ = false;
    state_ = State::FieldStart;
}

void DelimitedParser::feed(std::string_view bytes) {
    for (const char c : bytes) {
        begin_record_if_needed();
        switch (state_) {
        case State::FieldStart:
            if (quoting_ && c == '"') {
                state_ = State::Quoted;
                break;
            }
            state_ = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (c == separator_) {
                end_field();
                state_ = State::FieldStart;
            } else if (c == '\n') {
                end_record();
            } else {
                field_ += c;
            }
            break;
        case State::Quoted:
            if (c == '"')
                state_ = State::QuoteInQuoted;
            else
                field_ += c;
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                field_ += '"';
                state_ = State::Quoted;
            } else if (c == separator_) {
                end_field();
                state_ = State::FieldStart;
            } else if (c == '\n') {
                state_ = State::FieldStart; // the field is complete; no CR stripping needed
                end_record();
            } else if (c == '\r') {
                // part of a CRLF after the closing quote
            } else {
                current_.error = std::string("a quoted field must end at its closing quote, found '") + c +
                                 "' after it (write \"\" for a quote inside a quoted field)";
                end_field();
                state_ = State::SkipToEol;
            }
            break;
        case State::SkipToEol:
            if (c == '\n')
                end_record();
            break;
        }
        if (c == '\n')
            ++line_;
        ++offset_;
    }
}

void DelimitedParser::finish() {
    if (!in_record_)
        return;
    if (state_ == State::Quoted)
        current_.error = "a quoted field opened on this line is never closed (missing '\"')";
    end_record();
}

} // namespace peft::data
