// SPDX-License-Identifier: MIT
// One open project file: a SQLite database in WAL mode whose schema is versioned with
// PRAGMA user_version and migrated forward on open. Synchronous and single-threaded: the studio
// uses it only on its storage thread (ProjectStore), the CLI on its main thread. Two processes
// may have the same file open (the studio reading while the CLI trains into it): WAL lets readers
// go on while one writer commits, and a busy timeout covers the short write locks.
//
// Every method that can fail returns false / an empty value and leaves the reason in
// lastError(), naming the file and what to do; nothing here throws or crashes on a bad file.
#pragma once

#include "project/project_types.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace peft::project {

/// The schema version this build writes (PRAGMA user_version). Files with a lower version are
/// migrated on open; files with a higher one are refused (written by a newer studio).
inline constexpr int kSchemaVersion = 1;

/// The file extension of project files, without the dot.
inline constexpr const char* kProjectSuffix = "peftproj";

class ProjectDatabase {
public:
    ProjectDatabase();
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase&) = delete;
    ProjectDatabase& operator=(const ProjectDatabase&) = delete;

    enum class OpenMode { OpenExisting, CreateIfMissing, CreateNew /* fails if the file exists */ };

    /// Opens (or creates) `path`, checks it is a project (not just any SQLite file), migrates it,
    /// and marks runs left Running by a process that no longer exists as Interrupted.
    bool open(const QString& path, OpenMode mode = OpenMode::OpenExisting);
    void close();
    bool isOpen() const;
    QString path() const { return path_; }
    QString lastError() const { return error_; }
    /// How many runs the last open() found orphaned and marked Interrupted.
    int interruptedOnOpen() const { return interruptedOnOpen_; }

    /// PRAGMA integrity_check: "ok", or the first problems it lists.
    QString integrityCheck();
    /// The schema version of the open file (after migration: kSchemaVersion).
    int schemaVersion();
    /// Changes whenever another connection (another process, the studio's other thread) commits;
    /// cheap to poll (PRAGMA data_version).
    qint64 dataVersion();
    /// Copies the whole project to `target` (VACUUM INTO), consistent even while runs write.
    bool saveCopyAs(const QString& target);
    /// Writes the WAL back into the main file (on close and after a run ends).
    void checkpointWal();

    // Transactions: several writes committed at once (the storage thread batches metric points).
    bool begin();
    bool commit();
    void rollback();

    // --- project-wide key/values ------------------------------------------------------------
    bool setMeta(const QString& key, const QString& value);
    QString meta(const QString& key, const QString& fallback = {});
    /// UI state: one JSON object per key ("window", "model_page", "data_page", "compose",
    /// "train_form"...), restored exactly on reopen.
    bool setUiState(const QString& key, const QJsonObject& value);
    QJsonObject uiState(const QString& key);
    QStringList uiStateKeys();

    // --- recipes, models, datasets ----------------------------------------------------------
    /// Inserts or replaces the recipe named `name` (the engine's recipe JSON).
    bool saveRecipe(const QString& name, const QJsonObject& recipe);
    QJsonObject recipe(const QString& name);
    QStringList recipeNames();
    bool removeRecipe(const QString& name);
    /// Records a model folder or dataset file (path + hash); an existing path gets the new hash.
    bool addReference(const ReferencedFile& file);
    QList<ReferencedFile> references();

    // --- runs -------------------------------------------------------------------------------
    /// Creates a run (status Queued, owner = this process) and returns its id; 0 on failure.
    qint64 createRun(const NewRun& run);
    std::optional<RunSummary> run(qint64 runId);
    std::optional<RunSummary> runByName(const QString& name);
    QList<RunSummary> runs();                 ///< all runs, oldest first
    QJsonObject runConfig(qint64 runId);
    bool removeRun(qint64 runId);              ///< with its metrics, checkpoints and exports rows

    /// Marks the run Running and owned by this process (pid, host, heartbeat).
    bool markRunStarted(qint64 runId);
    /// What setup reported (task, parameters, steps, examples).
    bool setRunSetup(qint64 runId, const QString& task, qint64 trainable, qint64 total, qint64 totalSteps,
                     qint64 trainExamples);
    /// Ends the run: status, message (why it failed), wall time.
    bool markRunEnded(qint64 runId, RunStatus status, const QString& message = {});
    bool setRunStatus(qint64 runId, RunStatus status, const QString& message = {});
    /// Refreshes this process's heartbeat on its running runs (the storage thread does it with
    /// every batch), so another process can tell a live run from a dead one.
    bool touchHeartbeat(qint64 runId);

    /// Appends step points (INSERT OR REPLACE: a resumed run rewrites the steps after its
    /// checkpoint) and updates the run's steps done, last loss and wall time. Call inside a
    /// transaction for batches.
    bool appendSteps(qint64 runId, const QList<StepRecord>& steps);
    /// Records an evaluation and updates the run's best metric (accuracy for classification,
    /// perplexity for causal LM).
    bool appendEval(qint64 runId, const EvalRecord& eval);
    bool addCheckpoint(const CheckpointRecord& checkpoint);
    QList<CheckpointRecord> checkpoints(qint64 runId);
    /// The newest checkpoint of the run whose folder still exists; empty when none.
    std::optional<CheckpointRecord> lastCheckpoint(qint64 runId);
    bool addExport(const ExportRecord& record);
    QList<ExportRecord> exports(qint64 runId);

    /// Every point of the run. `fromStep`: only steps/evals with step > fromStep (the studio's
    /// live view of a run another process writes asks for what is new).
    RunSeries series(qint64 runId, qint64 fromStep = 0);
    /// The step series of many runs at once (the Runs page's overlay), one query.
    QList<RunSeries> seriesOf(const QList<qint64>& runIds);

    /// Runs Running in this file whose owner process is gone (other pid on this host that no
    /// longer exists, or a heartbeat older than `staleSeconds` from another host) become
    /// Interrupted; returns how many. open() calls it.
    int markOrphanedRunsInterrupted(int staleSeconds = 120);

    // --- additions for the CLI's resume and run naming ------------------------------------------
    /// `base` when no run has that name, else "base-2", "base-3"... ("run" when `base` is empty).
    QString makeRunName(const QString& base);
    /// The stored point of one step, if any (resume continues its tokens_seen and elapsed).
    std::optional<StepRecord> stepAt(qint64 runId, qint64 step);
    /// Forgets what a run recorded after `step` (steps, evals, checkpoints): a resume from the
    /// checkpoint at `step` rewrites them. Steps done, last loss and wall time go back to that
    /// step's; the best metric is recomputed from the evaluations kept.
    bool truncateRunAfter(qint64 runId, qint64 step);

private:
    bool exec(const QString& sql);
    bool fail(const QString& what, const QString& detail);
    bool migrate();
    bool identify();                       ///< a project, an empty file, or refused with a message
    bool recomputeBest(qint64 runId);
    bool updateBest(qint64 runId, const EvalRecord& eval);

    QSqlDatabase db_;
    QString connection_;
    QString path_;
    QString error_;
    int interruptedOnOpen_ = 0;
};

} // namespace peft::project
