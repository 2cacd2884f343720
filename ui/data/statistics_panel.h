// SPDX-License-Identifier: MIT
// The statistics settings (maximum length; how a text file splits into documents) and the
// figures of the last run: rows, truncated rows, lengths and tokens, or why there are none.
#pragma once

#include "core/dataset_types.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QSpinBox;

namespace peft::datapage {

class StatisticsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit StatisticsPanel(QWidget* parent = nullptr);

    QSpinBox* maxLengthBox() const { return maxLength_; }
    QComboBox* textSplitBox() const { return split_; }
    /// The model whose tokenizer is used (its folder name is shown); empty: none selected.
    void setModel(const QString& modelDir);
    /// Text files show the document split setting.
    void setTextFile(bool text);
    void setMaxLength(qint64 tokens);
    void setRunning(bool running);
    void setStatistics(const DatasetStatistics& statistics);
    /// The figures as shown (tests).
    QString figuresText() const;

Q_SIGNALS:
    void maxLengthChanged(qint64 tokens);
    void textSplitChanged(const QString& split);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showFigures();

    QFormLayout* form_;
    QLabel* modelLabel_;
    QLabel* model_;
    QLabel* maxLengthLabel_;
    QSpinBox* maxLength_;
    QLabel* splitLabel_;
    QComboBox* split_;
    QProgressBar* busy_;
    QLabel* figures_;
    QString modelDir_;
    bool running_ = false;
    DatasetStatistics statistics_;
};

} // namespace peft::datapage
