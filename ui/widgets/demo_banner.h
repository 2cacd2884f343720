// SPDX-License-Identifier: MIT
// A slim, non-modal strip above the pages for the demo: while it builds, the stage, a progress
// bar and Cancel; once loaded, what the demo is (with its measured losses) and a close button.
#pragma once

#include "core/demo_builder.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace peft {

class DemoBanner final : public QFrame {
    Q_OBJECT
public:
    explicit DemoBanner(QWidget* parent = nullptr);

    void showBuilding();
    void showProgress(DemoBuilder::Stage stage, qint64 step, qint64 total, double loss);
    void showLoaded(const DemoInfo& info);
    void showFailed(const QString& message);

    /// The translated words for a stage ("Pretraining the tiny Llama: step 12 of 200").
    static QString stageText(DemoBuilder::Stage stage, qint64 step, qint64 total, double loss);

    QLabel* textLabel() const { return text_; }
    QProgressBar* progressBar() const { return progress_; }

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class State { Building, Loaded, Failed };
    void retranslate();

    QLabel* text_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QToolButton* close_;
    State state_ = State::Building;
    // What the text is made of, kept so a language switch can rewrite it.
    DemoBuilder::Stage stage_ = DemoBuilder::Stage::Corpus;
    qint64 step_ = 0;
    qint64 total_ = 0;
    double loss_ = 0;
    DemoInfo info_;
    QString error_;
};

} // namespace peft
