// SPDX-License-Identifier: MIT
#include "core/language_manager.h"

#include <QCoreApplication>
#include <QLocale>

namespace peft {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QList<QPair<QString, QString>> LanguageManager::available() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ko"), QStringLiteral("한국어")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

bool LanguageManager::apply(const QString& requested) {
    QString language = requested;
    if (language.isEmpty()) {
        const QString system = QLocale::system().name(); // e.g. ko_KR, zh_CN
        language = system.startsWith(QStringLiteral("ko")) ? QStringLiteral("ko")
                   : system.startsWith(QStringLiteral("zh")) ? QStringLiteral("zh_CN")
                                                               : QStringLiteral("en");
    }
    if (installed_) {
        QCoreApplication::removeTranslator(&translator_);
        installed_ = false;
    }
    current_ = QStringLiteral("en");
    if (language == QStringLiteral("en")) return true;
    if (!translator_.load(QStringLiteral(":/i18n/peft_studio_") + language + QStringLiteral(".qm"))) return false;
    QCoreApplication::installTranslator(&translator_);
    installed_ = true;
    current_ = language;
    return true;
}

} // namespace peft
