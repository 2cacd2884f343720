// SPDX-License-Identifier: MIT
#include "widgets/demo_banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace peft {

DemoBanner::DemoBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("demoBanner"));
    // Alternate base rather than a fixed colour: it stands out from the window in light and dark
    // palettes alike.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setFrameShape(QFrame::StyledPanel);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("demoBannerText"));
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(240);
    progress_->setTextVisible(false);
    cancel_ = new QPushButton(this);
    close_ = new QToolButton(this);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 4, 6, 4);
    row->addWidget(text_, 1);
    row->addWidget(progress_);
    row->addWidget(cancel_);
    row->addWidget(close_);
    connect(cancel_, &QPushButton::clicked, this, &DemoBanner::cancelRequested);
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    retranslate();
}

QString DemoBanner::stageText(DemoBuilder::Stage stage, qint64 step, qint64 total, double loss) {
    switch (stage) {
    case DemoBuilder::Stage::Corpus: return tr("Writing the demo's story corpus…");
    case DemoBuilder::Stage::Tokenizer: return tr("Learning the demo's tokenizer…");
    case DemoBuilder::Stage::Pretrain:
        if (total <= 0) return tr("Pretraining the tiny Llama…");
        return tr("Pretraining the tiny Llama: step %1 of %2, loss %3")
            .arg(step)
            .arg(total)
            .arg(QLocale().toString(loss, 'f', 3));
    case DemoBuilder::Stage::Save: return tr("Saving the demo model…");
    case DemoBuilder::Stage::Datasets: return tr("Writing the demo datasets…");
    case DemoBuilder::Stage::Done: return tr("Opening the demo…");
    }
    return {};
}

void DemoBanner::showBuilding() {
    state_ = State::Building;
    stage_ = DemoBuilder::Stage::Corpus;
    step_ = total_ = 0;
    progress_->setRange(0, 0); // busy until pretraining says how far it is
    show();
    retranslate();
}

void DemoBanner::showProgress(DemoBuilder::Stage stage, qint64 step, qint64 total, double loss) {
    state_ = State::Building;
    stage_ = stage;
    step_ = step;
    total_ = total;
    loss_ = loss;
    if (stage == DemoBuilder::Stage::Pretrain && total > 0) {
        progress_->setRange(0, int(total));
        progress_->setValue(int(step));
    } else {
        progress_->setRange(0, 0);
    }
    retranslate();
}

void DemoBanner::showLoaded(const DemoInfo& info) {
    state_ = State::Loaded;
    info_ = info;
    show();
    retranslate();
}

void DemoBanner::showFailed(const QString& message) {
    state_ = State::Failed;
    error_ = message;
    show();
    retranslate();
}

void DemoBanner::retranslate() {
    cancel_->setText(tr("Cancel"));
    close_->setToolTip(tr("Hide this note"));
    progress_->setVisible(state_ == State::Building);
    cancel_->setVisible(state_ == State::Building);
    close_->setVisible(state_ != State::Building);
    const QLocale locale;
    switch (state_) {
    case State::Building: text_->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Demo:"), stageText(stage_, step_, total_, loss_).toHtmlEscaped())); break;
    case State::Loaded:
        text_->setText(QStringLiteral("<b>%1</b> %2").arg(
            tr("Demo loaded."),
            tr("A tiny Llama pretrained on this computer (held-out loss %1 → %2 in %3 steps), with sentiment and fables datasets. "
               "Nothing was downloaded.")
                .arg(locale.toString(info_.initialLoss, 'f', 2), locale.toString(info_.finalLoss, 'f', 2), locale.toString(info_.steps))
                .toHtmlEscaped()));
        break;
    case State::Failed:
        text_->setText(QStringLiteral("<b>%1</b> %2").arg(tr("The demo could not be built:"), error_.toHtmlEscaped()));
        break;
    }
}

void DemoBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QFrame::changeEvent(event);
}

} // namespace peft
