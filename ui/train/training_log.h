// SPDX-License-Identifier: MIT
// The Train page's log: what the run reports (setup stages, the run's size, evaluations,
// checkpoints, the end), with warnings and errors marked in colour. Read-only; it keeps the last
// few thousand lines so a long run cannot grow it without bound.
#pragma once

#include <QPlainTextEdit>

namespace peft::train {

class TrainingLog final : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit TrainingLog(QWidget* parent = nullptr);

    void add(Level level, const QString& text);
    int warningCount() const { return warnings_; }
    int errorCount() const { return errors_; }
    /// Empties the log (a new run).
    void reset();

private:
    int warnings_ = 0;
    int errors_ = 0;
};

} // namespace peft::train
