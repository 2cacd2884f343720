// SPDX-License-Identifier: MIT
#include "core/training_request.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace peft {

namespace {
// The engine's kRunConfigVersion; written here so this Qt-only file needs no engine header.
constexpr int kRunConfigVersion = 1;
} // namespace

QString missingTrainInput(const TrainRequest& request) {
    if (request.modelDir.isEmpty()) return QCoreApplication::translate("TrainingRequest", "Select a model on the Model page first.");
    if (request.trainFile.isEmpty()) return QCoreApplication::translate("TrainingRequest", "Open a dataset on the Data page first.");
    if (request.recipe.value(QStringLiteral("modules")).toArray().isEmpty())
        return QCoreApplication::translate("TrainingRequest", "Compose a recipe on the Compose page first (for example the LoRA preset).");
    return {};
}

QString makeRunName(const QString& modelName) {
    QString base;
    for (const QChar c : modelName) {
        const bool keep = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (keep) base += c;
        else if (!base.endsWith(QLatin1Char('-'))) base += QLatin1Char('-');
    }
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.'))) base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-'))) base.chop(1);
    if (base.isEmpty()) base = QStringLiteral("run");
    return base + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QString runFolder(const TrainRequest& request) {
    if (request.hyper.outputDir.isEmpty()) return {};
    return QDir(request.hyper.outputDir).absoluteFilePath(request.name);
}

QJsonObject trainingSectionJson(const TrainHyperparameters& h) {
    return QJsonObject{{QStringLiteral("lr"), h.lr},
                       {QStringLiteral("max_steps"), h.maxSteps},
                       {QStringLiteral("epochs"), h.epochs},
                       {QStringLiteral("batch_size"), h.batchSize},
                       {QStringLiteral("grad_accum"), h.gradAccum},
                       {QStringLiteral("warmup_ratio"), h.warmupRatio},
                       {QStringLiteral("schedule"), h.schedule},
                       {QStringLiteral("eval_every"), h.evalEvery},
                       {QStringLiteral("save_every"), h.saveEvery}};
}

TrainHyperparameters applyTrainingSection(const QJsonObject& j, TrainHyperparameters h) {
    auto integer = [&j](const char* key, qint64 fallback) { return j.value(QLatin1String(key)).toInteger(fallback); };
    h.lr = j.value(QStringLiteral("lr")).toDouble(h.lr);
    h.maxSteps = integer("max_steps", h.maxSteps);
    h.epochs = integer("epochs", h.epochs);
    h.batchSize = integer("batch_size", h.batchSize);
    h.gradAccum = integer("grad_accum", h.gradAccum);
    h.warmupRatio = j.value(QStringLiteral("warmup_ratio")).toDouble(h.warmupRatio);
    h.schedule = j.value(QStringLiteral("schedule")).toString(h.schedule);
    h.evalEvery = integer("eval_every", h.evalEvery);
    h.saveEvery = integer("save_every", h.saveEvery);
    return h;
}

QJsonObject runConfigJson(const TrainRequest& request) {
    const TrainHyperparameters& h = request.hyper;
    const bool text = request.format == QLatin1String("text");
    QJsonObject data{{QStringLiteral("train_file"), QFileInfo(request.trainFile).absoluteFilePath()},
                     {QStringLiteral("format"), request.format},
                     {QStringLiteral("columns"), request.columns}};
    if (!request.evalFile.isEmpty()) data.insert(QStringLiteral("eval_file"), QFileInfo(request.evalFile).absoluteFilePath());
    // The Data page's one length means a block for packed text and an example otherwise.
    data.insert(text ? QStringLiteral("block_size") : QStringLiteral("max_length"), request.maxLength);
    if (text) data.insert(QStringLiteral("text_split"), request.textSplit);

    const QJsonObject training = trainingSectionJson(h);
    QJsonObject run{{QStringLiteral("version"), kRunConfigVersion},
                    {QStringLiteral("name"), request.name},
                    {QStringLiteral("model"), QFileInfo(request.modelDir).absoluteFilePath()},
                    {QStringLiteral("device"), QStringLiteral("auto")},
                    {QStringLiteral("data"), data},
                    {QStringLiteral("recipe"), request.recipe},
                    {QStringLiteral("training"), training},
                    {QStringLiteral("seed"), qint64(h.seed)},
                    {QStringLiteral("threads"), h.threads}};
    const QString folder = runFolder(request);
    if (!folder.isEmpty()) run.insert(QStringLiteral("output_dir"), folder);
    return run;
}

} // namespace peft
