// SPDX-License-Identifier: MIT
// The studio's side of projects: which project file is open (the last one at start, else a new
// "Untitled" one in the studio's data folder), File > New / Open / Open Recent / Save As, the
// autosave of what the pages hold (model, dataset and mapping, recipe, training form, page) as the
// project's UI state, restoring it when a project opens, and recording every run the Train page
// starts. All file work happens on the ProjectStore's storage thread.
#pragma once

#include "core/run_recorder.h"
#include "project/project_types.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

class QWidget;

namespace peft {

class MainWindow;
class StudioSettings;
struct TrainRequest;

namespace project {
class ProjectStore;
}

class ProjectController final : public QObject {
    Q_OBJECT
public:
    ProjectController(MainWindow* window, StudioSettings* settings, QObject* parent = nullptr);
    ~ProjectController() override;

    project::ProjectStore* store() const { return store_; }
    RunRecorder* recorder() const { return recorder_; }
    QString path() const;
    /// The project a studio starts with when none is named: Untitled.peftproj in the data folder.
    static QString defaultProjectPath();

    /// Opens `path` (creating it when `create`); with `restoreUi` the pages take its saved state,
    /// else the project takes theirs (the command line set them).
    void openProject(const QString& path, bool create = false, bool restoreUi = true);
    /// The last project, else the default one (created when missing).
    void openStartupProject(bool restoreUi = true);
    void newProjectDialog();
    void openProjectDialog();
    void saveAsDialog();

    /// The pages' state as saved in the project (key -> JSON).
    QHash<QString, QJsonObject> captureUiState() const;
    /// Writes the pages' state now if it changed (the autosave timer calls it every few seconds).
    void autosave();
    /// Resumes run `runId` of the project from its last checkpoint on the Train page.
    void resumeRun(qint64 runId);

Q_SIGNALS:
    void projectOpened(const QString& path);
    void statusMessage(const QString& message);
    /// The UI state of a freshly opened project has been applied to the pages.
    void uiStateRestored();
    /// The project's runs changed (a run was created, ended, or is training): the Runs page reloads.
    void runsChanged();
    /// Files the project refers to that are gone, or whose content changed since a run used them.
    void referencesChanged(const QStringList& missing, const QStringList& changed);

private:
    void applyUiState(const QHash<QString, QJsonObject>& state);
    void recordStartedRun(const TrainRequest& request);
    void queueRun(const TrainRequest& request);
    /// Compares the project's models and datasets with their recorded fingerprints (off the GUI
    /// thread); referencesChanged and a status message follow when some moved or changed.
    void checkReferences(const QList<project::ReferencedFile>& files);
    QWidget* dialogParent() const;
    /// The run row of `request`: its configuration, method (the recipe's name, else its kinds), paths.
    static RunRecorder::NewRunInfo newRunInfo(const TrainRequest& request);

    MainWindow* window_;
    StudioSettings* settings_;
    project::ProjectStore* store_;
    RunRecorder* recorder_;
    QTimer autosaveTimer_;
    QHash<QString, QJsonObject> saved_;
    bool restoring_ = false;
    bool restoreNext_ = true;
    QTimer runsRefresh_;
    QHash<qint64, QString> queued_;   ///< createRun request id -> run name, for queued runs
    qint64 resumingRun_ = 0;          ///< the run being resumed while its pieces load
    /// Which piece of it is awaited: the Runs page loads configurations and series too, and
    /// theirs must not be taken for the resume's.
    enum class ResumeStage { None, Config, Checkpoints, Series } resumeStage_ = ResumeStage::None;
    QJsonObject resumeConfig_;
    project::CheckpointRecord resumeCheckpoint_;
};

} // namespace peft
