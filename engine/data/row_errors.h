// SPDX-License-Identifier: MIT
// Row-level problems found while reading a dataset: either collected (skip with a report) or
// raised at once (fail), as the run configuration says. Plain types only (the Data page shows them).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace peft::data {

/// What to do with a malformed row.
enum class RowErrorPolicy {
    Fail, ///< throw peft::Error at the first malformed row
    Skip, ///< drop the row and record it in RowErrors
};

/// One malformed row. `line` is 1-based (the physical line where the row starts); for a JSON
/// array it is the record's line when known, else 0 and the message names the record number.
struct RowError {
    std::string file;
    std::size_t line = 0;
    std::string message;

    /// "train.tsv:17: expected 2 columns, found 3" (file names only, not full paths).
    std::string to_string() const;
};

/// Collects malformed rows under a policy.
class RowErrors {
public:
    explicit RowErrors(RowErrorPolicy policy = RowErrorPolicy::Fail) : policy_(policy) {}

    /// Records one malformed row; throws peft::Error with the row's message under Fail.
    void add(const std::string& file, std::size_t line, const std::string& message);

    RowErrorPolicy policy() const { return policy_; }
    const std::vector<RowError>& errors() const { return errors_; }
    bool empty() const { return errors_.empty(); }
    std::size_t size() const { return errors_.size(); }

private:
    RowErrorPolicy policy_;
    std::vector<RowError> errors_;
};

/// The last path component, used in messages so they stay short and readable.
std::string file_label(const std::string& path);

} // namespace peft::data
