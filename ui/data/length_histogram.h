// SPDX-License-Identifier: MIT
// Histogram of token lengths (before truncation) with the chosen maximum length marked; bins
// past it, whose rows get cut, are drawn in a warning colour.
#pragma once

#include "core/dataset_types.h"
#include "widgets/qcustomplot_include.h"

namespace peft::datapage {

class LengthHistogram final : public QCustomPlot {
    Q_OBJECT
public:
    explicit LengthHistogram(QWidget* parent = nullptr);

    void setStatistics(const DatasetStatistics& statistics);
    /// Bars drawn (tests): counts of the bins in order.
    QList<qint64> binCounts() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    DatasetStatistics statistics_;
};

} // namespace peft::datapage
