// SPDX-License-Identifier: MIT
#include "train/training_log.h"

#include <QFontDatabase>
#include <QTime>

namespace peft::train {

namespace {
constexpr int kMaxLines = 5000;
}

TrainingLog::TrainingLog(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("trainingLog"));
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void TrainingLog::add(Level level, const QString& text) {
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    QString line = QStringLiteral("%1  %2").arg(time, text.toHtmlEscaped());
    if (level == Level::Warning) {
        ++warnings_;
        line = QStringLiteral("<span style=\"color:#b36b00\">%1</span>").arg(line);
    } else if (level == Level::Error) {
        ++errors_;
        line = QStringLiteral("<span style=\"color:#c62828;font-weight:bold\">%1</span>").arg(line);
    }
    appendHtml(line);
}

void TrainingLog::reset() {
    clear();
    warnings_ = errors_ = 0;
}

} // namespace peft::train
