// SPDX-License-Identifier: MIT
#include "widgets/project_controller.h"

#include "compose/compose_page.h"
#include "core/recipe_document.h"
#include "core/run_recorder.h"
#include "core/dataset_session.h"
#include "core/file_fingerprint.h"
#include "core/studio_settings.h"
#include "core/training_controller.h"
#include "core/training_request.h"
#include "data/data_page.h"
#include "project/project_database.h"
#include "project/project_store.h"
#include "train/hyperparameter_form.h"
#include "train/train_page.h"
#include "widgets/main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

namespace peft {

using project::ProjectStore;

namespace {

QString projectFilter() {
    return QCoreApplication::translate("ProjectController", "PEFT Studio projects (*.%1)").arg(QLatin1String(project::kProjectSuffix));
}

QString withSuffix(QString path) {
    const QString suffix = QLatin1Char('.') + QLatin1String(project::kProjectSuffix);
    if (!path.endsWith(suffix)) path += suffix;
    return path;
}

/// The Train page's form as saved in the project: the run configuration's training section plus
/// the settings that sit at its top level (seed, threads, runs folder) and the evaluation file.
QJsonObject hyperparametersJson(const TrainHyperparameters& h, const QString& evalFile) {
    QJsonObject j = trainingSectionJson(h);
    j.insert(QStringLiteral("seed"), QString::number(h.seed)); // 64-bit: JSON numbers are doubles
    j.insert(QStringLiteral("threads"), h.threads);
    j.insert(QStringLiteral("output_dir"), h.outputDir);
    j.insert(QStringLiteral("eval_file"), evalFile);
    return j;
}

TrainHyperparameters hyperparametersFrom(const QJsonObject& j, const TrainHyperparameters& current) {
    TrainHyperparameters h = applyTrainingSection(j, current);
    h.seed = j.value(QStringLiteral("seed")).toString().toULongLong();
    h.threads = int(j.value(QStringLiteral("threads")).toInteger(h.threads));
    h.outputDir = j.value(QStringLiteral("output_dir")).toString(h.outputDir);
    return h;
}

} // namespace

ProjectController::ProjectController(MainWindow* window, StudioSettings* settings, QObject* parent)
    : QObject(parent), window_(window), settings_(settings), store_(new ProjectStore(this)),
      recorder_(new RunRecorder(window->trainPage()->controller(), store_, this)) {
    connect(store_, &ProjectStore::opened, this, [this](const QString& path, int interrupted) {
        settings_->addRecentProject(path);
        saved_.clear();
        store_->loadReferences();
        if (restoreNext_) store_->loadUiState();
        else autosave(); // the pages hold what the command line asked for
        Q_EMIT projectOpened(path);
        if (interrupted > 0)
            Q_EMIT statusMessage(tr("%n run(s) were interrupted when the studio or the command line stopped; "
                                    "resume them on the Runs page.", nullptr, interrupted));
        else Q_EMIT statusMessage(tr("Opened project %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(store_, &ProjectStore::openFailed, this, [this](const QString& path, const QString& message) {
        settings_->removeRecentProject(path);
        Q_EMIT statusMessage(message);
        QMessageBox::warning(dialogParent(), tr("Cannot Open Project"), message);
    });
    connect(store_, &ProjectStore::savedAs, this, [this](const QString& path) {
        settings_->addRecentProject(path);
        Q_EMIT projectOpened(path);
        Q_EMIT statusMessage(tr("Project saved as %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(store_, &ProjectStore::error, this, [this](const QString& message) { Q_EMIT statusMessage(message); });
    connect(store_, &ProjectStore::uiStateLoaded, this, &ProjectController::applyUiState);
    connect(store_, &ProjectStore::referencesLoaded, this, &ProjectController::checkReferences);

    connect(window_->trainPage(), &train::TrainPage::runStarted, this, &ProjectController::recordStartedRun);
    connect(window_->trainPage(), &train::TrainPage::queueRequested, this, &ProjectController::queueRun);
    connect(store_, &ProjectStore::runCreated, this, [this](qint64 requestId, qint64 runId) {
        if (!queued_.contains(requestId)) return;
        const QString name = queued_.take(requestId);
        if (runId == 0) return; // the store's error() said why
        const QString command = QStringLiteral("peft-studio-cli project run \"%1\" %2").arg(QDir::toNativeSeparators(path())).arg(runId);
        window_->trainPage()->showQueued(name, command);
        Q_EMIT runsChanged();
    });

    // Resuming a run: its configuration, then its checkpoints, then its points, then start.
    connect(store_, &ProjectStore::runConfigLoaded, this, [this](qint64 runId, const QJsonObject& config) {
        if (runId != resumingRun_ || resumeStage_ != ResumeStage::Config) return;
        if (config.isEmpty()) {
            resumingRun_ = 0;
            resumeStage_ = ResumeStage::None;
            Q_EMIT statusMessage(tr("The run's configuration is missing from the project; it cannot be resumed."));
            return;
        }
        resumeConfig_ = config;
        resumeStage_ = ResumeStage::Checkpoints;
        store_->loadCheckpoints(runId);
    });
    connect(store_, &ProjectStore::checkpointsLoaded, this, [this](qint64 runId, const QList<project::CheckpointRecord>& list) {
        if (runId != resumingRun_ || resumeStage_ != ResumeStage::Checkpoints) return;
        resumeCheckpoint_ = {};
        for (const auto& c : list)
            if (QFileInfo(c.path).isDir() && c.step >= resumeCheckpoint_.step) resumeCheckpoint_ = c;
        if (resumeCheckpoint_.path.isEmpty()) {
            resumingRun_ = 0;
            resumeStage_ = ResumeStage::None;
            QMessageBox::warning(dialogParent(), tr("Cannot Resume"),
                                 tr("No checkpoint of this run is left on disk, so it cannot continue where it stopped. "
                                    "Start it again from the Train page."));
            return;
        }
        resumeStage_ = ResumeStage::Series;
        store_->loadSeries({runId});
    });
    connect(store_, &ProjectStore::seriesLoaded, this, [this](const QList<project::RunSeries>& all) {
        if (resumingRun_ == 0 || resumeStage_ != ResumeStage::Series) return;
        for (const auto& series : all) {
            if (series.runId != resumingRun_) continue;
            const qint64 runId = std::exchange(resumingRun_, 0);
            resumeStage_ = ResumeStage::None;
            const qint64 at = resumeCheckpoint_.step;
            TrainingHistory previous;
            QList<TrainPoint> points;
            qint64 tokens = 0;
            double elapsed = 0;
            for (const auto& s : series.steps) {
                if (s.step > at) break;
                elapsed = s.elapsed;
                points << TrainPoint{s.step, s.loss, s.lr, s.gradNorm, s.tokensPerSecond, s.samplesPerSecond, s.elapsed,
                                     s.tokensSeen - tokens};
                tokens = s.tokensSeen;
            }
            previous.appendSteps(points);
            for (const auto& e : series.evals)
                if (e.step <= at)
                    previous.appendEval(EvalPoint{e.step, e.loss, e.accuracy, e.f1, e.matthews, e.perplexity, e.accuracy > 0});
            const QString name = resumeConfig_.value(QStringLiteral("name")).toString();
            const QString folder = resumeConfig_.value(QStringLiteral("output_dir")).toString();
            if (!window_->trainPage()->resumeRun(resumeConfig_, name, folder, resumeCheckpoint_.path, previous)) {
                Q_EMIT statusMessage(tr("A run is already training; stop it before resuming another."));
                return;
            }
            recorder_->recordResumed(runId, at, tokens, elapsed);
            window_->showPage(QStringLiteral("train"));
            Q_EMIT statusMessage(tr("Resuming %1 from step %2").arg(name).arg(at));
            return;
        }
    });

    // The Runs page follows the run being recorded: when it appears, every few seconds while it
    // trains (its row's steps and best metric), and when it ends.
    connect(recorder_, &RunRecorder::runRecorded, this, &ProjectController::runsChanged);
    TrainingController* training = window_->trainPage()->controller();
    runsRefresh_.setInterval(2000);
    connect(&runsRefresh_, &QTimer::timeout, this, [this] {
        if (recorder_->isRecording()) Q_EMIT runsChanged();
    });
    runsRefresh_.start();
    connect(training, &TrainingController::finished, this, &ProjectController::runsChanged);
    connect(training, &TrainingController::failed, this, &ProjectController::runsChanged);

    // Autosave: the pages' state is compared with what was last written every few seconds, and
    // on close; only a change is written (one small row per page).
    autosaveTimer_.setInterval(3000);
    connect(&autosaveTimer_, &QTimer::timeout, this, &ProjectController::autosave);
    autosaveTimer_.start();
}

ProjectController::~ProjectController() = default;

QString ProjectController::path() const { return store_->path(); }

QString ProjectController::defaultProjectPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/projects/Untitled.") +
           QLatin1String(project::kProjectSuffix);
}

QWidget* ProjectController::dialogParent() const { return window_; }

void ProjectController::openProject(const QString& path, bool create, bool restoreUi) {
    restoreNext_ = restoreUi;
    if (store_->isOpen()) autosave();
    recorder_->detach();
    QDir().mkpath(QFileInfo(path).absolutePath());
    store_->open(QFileInfo(path).absoluteFilePath(), create);
}

void ProjectController::openStartupProject(bool restoreUi) {
    for (const QString& path : settings_->recentProjects())
        if (QFileInfo::exists(path)) return openProject(path, false, restoreUi);
    openProject(defaultProjectPath(), true, restoreUi);
}

void ProjectController::newProjectDialog() {
    const QString file = QFileDialog::getSaveFileName(dialogParent(), tr("New Project"), QFileInfo(path()).absolutePath(), projectFilter());
    if (file.isEmpty()) return;
    const QString target = withSuffix(file);
    if (QFileInfo::exists(target) && !QFile::remove(target)) { // the dialog asked to replace it
        QMessageBox::warning(dialogParent(), tr("New Project"), tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(target)));
        return;
    }
    openProject(target, true);
}

void ProjectController::openProjectDialog() {
    const QString file = QFileDialog::getOpenFileName(dialogParent(), tr("Open Project"), QFileInfo(path()).absolutePath(), projectFilter());
    if (!file.isEmpty()) openProject(file);
}

void ProjectController::saveAsDialog() {
    const QString file = QFileDialog::getSaveFileName(dialogParent(), tr("Save Project As"), QFileInfo(path()).absolutePath(), projectFilter());
    if (file.isEmpty()) return;
    const QString target = withSuffix(file);
    if (QFileInfo(target) == QFileInfo(path())) return;
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        QMessageBox::warning(dialogParent(), tr("Save Project As"), tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(target)));
        return;
    }
    autosave();
    store_->saveAs(target);
}

QHash<QString, QJsonObject> ProjectController::captureUiState() const {
    QHash<QString, QJsonObject> state;
    state.insert(QStringLiteral("window"), QJsonObject{{QStringLiteral("page"), window_->currentPageKey()}});
    state.insert(QStringLiteral("model"), QJsonObject{{QStringLiteral("path"), window_->trainPage()->modelDir()}});
    const DatasetSession* data = window_->dataPage()->session();
    QJsonObject columns;
    const DatasetMapping mapping = data->mapping();
    for (auto it = mapping.begin(); it != mapping.end(); ++it) columns.insert(it.key(), it.value());
    state.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("file"), data->path()},
                                                     {QStringLiteral("format"), data->format()},
                                                     {QStringLiteral("columns"), columns},
                                                     {QStringLiteral("max_length"), data->maxLength()},
                                                     {QStringLiteral("text_split"), data->textSplit()}});
    state.insert(QStringLiteral("recipe"), window_->composePage()->document()->toJson());
    const train::HyperparameterForm* form = window_->trainPage()->form();
    state.insert(QStringLiteral("train"), hyperparametersJson(form->values(), form->evalFile()));
    return state;
}

void ProjectController::autosave() {
    if (!store_->isOpen() || restoring_) return;
    const auto state = captureUiState();
    for (auto it = state.begin(); it != state.end(); ++it) {
        if (saved_.value(it.key()) == it.value()) continue;
        store_->setUiState(it.key(), it.value());
        saved_.insert(it.key(), it.value());
    }
}

void ProjectController::applyUiState(const QHash<QString, QJsonObject>& state) {
    restoring_ = true;
    saved_ = state;
    const QString model = state.value(QStringLiteral("model")).value(QStringLiteral("path")).toString();
    if (!model.isEmpty() && QFileInfo::exists(model + QStringLiteral("/config.json"))) window_->useModel(model);

    const QJsonObject recipe = state.value(QStringLiteral("recipe"));
    if (recipe.contains(QStringLiteral("modules"))) window_->composePage()->document()->setJson(recipe);

    // The form after the model: a new model resets it to that size's defaults.
    if (state.contains(QStringLiteral("train"))) {
        const QJsonObject train = state.value(QStringLiteral("train"));
        train::HyperparameterForm* form = window_->trainPage()->form();
        form->setValues(hyperparametersFrom(train, form->values()));
        form->setEvalFile(train.value(QStringLiteral("eval_file")).toString());
    }

    // The dataset opens off the GUI thread; its format and columns apply once it is in.
    const QJsonObject data = state.value(QStringLiteral("data"));
    const QString file = data.value(QStringLiteral("file")).toString();
    DatasetSession* session = window_->dataPage()->session();
    if (!file.isEmpty() && QFileInfo::exists(file) && file != session->path()) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(session, &DatasetSession::opened, this, [session, data, connection] {
            QObject::disconnect(*connection);
            session->setFormat(data.value(QStringLiteral("format")).toString());
            const QJsonObject columns = data.value(QStringLiteral("columns")).toObject();
            for (auto it = columns.begin(); it != columns.end(); ++it) session->setRole(it.key(), it.value().toString());
            session->setTextSplit(data.value(QStringLiteral("text_split")).toString(session->textSplit()));
            session->setMaxLength(data.value(QStringLiteral("max_length")).toInteger(session->maxLength()));
        });
        window_->dataPage()->openFile(file);
    }
    const QString page = state.value(QStringLiteral("window")).value(QStringLiteral("page")).toString();
    if (!page.isEmpty()) window_->showPage(page);
    restoring_ = false;
    Q_EMIT uiStateRestored();
}

void ProjectController::queueRun(const TrainRequest& request) {
    if (store_->path().isEmpty()) {
        Q_EMIT statusMessage(tr("Open or create a project first (File menu): queued runs are kept in it."));
        return;
    }
    static qint64 nextQueueRequest = 1'000'000'000; // apart from the recorder's request ids
    const qint64 requestId = nextQueueRequest++;
    queued_.insert(requestId, request.name);
    RunRecorder::NewRunInfo info = newRunInfo(request);
    project::NewRun run;
    run.name = info.name;
    run.config = info.config;
    run.method = info.method;
    run.modelPath = info.modelPath;
    run.datasetPath = info.datasetPath;
    run.outputDir = info.outputDir;
    run.examplesPerStep = info.examplesPerStep;
    store_->createRun(requestId, run);
}

void ProjectController::recordStartedRun(const TrainRequest& request) {
    if (store_->path().isEmpty()) return; // no project (calls queue behind one still opening)
    const RunRecorder::NewRunInfo info = newRunInfo(request);
    recorder_->recordNew(info);
    // The recipe is kept in the project's recipes under its name (or the run's), so a project
    // holds every recipe its runs used even after the Compose page moves on.
    const QString recipeName = request.recipe.value(QStringLiteral("name")).toString();
    store_->saveRecipe(recipeName.isEmpty() ? info.name : recipeName, request.recipe);
    // The model and dataset are recorded with a fingerprint, computed off the GUI thread.
    QPointer<ProjectController> self(this);
    const QString project = path();
    const QList<std::pair<QString, QString>> files{{QStringLiteral("model"), request.modelDir},
                                                   {QStringLiteral("dataset"), request.trainFile}};
    (void)QtConcurrent::run([self, project, files] {
        for (const auto& [kind, file] : files) {
            const project::ReferencedFile ref{kind, file, fileFingerprint(kind, file), QDateTime::currentDateTimeUtc()};
            QMetaObject::invokeMethod(self, [self, project, ref] {
                if (self && self->path() == project) self->store_->addReference(ref);
            }, Qt::QueuedConnection);
        }
    });
}

void ProjectController::checkReferences(const QList<project::ReferencedFile>& files) {
    QPointer<ProjectController> self(this);
    const QString project = path();
    (void)QtConcurrent::run([self, project, files] {
        QStringList missing, changed;
        for (const auto& f : files) {
            const QString now = fileFingerprint(f.kind, f.path);
            if (now.isEmpty()) missing << QDir::toNativeSeparators(f.path);
            else if (!f.hash.isEmpty() && now != f.hash) changed << QDir::toNativeSeparators(f.path);
        }
        if (missing.isEmpty() && changed.isEmpty()) return;
        QMetaObject::invokeMethod(self, [self, project, missing, changed] {
            if (!self || self->path() != project) return;
            QStringList parts;
            if (!missing.isEmpty()) parts << tr("missing: %1").arg(missing.join(QStringLiteral(", ")));
            if (!changed.isEmpty()) parts << tr("changed since a run used them: %1").arg(changed.join(QStringLiteral(", ")));
            Q_EMIT self->referencesChanged(missing, changed);
            Q_EMIT self->statusMessage(tr("Files of this project: %1").arg(parts.join(QStringLiteral("; "))));
        }, Qt::QueuedConnection);
    });
}

RunRecorder::NewRunInfo ProjectController::newRunInfo(const TrainRequest& request) {
    RunRecorder::NewRunInfo info;
    info.config = runConfigJson(request);
    info.name = request.name;
    info.method = request.recipe.value(QStringLiteral("name")).toString();
    if (info.method.isEmpty()) {
        QStringList kinds;
        for (const auto& m : request.recipe.value(QStringLiteral("modules")).toArray())
            if (const QString kind = m.toObject().value(QStringLiteral("kind")).toString(); kind != QLatin1String("task_head"))
                kinds << kind;
        kinds.removeDuplicates();
        info.method = kinds.join(QStringLiteral(" + "));
    }
    info.modelPath = request.modelDir;
    info.datasetPath = request.trainFile;
    info.outputDir = runFolder(request);
    info.examplesPerStep = request.hyper.batchSize * request.hyper.gradAccum;
    return info;
}

void ProjectController::resumeRun(qint64 runId) {
    if (window_->trainPage()->controller()->isActive()) {
        QMessageBox::information(dialogParent(), tr("Resume Run"), tr("A run is training; stop it before resuming another."));
        return;
    }
    resumingRun_ = runId;
    resumeStage_ = ResumeStage::Config;
    store_->loadRunConfig(runId);
}

} // namespace peft
