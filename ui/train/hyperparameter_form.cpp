// SPDX-License-Identifier: MIT
#include "train/hyperparameter_form.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>

#include <algorithm>
#include <limits>

namespace peft::train {

namespace {

/// A line edit with a "…" button beside it, as one form field.
QWidget* withBrowse(QLineEdit* edit, QToolButton* button, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit, 1);
    button->setText(QStringLiteral("…"));
    row->addWidget(button);
    return box;
}

} // namespace

HyperparameterForm::HyperparameterForm(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    lr_ = new QDoubleSpinBox(this);
    lr_->setObjectName(QStringLiteral("lr"));
    lr_->setDecimals(6);
    lr_->setRange(1e-6, 1.0);
    lr_->setSingleStep(1e-4);
    steps_ = new QSpinBox(this);
    steps_->setObjectName(QStringLiteral("maxSteps"));
    steps_->setRange(0, std::numeric_limits<int>::max());
    epochs_ = new QSpinBox(this);
    epochs_->setRange(1, 10000);
    batch_ = new QSpinBox(this);
    batch_->setObjectName(QStringLiteral("batchSize"));
    batch_->setRange(1, 4096);
    accum_ = new QSpinBox(this);
    accum_->setRange(1, 4096);
    warmup_ = new QDoubleSpinBox(this);
    warmup_->setRange(0, 50);
    warmup_->setDecimals(1);
    warmup_->setSuffix(QStringLiteral(" %"));
    schedule_ = new QComboBox(this);
    for (const char* name : {"linear", "cosine", "constant"}) schedule_->addItem(QString(), QString::fromLatin1(name));
    evalEvery_ = new QSpinBox(this);
    evalEvery_->setObjectName(QStringLiteral("evalEvery"));
    evalEvery_->setRange(0, std::numeric_limits<int>::max());
    saveEvery_ = new QSpinBox(this);
    saveEvery_->setObjectName(QStringLiteral("saveEvery"));
    saveEvery_->setRange(0, std::numeric_limits<int>::max());
    seed_ = new QSpinBox(this);
    seed_->setRange(0, std::numeric_limits<int>::max());
    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(1, std::max(256, QThread::idealThreadCount()));
    evalFile_ = new QLineEdit(this);
    evalFile_->setObjectName(QStringLiteral("evalFile"));
    evalBrowse_ = new QToolButton(this);
    output_ = new QLineEdit(this);
    output_->setObjectName(QStringLiteral("outputDir"));
    outputBrowse_ = new QToolButton(this);

    for (QWidget* field : std::initializer_list<QWidget*>{lr_, steps_, epochs_, batch_, accum_, warmup_, schedule_, evalEvery_, saveEvery_,
                                                          seed_, threads_})
        labels_ << addRow(form, field);
    labels_ << addRow(form, withBrowse(evalFile_, evalBrowse_, this));
    labels_ << addRow(form, withBrowse(output_, outputBrowse_, this));

    // Epochs only count when no step budget is set.
    connect(steps_, &QSpinBox::valueChanged, this, [this](int steps) { epochs_->setEnabled(steps == 0); });
    connect(evalBrowse_, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Evaluation File"), evalFile_->text(),
                                                          tr("Datasets (*.csv *.tsv *.json *.jsonl *.txt);;All files (*)"));
        if (!file.isEmpty()) evalFile_->setText(file);
    });
    connect(outputBrowse_, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Runs Folder"), output_->text());
        if (!dir.isEmpty()) output_->setText(dir);
    });
    setValues(TrainHyperparameters{});
    retranslate();
}

QLabel* HyperparameterForm::addRow(QFormLayout* form, QWidget* field) {
    auto* label = new QLabel(this);
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

TrainHyperparameters HyperparameterForm::values() const {
    TrainHyperparameters h;
    h.lr = lr_->value();
    h.maxSteps = steps_->value();
    h.epochs = epochs_->value();
    h.batchSize = batch_->value();
    h.gradAccum = accum_->value();
    h.warmupRatio = warmup_->value() / 100.0;
    h.schedule = schedule_->currentData().toString();
    h.evalEvery = evalEvery_->value();
    h.saveEvery = saveEvery_->value();
    h.seed = quint64(seed_->value());
    h.threads = threads_->value();
    h.outputDir = output_->text().trimmed();
    return h;
}

void HyperparameterForm::setValues(const TrainHyperparameters& h) {
    lr_->setValue(h.lr);
    steps_->setValue(int(qMin<qint64>(h.maxSteps, steps_->maximum())));
    epochs_->setValue(int(h.epochs));
    epochs_->setEnabled(h.maxSteps == 0);
    batch_->setValue(int(h.batchSize));
    accum_->setValue(int(h.gradAccum));
    warmup_->setValue(h.warmupRatio * 100.0);
    schedule_->setCurrentIndex(qMax(0, schedule_->findData(h.schedule)));
    evalEvery_->setValue(int(qMin<qint64>(h.evalEvery, evalEvery_->maximum())));
    saveEvery_->setValue(int(qMin<qint64>(h.saveEvery, saveEvery_->maximum())));
    seed_->setValue(int(qMin<quint64>(h.seed, quint64(seed_->maximum()))));
    threads_->setValue(h.threads > 0 ? h.threads : QThread::idealThreadCount());
    output_->setText(h.outputDir);
}

QString HyperparameterForm::evalFile() const { return evalFile_->text().trimmed(); }

void HyperparameterForm::setEvalFile(const QString& path) { evalFile_->setText(path); }

void HyperparameterForm::retranslate() {
    const char* names[] = {QT_TR_NOOP("Learning rate:"), QT_TR_NOOP("Steps:"),          QT_TR_NOOP("Epochs:"),
                           QT_TR_NOOP("Batch size:"),    QT_TR_NOOP("Accumulation:"),   QT_TR_NOOP("Warmup:"),
                           QT_TR_NOOP("Schedule:"),      QT_TR_NOOP("Evaluate every:"), QT_TR_NOOP("Checkpoint every:"), QT_TR_NOOP("Seed:"),
                           QT_TR_NOOP("Threads:"),       QT_TR_NOOP("Evaluation file:"), QT_TR_NOOP("Runs folder:")};
    for (int i = 0; i < labels_.size(); ++i) labels_[i]->setText(tr(names[i]));

    lr_->setToolTip(tr("Peak learning rate of AdamW. Adapters and LoRA take higher rates than full fine-tuning: "
                       "about 3e-3 for tiny models, 1e-3 for small ones, 2e-4 for 7B models."));
    steps_->setSpecialValueText(tr("By epochs"));
    steps_->setToolTip(tr("Optimizer steps to train. 0 trains for the number of epochs instead."));
    epochs_->setToolTip(tr("Passes over the training set; used when Steps is 0."));
    batch_->setToolTip(tr("Examples per micro-batch. Lower it when memory runs out and raise Accumulation instead."));
    accum_->setToolTip(tr("Micro-batches per optimizer step (gradient accumulation): the effective batch is "
                          "batch size × accumulation."));
    warmup_->setToolTip(tr("Share of the steps over which the learning rate rises linearly from 0; 6 % is common."));
    schedule_->setItemText(0, tr("Linear decay"));
    schedule_->setItemText(1, tr("Cosine decay"));
    schedule_->setItemText(2, tr("Constant"));
    schedule_->setToolTip(tr("How the learning rate falls after the warmup: linearly or along a half cosine to 0, "
                             "or not at all."));
    evalEvery_->setSpecialValueText(tr("At the end"));
    evalEvery_->setToolTip(tr("Steps between evaluations on the evaluation file. 0 evaluates once, at the end."));
    saveEvery_->setSpecialValueText(tr("At the end"));
    saveEvery_->setToolTip(tr("Steps between checkpoints. A run that is stopped, or a studio that crashes, resumes "
                              "from the last one; 0 saves only at the end."));
    seed_->setToolTip(tr("One seed for the data order, new weights and dropout: the same seed repeats a run exactly."));
    threads_->setToolTip(tr("CPU threads for the tensor maths. More threads train faster but leave fewer for the "
                            "rest of the computer."));
    evalFile_->setPlaceholderText(tr("Optional: a held-out file in the same format"));
    evalFile_->setToolTip(tr("A held-out dataset in the training file's format; without one there is no evaluation."));
    evalBrowse_->setToolTip(tr("Choose the evaluation file"));
    output_->setToolTip(tr("Each run writes its configuration, checkpoints and results to a folder of its own here."));
    outputBrowse_->setToolTip(tr("Choose the runs folder"));
}

void HyperparameterForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::train
