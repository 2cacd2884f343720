// SPDX-License-Identifier: MIT
// Translated display names of module kinds, presets and site roles (the engine's names stay
// the identifiers; these are what users read).
#pragma once

#include <QString>

namespace peft::compose {

QString kindTitle(const QString& kind);    ///< "low_rank" -> "LoRA"
QString kindTooltip(const QString& kind);  ///< one line on what the module does
QString presetTitle(const QString& preset);///< "mam" -> "MAM adapter"
QString roleTitle(const QString& role);    ///< "attn_norm" -> "attention norm"
/// 1234567 -> "1,234,567" in every language, like the CLI and PEFT's summary line.
QString thousands(qint64 value);
/// 1536 -> "1.5 KiB".
QString bytesText(qint64 bytes);

} // namespace peft::compose
