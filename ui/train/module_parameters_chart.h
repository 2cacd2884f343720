// SPDX-License-Identifier: MIT
// The Train page's "trainable parameters per module" chart: one horizontal bar per recipe module
// (in recipe order, top to bottom), labelled with its name and count, so what a run trains is
// seen next to how it trains.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QCustomPlot;

namespace peft::train {

/// Draws `modules` (name, trainable parameters) as bars on `plot`, replacing what it showed;
/// an empty list clears it. `axisLabel` names the value axis.
void drawModuleParameters(QCustomPlot* plot, const QList<QPair<QString, qint64>>& modules, const QString& axisLabel);

} // namespace peft::train
