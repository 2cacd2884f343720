// SPDX-License-Identifier: MIT
// Starting hyperparameters for a model of a given size: larger models take smaller learning
// rates and smaller micro-batches (with accumulation to keep the effective batch). A starting
// point the user edits, not a tuned answer.
#pragma once

#include "core/training_types.h"

namespace peft {

/// Defaults for a model with `parameters` weights (0 = unknown: those of a small model).
TrainHyperparameters defaultHyperparameters(qint64 parameters);

/// The folder runs go to unless the user picks another: AppLocalDataLocation + "/runs".
QString defaultRunsFolder();

} // namespace peft
