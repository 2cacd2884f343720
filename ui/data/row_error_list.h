// SPDX-License-Identifier: MIT
// Malformed rows, one line each ("line 17: expected 2 columns, found 3"); activating one asks
// for its row in the preview.
#pragma once

#include "core/dataset_types.h"

#include <QListWidget>

namespace peft::datapage {

class RowErrorList final : public QListWidget {
    Q_OBJECT
public:
    /// Rows listed at most; the rest are counted in a last line.
    static constexpr int kMaxListed = 5000;

    explicit RowErrorList(QWidget* parent = nullptr);

    /// `complete`: the file has been checked to the end (an empty list then says so).
    void setErrors(const QList<DatasetRowError>& errors, bool complete = true);
    const QList<DatasetRowError>& errors() const { return errors_; }

Q_SIGNALS:
    /// The user clicked (or pressed Enter on) the error of preview row `row`.
    void rowRequested(qint64 row);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QList<DatasetRowError> errors_;
    bool complete_ = false;
};

} // namespace peft::datapage
