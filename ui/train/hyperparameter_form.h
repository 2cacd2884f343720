// SPDX-License-Identifier: MIT
// The Train page's settings form: learning rate, steps or epochs, batch, accumulation, warmup,
// schedule, evaluation interval, seed, threads, the evaluation file and the runs folder. Every
// field has a tooltip saying what it does and what a good starting value is.
#pragma once

#include "core/training_types.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace peft::train {

class HyperparameterForm final : public QWidget {
    Q_OBJECT
public:
    explicit HyperparameterForm(QWidget* parent = nullptr);

    TrainHyperparameters values() const;
    void setValues(const TrainHyperparameters& values);
    /// The optional evaluation file (the Data page holds the training file).
    QString evalFile() const;
    void setEvalFile(const QString& path);

    QDoubleSpinBox* lrBox() const { return lr_; }
    QSpinBox* stepsBox() const { return steps_; }
    QSpinBox* batchBox() const { return batch_; }
    QSpinBox* evalEveryBox() const { return evalEvery_; }
    QSpinBox* saveEveryBox() const { return saveEvery_; }
    QSpinBox* threadsBox() const { return threads_; }
    QLineEdit* outputEdit() const { return output_; }
    QLineEdit* evalFileEdit() const { return evalFile_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QLabel* addRow(QFormLayout* form, QWidget* field);

    QDoubleSpinBox* lr_;
    QSpinBox* steps_;
    QSpinBox* epochs_;
    QSpinBox* batch_;
    QSpinBox* accum_;
    QDoubleSpinBox* warmup_;
    QComboBox* schedule_;
    QSpinBox* evalEvery_;
    QSpinBox* saveEvery_;
    QSpinBox* seed_;
    QSpinBox* threads_;
    QLineEdit* evalFile_;
    QToolButton* evalBrowse_;
    QLineEdit* output_;
    QToolButton* outputBrowse_;
    QList<QLabel*> labels_;
};

} // namespace peft::train
