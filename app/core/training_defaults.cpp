// SPDX-License-Identifier: MIT
#include "core/training_defaults.h"

#include <QStandardPaths>
#include <QThread>

namespace peft {

TrainHyperparameters defaultHyperparameters(qint64 parameters) {
    TrainHyperparameters h;
    h.threads = QThread::idealThreadCount();
    h.outputDir = defaultRunsFolder();
    h.warmupRatio = 0.06;
    h.schedule = QStringLiteral("linear");
    // Sizes follow the usual PEFT practice: a tiny model (the demo, stories260K) learns a task in a
    // few hundred steps at a high rate; a 7B model with LoRA wants ~2e-4 and batch 1 × 16.
    if (parameters > 0 && parameters < 20'000'000) {
        h.lr = 3e-3;
        h.batchSize = 16;
        h.gradAccum = 1;
        h.maxSteps = 150;
        h.evalEvery = 30;
        h.saveEvery = 30;
    } else if (parameters == 0 || parameters < 400'000'000) {
        h.lr = 1e-3;
        h.batchSize = 8;
        h.gradAccum = 2;
        h.maxSteps = 500;
        h.evalEvery = 100;
        h.saveEvery = 100;
    } else if (parameters < 3'000'000'000) {
        h.lr = 3e-4;
        h.batchSize = 4;
        h.gradAccum = 4;
        h.maxSteps = 1000;
        h.evalEvery = 200;
        h.saveEvery = 200;
    } else {
        h.lr = 2e-4;
        h.batchSize = 1;
        h.gradAccum = 16;
        h.maxSteps = 1000;
        h.evalEvery = 200;
        h.saveEvery = 200;
    }
    return h;
}

QString defaultRunsFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/runs");
}

} // namespace peft
