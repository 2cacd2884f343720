// SPDX-License-Identifier: MIT
#include "compose/figures_panel.h"

#include "compose/block_items.h"
#include "compose/compose_names.h"
#include "widgets/qcustomplot_include.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace peft::compose {

FiguresPanel::FiguresPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("figuresPanel"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    trainable_ = new QLabel(this);
    trainable_->setObjectName(QStringLiteral("trainableLabel"));
    trainable_->setWordWrap(true);
    trainable_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(trainable_);
    auto* options = new QHBoxLayout;
    batchLabel_ = new QLabel(this);
    batch_ = new QSpinBox(this);
    batch_->setObjectName(QStringLiteral("batchSpin"));
    batch_->setRange(1, 4096);
    batch_->setValue(8);
    sequenceLabel_ = new QLabel(this);
    sequence_ = new QSpinBox(this);
    sequence_->setObjectName(QStringLiteral("sequenceSpin"));
    sequence_->setRange(1, 1 << 20);
    sequence_->setValue(512);
    for (auto* spin : {batch_, sequence_}) {
        spin->setKeyboardTracking(false);
        connect(spin, &QSpinBox::valueChanged, this, &FiguresPanel::memoryOptionsChanged);
    }
    options->addWidget(batchLabel_);
    options->addWidget(batch_);
    options->addSpacing(8);
    options->addWidget(sequenceLabel_);
    options->addWidget(sequence_);
    options->addStretch(1);
    column->addLayout(options);
    memory_ = new QLabel(this);
    memory_->setObjectName(QStringLiteral("memoryLabel"));
    memory_->setWordWrap(true);
    column->addWidget(memory_);
    chart_ = new QCustomPlot(this);
    chart_->setObjectName(QStringLiteral("moduleChart"));
    chart_->setFixedHeight(170);
    column->addWidget(chart_);
    retranslate();
}

qint64 FiguresPanel::batch() const { return batch_->value(); }
qint64 FiguresPanel::sequence() const { return sequence_->value(); }

void FiguresPanel::setSequenceLimit(qint64 maxPositions) {
    if (maxPositions <= 0) return;
    sequence_->setMaximum(int(std::min<qint64>(maxPositions, 1 << 20)));
}

void FiguresPanel::setFigures(const ComposeFigures& figures) {
    figures_ = figures;
    retranslate();
}

void FiguresPanel::retranslate() {
    batchLabel_->setText(tr("Batch"));
    sequenceLabel_->setText(tr("Sequence"));
    const ComposeFigures& f = figures_;
    if (!f.ok) {
        // The engine's first reason, so the cause is visible without selecting the module.
        trainable_->setText(f.error.isEmpty() ? tr("Trainable parameters: —")
                                              : tr("Trainable parameters: — the recipe does not apply: %1").arg(f.error.toHtmlEscaped()));
        memory_->setText(tr("Training memory: —"));
    } else {
        trainable_->setText(tr("Trainable parameters: <b>%1</b> of %2 (%3%)")
                                .arg(thousands(f.trainable), thousands(f.total), QString::number(f.percent, 'f', 4)));
        trainable_->setToolTip(f.summaryLine);
        memory_->setText(tr("Training memory: <b>%1</b> (weights %2, gradients %3, AdamW %4, activations %5)")
                             .arg(bytesText(f.memTotal), bytesText(f.memWeights), bytesText(f.memGradients),
                                  bytesText(f.memOptimizer), bytesText(f.memActivations)));
    }
    plot();
}

void FiguresPanel::plot() {
    chart_->clearPlottables();
    const QPalette pal = palette();
    chart_->setBackground(pal.window());
    // Horizontal bars: module names are long and read best on the left.
    QVector<double> ticks;
    QVector<QString> labels;
    double top = 1;
    const auto& modules = figures_.ok ? figures_.modules : QList<ComposeModuleFigure>();
    for (int i = 0; i < modules.size(); ++i) {
        const double key = double(modules.size() - i); // first module at the top
        auto* bar = new QCPBars(chart_->yAxis, chart_->xAxis);
        bar->setPen(Qt::NoPen);
        bar->setBrush(kindColor(modules[i].kind));
        bar->setWidth(0.6);
        bar->addData(key, double(modules[i].trainable));
        ticks << key;
        labels << modules[i].name;
        top = std::max(top, double(modules[i].trainable));
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    chart_->yAxis->setTicker(ticker);
    chart_->yAxis->setRange(0.4, double(modules.size()) + 0.6);
    chart_->yAxis->grid()->setVisible(false);
    chart_->xAxis->setRange(0, top * 1.15);
    chart_->xAxis->setLabel(tr("Trainable parameters per module"));
    const QColor text = pal.color(QPalette::WindowText);
    for (QCPAxis* axis : {chart_->xAxis, chart_->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 0, Qt::DotLine));
    }
    chart_->replot();
}

void FiguresPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::compose
