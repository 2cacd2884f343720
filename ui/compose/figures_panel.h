// SPDX-License-Identifier: MIT
// Live figures of the recipe: trainable parameters and their share (the engine's report), a
// per-module bar chart, and the training-memory estimate for a chosen batch and sequence length.
#pragma once

#include "core/compose_backend.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QSpinBox;

namespace peft::compose {

class FiguresPanel final : public QWidget {
    Q_OBJECT
public:
    explicit FiguresPanel(QWidget* parent = nullptr);

    void setFigures(const ComposeFigures& figures);
    const ComposeFigures& figures() const { return figures_; }
    qint64 batch() const;
    qint64 sequence() const;
    void setSequenceLimit(qint64 maxPositions);
    QLabel* trainableLabel() const { return trainable_; }
    QLabel* memoryLabel() const { return memory_; }

Q_SIGNALS:
    /// Batch or sequence length changed: the page evaluates again.
    void memoryOptionsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void plot();

    ComposeFigures figures_;
    QLabel* trainable_;
    QLabel* memory_;
    QLabel* batchLabel_;
    QLabel* sequenceLabel_;
    QSpinBox* batch_;
    QSpinBox* sequence_;
    QCustomPlot* chart_;
};

} // namespace peft::compose
