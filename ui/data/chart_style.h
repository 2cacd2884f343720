// SPDX-License-Identifier: MIT
// Colours of the Data page's charts, taken from the widget palette so that they follow the
// light or dark look like the Model page's chart.
#pragma once

#include "widgets/qcustomplot_include.h"

namespace peft::datapage {

/// Background, axes, tick labels and a dotted grid in the palette's colours.
void styleChart(QCustomPlot* plot);
/// A centred note in an empty chart ("no labels"); empty text removes it.
void setChartNote(QCustomPlot* plot, const QString& text);

} // namespace peft::datapage
