// SPDX-License-Identifier: MIT
// What a project file holds, as plain Qt values: run summaries for the Runs page, the metric
// series of one run, checkpoints, exports. No engine types, no LibTorch: the CLI, the storage
// thread and widgets all use these.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace peft::project {

/// The life of a run as the project records it. Interrupted: the process that ran it died
/// (crash, SIGKILL, power loss) while it was Running; it can resume from its last checkpoint.
enum class RunStatus { Queued, Running, Paused, Finished, Cancelled, Failed, Interrupted };

/// Lower-case names stored in the file ("queued", "running", ...); unknown text reads as Failed.
QString runStatusName(RunStatus status);
RunStatus runStatusFromName(const QString& name);

/// One row of the runs table: everything the Runs page's table and scatter plot need, kept up to
/// date in the runs table itself so the page never scans metric points to draw.
struct RunSummary {
    qint64 id = 0;
    QString name;
    RunStatus status = RunStatus::Queued;
    QString method;              ///< the recipe's name, e.g. "lora" or "houlsby + prefix"
    QString modelPath;
    QString datasetPath;         ///< the train file
    QString task;                ///< "classification" or "causal_lm"; empty before setup
    qint64 trainableParameters = 0;
    qint64 totalParameters = 0;
    qint64 totalSteps = 0;
    qint64 stepsDone = 0;        ///< the last recorded step
    qint64 trainExamples = 0;
    qint64 examplesPerStep = 0;  ///< batch size × gradient accumulation (for the epoch axis)
    QString bestMetricName;      ///< "accuracy" (classification) or "perplexity" (causal LM); empty = none yet
    double bestMetric = 0;
    qint64 bestStep = 0;
    double lastLoss = 0;
    double wallSeconds = 0;      ///< training time so far (setup excluded)
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime endedAt;           ///< invalid while running
    QString outputDir;           ///< the run's folder (checkpoints, results.json)
    QString message;             ///< why it failed or was interrupted

    double trainablePercent() const {
        return totalParameters > 0 ? 100.0 * double(trainableParameters) / double(totalParameters) : 0;
    }
    /// Higher is better for accuracy, lower for perplexity.
    bool higherIsBetter() const { return bestMetricName != QLatin1String("perplexity"); }
};

/// One optimizer step as stored (the engine's StepMetrics plus cumulative input tokens).
struct StepRecord {
    qint64 step = 0;
    double loss = 0;
    double lr = 0;
    double gradNorm = 0;
    double tokensPerSecond = 0;
    double samplesPerSecond = 0;
    double elapsed = 0;          ///< seconds since the (resumed) loop started
    qint64 tokensSeen = 0;       ///< input tokens seen up to and including this step
};

/// One evaluation as stored.
struct EvalRecord {
    qint64 step = 0;
    double loss = 0;
    double accuracy = 0;
    double f1 = 0;
    double matthews = 0;
    double perplexity = 0;
};

/// Every point of one run, in step order.
struct RunSeries {
    qint64 runId = 0;
    QList<StepRecord> steps;
    QList<EvalRecord> evals;
};

struct CheckpointRecord {
    qint64 runId = 0;
    qint64 step = 0;
    QString path;
    QDateTime createdAt;
};

struct ExportRecord {
    qint64 runId = 0;
    QString format;              ///< "peft", "adapterhub", "merged", "studio"
    QString path;
    double maxLogitDifference = 0; ///< what the reload check measured
    QDateTime createdAt;
};

/// A model or dataset the project refers to: the path and a content hash, so a moved or changed
/// file is noticed when the project opens.
struct ReferencedFile {
    QString kind;                ///< "model" or "dataset"
    QString path;
    QString hash;                ///< hex SHA-256 of the file (models: of config.json)
    QDateTime addedAt;
};

/// A run about to be recorded: what is known before its first step.
struct NewRun {
    QString name;                ///< unique in the project; the caller makes one (makeRunName)
    QJsonObject config;          ///< the full run configuration (docs/run-config.md)
    QString method;
    QString modelPath;
    QString datasetPath;
    QString outputDir;
    qint64 examplesPerStep = 0;
};

} // namespace peft::project

Q_DECLARE_METATYPE(peft::project::RunSummary)
Q_DECLARE_METATYPE(peft::project::RunSeries)
Q_DECLARE_METATYPE(peft::project::StepRecord)
Q_DECLARE_METATYPE(peft::project::EvalRecord)
Q_DECLARE_METATYPE(peft::project::CheckpointRecord)
Q_DECLARE_METATYPE(peft::project::ExportRecord)
Q_DECLARE_METATYPE(peft::project::ReferencedFile)
Q_DECLARE_METATYPE(peft::project::NewRun)
