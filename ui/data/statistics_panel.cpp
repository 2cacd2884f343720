// SPDX-License-Identifier: MIT
#include "data/statistics_panel.h"

#include "data/data_names.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace peft::datapage {

StatisticsPanel::StatisticsPanel(QWidget* parent) : QWidget(parent) {
    modelLabel_ = new QLabel(this);
    model_ = new QLabel(this);
    model_->setObjectName(QStringLiteral("statsModel"));
    model_->setWordWrap(true);
    maxLengthLabel_ = new QLabel(this);
    maxLength_ = new QSpinBox(this);
    maxLength_->setObjectName(QStringLiteral("maxLength"));
    maxLength_->setRange(1, 1 << 20);
    maxLength_->setValue(128);
    maxLength_->setAccelerated(true);
    maxLength_->setKeyboardTracking(false); // one run per finished edit, not per digit
    maxLengthLabel_->setBuddy(maxLength_);
    splitLabel_ = new QLabel(this);
    split_ = new QComboBox(this);
    split_->setObjectName(QStringLiteral("textSplit"));
    for (const char* key : {"paragraphs", "lines", "whole_file"}) split_->addItem(QString(), QString::fromLatin1(key));
    splitLabel_->setBuddy(split_);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setMaximumHeight(8);
    busy_->hide();
    figures_ = new QLabel(this);
    figures_->setObjectName(QStringLiteral("statsFigures"));
    figures_->setWordWrap(true);
    figures_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    figures_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    form_ = new QFormLayout;
    form_->setContentsMargins(0, 0, 0, 0);
    form_->addRow(modelLabel_, model_);
    form_->addRow(maxLengthLabel_, maxLength_);
    form_->addRow(splitLabel_, split_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form_);
    layout->addWidget(busy_);
    layout->addWidget(figures_, 1);
    setTextFile(false);

    connect(maxLength_, &QSpinBox::valueChanged, this, [this](int v) { Q_EMIT maxLengthChanged(v); });
    connect(split_, &QComboBox::activated, this, [this](int i) { Q_EMIT textSplitChanged(split_->itemData(i).toString()); });
    retranslate();
}

void StatisticsPanel::setModel(const QString& modelDir) {
    modelDir_ = modelDir;
    retranslate();
}

void StatisticsPanel::setTextFile(bool text) {
    form_->setRowVisible(split_, text);
    retranslate();
}

void StatisticsPanel::setMaxLength(qint64 tokens) {
    const QSignalBlocker block(maxLength_);
    maxLength_->setValue(int(tokens));
}

void StatisticsPanel::setRunning(bool running) {
    running_ = running;
    busy_->setVisible(running);
    showFigures();
}

void StatisticsPanel::setStatistics(const DatasetStatistics& statistics) {
    statistics_ = statistics;
    retranslate(); // the tokenizer's kind comes with the statistics
}

QString StatisticsPanel::figuresText() const { return figures_->text(); }

void StatisticsPanel::showFigures() {
    if (modelDir_.isEmpty()) {
        figures_->setText(tr("Select a model on the Model page: its tokenizer counts the tokens."));
        return;
    }
    if (!statistics_.ok) {
        figures_->setText(running_ ? tr("Counting tokens…")
                          : statistics_.error.isEmpty()
                              ? tr("Open a dataset to see its statistics.")
                              : tr("No statistics: %1").arg(statistics_.error.toHtmlEscaped()));
        return;
    }
    const QLocale l;
    const auto& s = statistics_;
    const auto percent = [&l](qint64 part, qint64 whole) {
        return l.toString(whole ? 100.0 * double(part) / double(whole) : 0.0, 'f', 1);
    };
    QStringList lines;
    lines << (s.documents ? tr("Documents: <b>%1</b>") : tr("Examples: <b>%1</b>")).arg(l.toString(s.rows));
    if (s.skippedRows > 0) lines << tr("Skipped rows: <b>%1</b>").arg(l.toString(s.skippedRows));
    lines << (s.documents ? tr("Longer than a block: <b>%1</b> (%2%)") : tr("Truncated: <b>%1</b> (%2%)"))
                 .arg(l.toString(s.truncatedRows), percent(s.truncatedRows, s.rows));
    lines << tr("Tokens per row: min %1 · mean %2 · max %3")
                 .arg(l.toString(s.minLength), l.toString(s.meanLength, 'f', 1), l.toString(s.maxLength));
    lines << tr("Tokens kept: %1").arg(l.toString(s.totalTokens));
    if (s.trainableTokens > 0 && !s.documents)
        lines << tr("Tokens with loss: %1 (%2%)").arg(l.toString(s.trainableTokens), percent(s.trainableTokens, s.totalTokens));
    if (running_) lines << tr("<i>Updating…</i>");
    figures_->setText(lines.join(QStringLiteral("<br>")));
}

void StatisticsPanel::retranslate() {
    modelLabel_->setText(tr("Tokenizer:"));
    model_->setText(modelDir_.isEmpty() ? tr("no model selected")
                                        : statistics_.tokenizer.isEmpty()
                                            ? QDir(modelDir_).dirName()
                                            : tr("%1 (%2)").arg(QDir(modelDir_).dirName(), statistics_.tokenizer));
    model_->setToolTip(modelDir_);
    const bool documents = form_->isRowVisible(split_);
    maxLengthLabel_->setText(documents ? tr("Block size:") : tr("Max length:"));
    maxLength_->setToolTip(documents ? tr("Tokens per training block; longer documents continue in the next block.")
                                     : tr("Examples longer than this many tokens are truncated."));
    maxLength_->setSuffix(tr(" tokens"));
    splitLabel_->setText(tr("Documents:"));
    for (int i = 0; i < split_->count(); ++i) split_->setItemText(i, DataNames::textSplit(split_->itemData(i).toString()));
    showFigures();
}

void StatisticsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::datapage
