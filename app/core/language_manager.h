// SPDX-License-Identifier: MIT
// Switches the UI language at run time with the translations embedded under :/i18n.
#pragma once

#include <QObject>
#include <QTranslator>

namespace peft {

class LanguageManager final : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);

    /// "en", "ko", "zh_CN", or "" for the system language. Returns false when no translation
    /// for it is embedded (English stays).
    bool apply(const QString& language);
    QString current() const { return current_; }
    /// Languages offered in the menu: code and native name.
    static QList<QPair<QString, QString>> available();

private:
    QTranslator translator_;
    bool installed_ = false;
    QString current_ = QStringLiteral("en");
};

} // namespace peft
