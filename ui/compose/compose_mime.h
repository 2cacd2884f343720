// SPDX-License-Identifier: MIT
// The drag payload of the composer's palette: "module:<kind>" or "preset:<name>" under a MIME
// type of our own, so drops from other programs are ignored.
#pragma once

#include <QMimeData>
#include <QString>

namespace peft::compose {

inline constexpr char kModuleMimeType[] = "application/x-peft-studio-module";

struct PalettePayload {
    bool preset = false; ///< a preset (expands into its modules) rather than one module kind
    QString name;        ///< module kind ("low_rank") or preset name ("mam")
    bool valid() const { return !name.isEmpty(); }
    QString encode() const { return (preset ? QStringLiteral("preset:") : QStringLiteral("module:")) + name; }
};

inline PalettePayload decodePayload(const QString& text) {
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0) return {};
    const QString type = text.left(colon);
    if (type != QLatin1String("module") && type != QLatin1String("preset")) return {};
    return {type == QLatin1String("preset"), text.mid(colon + 1)};
}

inline PalettePayload payloadOf(const QMimeData* mime) {
    if (!mime || !mime->hasFormat(QLatin1String(kModuleMimeType))) return {};
    return decodePayload(QString::fromUtf8(mime->data(QLatin1String(kModuleMimeType))));
}

/// A QMimeData carrying `payload` (the caller owns it).
inline QMimeData* makeMimeData(const PalettePayload& payload) {
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(kModuleMimeType), payload.encode().toUtf8());
    return mime;
}

} // namespace peft::compose
