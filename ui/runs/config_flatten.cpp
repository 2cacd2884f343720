// SPDX-License-Identifier: MIT
#include "runs/config_flatten.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace peft::runs {

namespace {

QString leafText(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return QString::number(d, 'g', 12);
    }
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QStringLiteral("[]");
    case QJsonValue::Object: return QStringLiteral("{}");
    case QJsonValue::Undefined: break;
    }
    return {};
}

void flatten(const QJsonValue& v, const QString& key, QMap<QString, QString>& out) {
    if (v.isObject() && !v.toObject().isEmpty()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(it.value(), key.isEmpty() ? it.key() : key + QLatin1Char('.') + it.key(), out);
        return;
    }
    if (v.isArray() && !v.toArray().isEmpty()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) flatten(a.at(i), QStringLiteral("%1[%2]").arg(key).arg(i), out);
        return;
    }
    out.insert(key, leafText(v));
}

} // namespace

QMap<QString, QString> flattenConfig(const QJsonObject& config) {
    QMap<QString, QString> out;
    if (config.isEmpty()) return out;
    flatten(QJsonValue(config), QString(), out);
    return out;
}

} // namespace peft::runs
