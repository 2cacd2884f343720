// SPDX-License-Identifier: MIT
// Turns what the pages hold into a run configuration (docs/run-config.md) as JSON, so the studio
// trains through exactly the file format the CLI reads, and its checks and messages. Qt only.
#pragma once

#include "core/training_types.h"

namespace peft {

/// Why `request` cannot start yet (no model selected, no dataset, empty recipe), translated; empty
/// when it can. The engine checks everything else when the run starts.
QString missingTrainInput(const TrainRequest& request);

/// A unique run name, also a folder name: "<model>-<yyyyMMdd-HHmmss>", where <model> is `modelName`
/// (the name the Model page shows, else the folder's) with anything but letters, digits, '.',
/// '_' and '-' replaced by '-' (letters of any script: folder names are Unicode).
QString makeRunName(const QString& modelName);

/// The folder this run writes to: hyper.outputDir/name (empty when outputDir is empty).
QString runFolder(const TrainRequest& request);

/// The "training" section of a run configuration for the form's values (docs/run-config.md).
QJsonObject trainingSectionJson(const TrainHyperparameters& hyper);
/// `hyper` with the keys present in a "training" section applied (the others keep their values).
TrainHyperparameters applyTrainingSection(const QJsonObject& training, TrainHyperparameters hyper);

/// The run configuration of `request` (version 1, absolute paths).
QJsonObject runConfigJson(const TrainRequest& request);

} // namespace peft
