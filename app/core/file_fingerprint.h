// SPDX-License-Identifier: MIT
// Content fingerprints of the files a project refers to, so a dataset or model that changed or
// went away since a run used it is noticed when the project opens. Reads whole files: call it off
// the GUI thread.
#pragma once

#include <QString>

namespace peft {

/// Hex SHA-256 of a dataset file, or of a model folder's config.json (`kind` "model"; its weights
/// are gigabytes, and a different model has a different configuration). Empty when it cannot be read.
QString fileFingerprint(const QString& kind, const QString& path);

} // namespace peft
