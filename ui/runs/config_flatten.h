// SPDX-License-Identifier: MIT
// A run configuration (nested JSON) as dotted keys and display texts, for the side-by-side diff:
// {"peft":{"lora":{"r":8}}} -> "peft.lora.r" = "8"; arrays index as "targets[0]".
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace peft::runs {

/// Every leaf of `config` by its dotted path, sorted by key. Strings appear as they are, other
/// values as compact JSON; empty objects and arrays are leaves ("{}", "[]").
QMap<QString, QString> flattenConfig(const QJsonObject& config);

} // namespace peft::runs
