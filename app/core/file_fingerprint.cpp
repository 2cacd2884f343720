// SPDX-License-Identifier: MIT
#include "core/file_fingerprint.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLatin1String>

namespace peft {

QString fileFingerprint(const QString& kind, const QString& path) {
    QFile file(kind == QLatin1String("model") ? path + QStringLiteral("/config.json") : path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace peft
