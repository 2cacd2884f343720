// SPDX-License-Identifier: MIT
// Rows per label of a classification dataset, as bars with each bar's share written on it.
#pragma once

#include "core/dataset_types.h"
#include "widgets/qcustomplot_include.h"

namespace peft::datapage {

class LabelBalanceChart final : public QCustomPlot {
    Q_OBJECT
public:
    explicit LabelBalanceChart(QWidget* parent = nullptr);

    void setStatistics(const DatasetStatistics& statistics);
    /// What is drawn (tests): label name -> rows.
    QList<QPair<QString, qint64>> counts() const { return statistics_.labels; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    DatasetStatistics statistics_;
};

} // namespace peft::datapage
