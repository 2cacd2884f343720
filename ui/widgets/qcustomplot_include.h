// SPDX-License-Identifier: MIT
// Includes QCustomPlot under QT_NO_KEYWORDS: its header still uses the `signals` and `foreach`
// keywords, so they are mapped to their Q_ macros for the length of the include only.
#pragma once

#ifndef signals
#define PEFT_QCP_UNDEF_SIGNALS
#define signals Q_SIGNALS
#endif
#ifndef foreach
#define PEFT_QCP_UNDEF_FOREACH
#define foreach Q_FOREACH
#endif

#include <qcustomplot.h>

#ifdef PEFT_QCP_UNDEF_SIGNALS
#undef signals
#undef PEFT_QCP_UNDEF_SIGNALS
#endif
#ifdef PEFT_QCP_UNDEF_FOREACH
#undef foreach
#undef PEFT_QCP_UNDEF_FOREACH
#endif
