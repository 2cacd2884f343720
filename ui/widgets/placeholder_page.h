// SPDX-License-Identifier: MIT
// A page that later versions fill in (Data, Compose, Train, Runs, Export, Playground).
#pragma once

#include <QLabel>
#include <QWidget>

namespace peft {

class PlaceholderPage final : public QWidget {
    Q_OBJECT
public:
    /// `title` and `description` are untranslated source strings (QT_TR_NOOP).
    PlaceholderPage(const char* title, const char* description, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    const char* title_;
    const char* description_;
    QLabel* heading_;
    QLabel* text_;
};

} // namespace peft
