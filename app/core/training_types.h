// SPDX-License-Identifier: MIT
// Plain values of a training run as the studio sees them: the Train page's settings, what a run
// is built from, and the points it reports. Qt types only (the engine's StepMetrics, EvalMetrics
// and RunInfo are converted in training_worker.cpp), so widgets can hold them.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QMetaType>
#include <QString>

namespace peft {

/// The Train page's form: the "training" section of a run configuration plus seed, threads and
/// where the run goes.
struct TrainHyperparameters {
    double lr = 1e-3;
    qint64 maxSteps = 200;      ///< optimizer steps; 0 = run `epochs` epochs
    qint64 epochs = 1;
    qint64 batchSize = 8;
    qint64 gradAccum = 1;
    double warmupRatio = 0.06;  ///< fraction of the steps with a linear warmup
    QString schedule = QStringLiteral("linear"); ///< the engine's names: "constant", "linear", "cosine"
    qint64 evalEvery = 50;      ///< steps between evaluations; 0 = only at the end
    qint64 saveEvery = 50;      ///< steps between checkpoints (what a crashed run resumes from); 0 = only at the end
    quint64 seed = 0;
    int threads = 0;            ///< torch intra-op threads; 0 = the cores
    QString outputDir;          ///< the runs folder; each run gets its own subfolder

    bool operator==(const TrainHyperparameters&) const = default;
};

/// Everything one run is built from: the Model, Data and Compose pages' state and the form.
struct TrainRequest {
    QString name;               ///< the run's name (also its folder under outputDir)
    QString modelDir;
    QString trainFile;
    QString evalFile;           ///< optional
    QString format;             ///< the engine's data format name
    QJsonObject columns;        ///< role -> column name
    qint64 maxLength = 128;     ///< examples (classification, instructions) or blocks (text)
    QString textSplit = QStringLiteral("paragraphs");
    QJsonObject recipe;         ///< the engine's recipe JSON ("version", "name", "modules")
    TrainHyperparameters hyper;
};

/// One optimizer step (the engine's StepMetrics).
struct TrainPoint {
    qint64 step = 0;
    double loss = 0;
    double lr = 0;
    double gradNorm = 0;
    double tokensPerSecond = 0;
    double samplesPerSecond = 0;
    double elapsed = 0;         ///< seconds since the loop started (pauses included)
    qint64 tokens = 0;          ///< input tokens (non-padding) of this step
};

/// One evaluation (the engine's EvalMetrics); the classification or causal-LM fields are set.
struct EvalPoint {
    qint64 step = 0;
    double loss = 0;
    double accuracy = 0;
    double f1 = 0;
    double matthews = 0;
    double perplexity = 0;
    bool classification = false;
};

/// What the run set up, reported once before its first step (the engine's RunInfo).
struct TrainSetupInfo {
    QString task;               ///< "classification" or "causal_lm"
    QString device;
    QString recipeName;
    qint64 trainExamples = 0;
    qint64 evalExamples = 0;
    qint64 rowsSkipped = 0;
    qint64 trainableParameters = 0;
    qint64 totalParameters = 0;
    qint64 totalSteps = 0;
    double setupSeconds = 0;
    /// Trainable parameters per recipe module, in recipe order (the Train page's bar chart).
    QList<QPair<QString, qint64>> moduleParameters;
};

} // namespace peft

Q_DECLARE_METATYPE(peft::TrainPoint)
Q_DECLARE_METATYPE(peft::EvalPoint)
Q_DECLARE_METATYPE(peft::TrainSetupInfo)
