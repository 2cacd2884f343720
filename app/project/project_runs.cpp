// SPDX-License-Identifier: MIT
// Runs, their metric points, checkpoints and exports; orphan detection.
#include "project/project_database.h"
#include "project/project_sql.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace peft::project {
namespace {

const QString kRunColumns =
    u"id, name, status, method, model_path, dataset_path, task, trainable, total, total_steps, steps_done,"
    " train_examples, examples_per_step, best_metric_name, best_metric, best_step, last_loss, wall_seconds,"
    " created_at, started_at, ended_at, output_dir, message"_s;

RunSummary summaryFrom(const QSqlQuery& q) {
    RunSummary r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.status = runStatusFromName(q.value(2).toString());
    r.method = q.value(3).toString();
    r.modelPath = q.value(4).toString();
    r.datasetPath = q.value(5).toString();
    r.task = q.value(6).toString();
    r.trainableParameters = q.value(7).toLongLong();
    r.totalParameters = q.value(8).toLongLong();
    r.totalSteps = q.value(9).toLongLong();
    r.stepsDone = q.value(10).toLongLong();
    r.trainExamples = q.value(11).toLongLong();
    r.examplesPerStep = q.value(12).toLongLong();
    r.bestMetricName = q.value(13).toString();
    r.bestMetric = q.value(14).toDouble();
    r.bestStep = q.value(15).toLongLong();
    r.lastLoss = q.value(16).toDouble();
    r.wallSeconds = q.value(17).toDouble();
    r.createdAt = sql::timeFrom(q.value(18));
    r.startedAt = sql::timeFrom(q.value(19));
    r.endedAt = sql::timeFrom(q.value(20));
    r.outputDir = q.value(21).toString();
    r.message = q.value(22).toString();
    return r;
}

const QString kStepColumns = u"run_id, step, loss, lr, grad_norm, tokens_per_s, samples_per_s, elapsed, tokens_seen"_s;
const QString kEvalColumns = u"run_id, step, loss, accuracy, f1, matthews, perplexity"_s;

StepRecord stepFrom(const sql::Statement& q) {
    StepRecord s;
    s.step = q.integer(1);
    s.loss = q.real(2);
    s.lr = q.real(3);
    s.gradNorm = q.real(4);
    s.tokensPerSecond = q.real(5);
    s.samplesPerSecond = q.real(6);
    s.elapsed = q.real(7);
    s.tokensSeen = q.integer(8);
    return s;
}

EvalRecord evalFrom(const sql::Statement& q) {
    EvalRecord e;
    e.step = q.integer(1);
    e.loss = q.real(2);
    e.accuracy = q.real(3);
    e.f1 = q.real(4);
    e.matthews = q.real(5);
    e.perplexity = q.real(6);
    return e;
}

/// The metric an evaluation ranks runs by: accuracy (higher is better) when it has one, else
/// perplexity (lower is better); empty when it has neither.
QString metricOf(const EvalRecord& e, double* value) {
    if (e.accuracy > 0) {
        *value = e.accuracy;
        return u"accuracy"_s;
    }
    if (e.perplexity > 0) {
        *value = e.perplexity;
        return u"perplexity"_s;
    }
    return {};
}

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

} // namespace

qint64 ProjectDatabase::createRun(const NewRun& run) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT INTO runs(name, status, method, config_json, model_path, dataset_path, examples_per_step,"
              " created_at, output_dir, owner_pid, owner_host, owner_started)"
              " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(sql::text(run.name));
    q.addBindValue(runStatusName(RunStatus::Queued));
    q.addBindValue(sql::text(run.method));
    q.addBindValue(sql::jsonText(run.config));
    q.addBindValue(sql::text(run.modelPath));
    q.addBindValue(sql::text(run.datasetPath));
    q.addBindValue(run.examplesPerStep);
    q.addBindValue(sql::nowText());
    q.addBindValue(sql::text(run.outputDir));
    q.addBindValue(sql::currentPid());
    q.addBindValue(sql::text(sql::currentHost()));
    q.addBindValue(sql::processStartTime(sql::currentPid()));
    if (!q.exec()) {
        fail(u"%1: cannot create the run %2"_s.arg(native(path_), run.name), q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

std::optional<RunSummary> ProjectDatabase::run(qint64 runId) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT "_s + kRunColumns + u" FROM runs WHERE id = ?"_s);
    q.addBindValue(runId);
    if (q.exec() && q.next()) return summaryFrom(q);
    return std::nullopt;
}

std::optional<RunSummary> ProjectDatabase::runByName(const QString& name) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT "_s + kRunColumns + u" FROM runs WHERE name = ?"_s);
    q.addBindValue(sql::text(name));
    if (q.exec() && q.next()) return summaryFrom(q);
    return std::nullopt;
}

QList<RunSummary> ProjectDatabase::runs() {
    QList<RunSummary> list;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_s + kRunColumns + u" FROM runs ORDER BY id"_s)) {
        fail(u"%1: cannot read the runs"_s.arg(native(path_)), q.lastError().text());
        return list;
    }
    while (q.next()) list.append(summaryFrom(q));
    return list;
}

QJsonObject ProjectDatabase::runConfig(qint64 runId) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT config_json FROM runs WHERE id = ?"_s);
    q.addBindValue(runId);
    return q.exec() && q.next() ? sql::jsonObject(q.value(0)) : QJsonObject();
}

bool ProjectDatabase::removeRun(qint64 runId) {
    QSqlQuery q(db_);
    q.prepare(u"DELETE FROM runs WHERE id = ?"_s); // metric points, checkpoints, exports: ON DELETE CASCADE
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot remove run %2"_s.arg(native(path_)).arg(runId), q.lastError().text());
}

bool ProjectDatabase::markRunStarted(qint64 runId) {
    QSqlQuery q(db_);
    q.prepare(u"UPDATE runs SET status = ?, started_at = coalesce(started_at, ?), ended_at = NULL, message = '',"
              " owner_pid = ?, owner_host = ?, owner_started = ?, heartbeat_at = ? WHERE id = ?"_s);
    const QString now = sql::nowText();
    q.addBindValue(runStatusName(RunStatus::Running));
    q.addBindValue(now);
    q.addBindValue(sql::currentPid());
    q.addBindValue(sql::text(sql::currentHost()));
    q.addBindValue(sql::processStartTime(sql::currentPid()));
    q.addBindValue(now);
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot start run %2"_s.arg(native(path_)).arg(runId), q.lastError().text());
}

bool ProjectDatabase::setRunSetup(qint64 runId, const QString& task, qint64 trainable, qint64 total,
                                  qint64 totalSteps, qint64 trainExamples) {
    QSqlQuery q(db_);
    q.prepare(u"UPDATE runs SET task = ?, trainable = ?, total = ?, total_steps = ?, train_examples = ? WHERE id = ?"_s);
    q.addBindValue(sql::text(task));
    q.addBindValue(trainable);
    q.addBindValue(total);
    q.addBindValue(totalSteps);
    q.addBindValue(trainExamples);
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot record the setup of run %2"_s.arg(native(path_)).arg(runId),
                            q.lastError().text());
}

bool ProjectDatabase::markRunEnded(qint64 runId, RunStatus status, const QString& message) {
    QSqlQuery q(db_);
    q.prepare(u"UPDATE runs SET status = ?, message = ?, ended_at = ?, heartbeat_at = ? WHERE id = ?"_s);
    const QString now = sql::nowText();
    q.addBindValue(runStatusName(status));
    q.addBindValue(sql::text(message));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot end run %2"_s.arg(native(path_)).arg(runId), q.lastError().text());
}

bool ProjectDatabase::setRunStatus(qint64 runId, RunStatus status, const QString& message) {
    QSqlQuery q(db_);
    q.prepare(u"UPDATE runs SET status = ?, message = ? WHERE id = ?"_s);
    q.addBindValue(runStatusName(status));
    q.addBindValue(sql::text(message));
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot set the status of run %2"_s.arg(native(path_)).arg(runId),
                            q.lastError().text());
}

bool ProjectDatabase::touchHeartbeat(qint64 runId) {
    QSqlQuery q(db_);
    q.prepare(u"UPDATE runs SET heartbeat_at = ? WHERE id = ?"_s);
    q.addBindValue(sql::nowText());
    q.addBindValue(runId);
    return q.exec() || fail(u"%1: cannot update the heartbeat"_s.arg(native(path_)), q.lastError().text());
}

bool ProjectDatabase::appendSteps(qint64 runId, const QList<StepRecord>& steps) {
    if (steps.isEmpty()) return true;
    sql::Statement q(db_, u"INSERT OR REPLACE INTO step_metrics("_s + kStepColumns + u") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!q.ok()) return fail(u"%1: cannot record steps"_s.arg(native(path_)), q.error());
    const StepRecord* last = &steps.front();
    double maxElapsed = 0;
    for (const StepRecord& s : steps) {
        q.bind(1, runId);
        q.bind(2, s.step);
        q.bind(3, s.loss);
        q.bind(4, s.lr);
        q.bind(5, s.gradNorm);
        q.bind(6, s.tokensPerSecond);
        q.bind(7, s.samplesPerSecond);
        q.bind(8, s.elapsed);
        q.bind(9, s.tokensSeen);
        if (!q.run())
            return fail(u"%1: cannot record step %2 of run %3"_s.arg(native(path_)).arg(s.step).arg(runId), q.error());
        q.reset();
        if (s.step >= last->step) last = &s;
        maxElapsed = std::max(maxElapsed, s.elapsed);
    }
    // The summary follows the newest step; wall time is the largest elapsed seen (step points'
    // elapsed counts from the run's first start, across resumes).
    QSqlQuery u(db_);
    u.prepare(u"UPDATE runs SET steps_done = ?, last_loss = ?, wall_seconds = max(wall_seconds, ?), heartbeat_at = ?"
              " WHERE id = ?"_s);
    u.addBindValue(last->step);
    u.addBindValue(last->loss);
    u.addBindValue(maxElapsed);
    u.addBindValue(sql::nowText());
    u.addBindValue(runId);
    return u.exec() || fail(u"%1: cannot update run %2"_s.arg(native(path_)).arg(runId), u.lastError().text());
}

bool ProjectDatabase::appendEval(qint64 runId, const EvalRecord& eval) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT OR REPLACE INTO eval_metrics("_s + kEvalColumns + u") VALUES(?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(runId);
    q.addBindValue(eval.step);
    q.addBindValue(eval.loss);
    q.addBindValue(eval.accuracy);
    q.addBindValue(eval.f1);
    q.addBindValue(eval.matthews);
    q.addBindValue(eval.perplexity);
    if (!q.exec())
        return fail(u"%1: cannot record the evaluation at step %2 of run %3"_s.arg(native(path_)).arg(eval.step).arg(runId),
                    q.lastError().text());
    return updateBest(runId, eval);
}

bool ProjectDatabase::updateBest(qint64 runId, const EvalRecord& eval) {
    double value = 0;
    const QString name = metricOf(eval, &value);
    if (name.isEmpty()) return true;
    QSqlQuery q(db_);
    q.prepare(u"SELECT best_metric_name, best_metric FROM runs WHERE id = ?"_s);
    q.addBindValue(runId);
    if (!q.exec() || !q.next()) return fail(u"%1: no run %2"_s.arg(native(path_)).arg(runId), q.lastError().text());
    const QString current = q.value(0).toString();
    const double best = q.value(1).toDouble();
    const bool higherIsBetter = name != QLatin1String("perplexity");
    const bool better = current != name || (higherIsBetter ? value > best : value < best);
    if (!better) return true;
    QSqlQuery u(db_);
    u.prepare(u"UPDATE runs SET best_metric_name = ?, best_metric = ?, best_step = ? WHERE id = ?"_s);
    u.addBindValue(name);
    u.addBindValue(value);
    u.addBindValue(eval.step);
    u.addBindValue(runId);
    return u.exec() || fail(u"%1: cannot update run %2"_s.arg(native(path_)).arg(runId), u.lastError().text());
}

bool ProjectDatabase::recomputeBest(qint64 runId) {
    QSqlQuery reset(db_);
    reset.prepare(u"UPDATE runs SET best_metric_name = '', best_metric = 0, best_step = 0 WHERE id = ?"_s);
    reset.addBindValue(runId);
    if (!reset.exec()) return fail(u"%1: cannot update run %2"_s.arg(native(path_)).arg(runId), reset.lastError().text());
    const QList<EvalRecord> evals = series(runId).evals;
    return std::all_of(evals.begin(), evals.end(), [&](const EvalRecord& e) { return updateBest(runId, e); });
}

bool ProjectDatabase::addCheckpoint(const CheckpointRecord& checkpoint) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT OR REPLACE INTO checkpoints(run_id, step, path, created_at) VALUES(?, ?, ?, ?)"_s);
    q.addBindValue(checkpoint.runId);
    q.addBindValue(checkpoint.step);
    q.addBindValue(sql::text(checkpoint.path));
    q.addBindValue(checkpoint.createdAt.isValid() ? sql::timeText(checkpoint.createdAt) : sql::nowText());
    return q.exec() || fail(u"%1: cannot record the checkpoint %2"_s.arg(native(path_), native(checkpoint.path)),
                            q.lastError().text());
}

QList<CheckpointRecord> ProjectDatabase::checkpoints(qint64 runId) {
    QList<CheckpointRecord> list;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(u"SELECT run_id, step, path, created_at FROM checkpoints WHERE run_id = ? ORDER BY step"_s);
    q.addBindValue(runId);
    if (q.exec())
        while (q.next())
            list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), sql::timeFrom(q.value(3))});
    return list;
}

std::optional<CheckpointRecord> ProjectDatabase::lastCheckpoint(qint64 runId) {
    const QList<CheckpointRecord> list = checkpoints(runId);
    for (auto it = list.rbegin(); it != list.rend(); ++it)
        if (QFileInfo(it->path).isDir()) return *it;
    return std::nullopt;
}

bool ProjectDatabase::addExport(const ExportRecord& record) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT INTO exports(run_id, format, path, max_diff, created_at) VALUES(?, ?, ?, ?, ?)"_s);
    q.addBindValue(record.runId);
    q.addBindValue(sql::text(record.format));
    q.addBindValue(sql::text(record.path));
    q.addBindValue(record.maxLogitDifference);
    q.addBindValue(record.createdAt.isValid() ? sql::timeText(record.createdAt) : sql::nowText());
    return q.exec() || fail(u"%1: cannot record the export %2"_s.arg(native(path_), native(record.path)),
                            q.lastError().text());
}

QList<ExportRecord> ProjectDatabase::exports(qint64 runId) {
    QList<ExportRecord> list;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(u"SELECT run_id, format, path, max_diff, created_at FROM exports WHERE run_id = ? ORDER BY id"_s);
    q.addBindValue(runId);
    if (q.exec())
        while (q.next())
            list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toDouble(),
                         sql::timeFrom(q.value(4))});
    return list;
}

RunSeries ProjectDatabase::series(qint64 runId, qint64 fromStep) {
    RunSeries s;
    s.runId = runId;
    if (const auto summary = run(runId)) s.steps.reserve(qsizetype(std::clamp<qint64>(summary->stepsDone - fromStep, 0, 10'000'000)));
    sql::Statement q(db_, u"SELECT "_s + kStepColumns + u" FROM step_metrics WHERE run_id = ? AND step > ? ORDER BY step"_s);
    q.bind(1, runId);
    q.bind(2, fromStep);
    while (q.next()) s.steps.append(stepFrom(q));
    sql::Statement e(db_, u"SELECT "_s + kEvalColumns + u" FROM eval_metrics WHERE run_id = ? AND step > ? ORDER BY step"_s);
    e.bind(1, runId);
    e.bind(2, fromStep);
    while (e.next()) s.evals.append(evalFrom(e));
    if (!q.error().isEmpty() || !e.error().isEmpty())
        fail(u"%1: cannot read the points of run %2"_s.arg(native(path_)).arg(runId), q.error() + e.error());
    return s;
}

QList<RunSeries> ProjectDatabase::seriesOf(const QList<qint64>& runIds) {
    QList<RunSeries> list;
    if (runIds.isEmpty()) return list;
    QStringList ids;
    QHash<qint64, qsizetype> index;
    for (qint64 id : runIds) {
        if (index.contains(id)) continue;
        index.insert(id, list.size());
        list.append(RunSeries{id, {}, {}});
        ids << QString::number(id);
    }
    // Integers only in the list, so building it as text is safe; one pass over the primary key.
    const QString in = ids.join(u',');
    // Steps done is a good guess of each run's point count: reserving saves the list's regrowth.
    sql::Statement counts(db_, u"SELECT id, steps_done FROM runs WHERE id IN ("_s + in + u")"_s);
    while (counts.next())
        list[index.value(counts.integer(0))].steps.reserve(qsizetype(std::clamp<qint64>(counts.integer(1), 0, 10'000'000)));
    sql::Statement q(db_, u"SELECT "_s + kStepColumns + u" FROM step_metrics WHERE run_id IN ("_s + in +
                              u") ORDER BY run_id, step"_s);
    qint64 current = -1;
    QList<StepRecord>* target = nullptr;
    while (q.next()) {
        const qint64 id = q.integer(0);
        if (id != current) {
            current = id;
            target = &list[index.value(id)].steps;
        }
        target->append(stepFrom(q));
    }
    sql::Statement e(db_, u"SELECT "_s + kEvalColumns + u" FROM eval_metrics WHERE run_id IN ("_s + in +
                              u") ORDER BY run_id, step"_s);
    while (e.next()) list[index.value(e.integer(0))].evals.append(evalFrom(e));
    if (!q.error().isEmpty() || !e.error().isEmpty())
        fail(u"%1: cannot read the metric points"_s.arg(native(path_)), q.error() + e.error());
    return list;
}

int ProjectDatabase::markOrphanedRunsInterrupted(int staleSeconds) {
    struct Candidate {
        qint64 id;
        qint64 pid;
        QString host;
        qint64 started;
        QDateTime heartbeat;
    };
    QList<Candidate> candidates;
    {
        QSqlQuery q(db_);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT id, owner_pid, owner_host, owner_started, heartbeat_at FROM runs"
                    " WHERE status IN ('running', 'paused')"_s)) {
            fail(u"%1: cannot read the runs"_s.arg(native(path_)), q.lastError().text());
            return 0;
        }
        while (q.next())
            candidates.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                               q.value(3).toLongLong(), sql::timeFrom(q.value(4))});
    }
    const QString host = sql::currentHost();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int marked = 0;
    for (const Candidate& c : candidates) {
        QString why;
        if (c.host == host) {
            // A pid alone is not enough: after a reboot or a long time another process may have it.
            const bool alive = sql::processAlive(c.pid) &&
                               (c.started == 0 || sql::processStartTime(c.pid) == c.started);
            if (alive) continue;
            why = u"the process running it (pid %1) ended without finishing"_s.arg(c.pid);
        } else {
            if (c.heartbeat.isValid() && c.heartbeat.secsTo(now) <= staleSeconds) continue;
            why = u"the process running it (pid %1 on %2) stopped reporting%3"_s.arg(c.pid).arg(
                c.host, c.heartbeat.isValid() ? u" at "_s + sql::timeText(c.heartbeat) : QString());
        }
        const auto checkpoint = lastCheckpoint(c.id);
        const QString message =
            checkpoint ? why + u"; resume it from its last checkpoint (step %1)"_s.arg(checkpoint->step)
                       : why + u"; it has no checkpoint to resume from, start it again"_s;
        QSqlQuery u(db_);
        u.prepare(u"UPDATE runs SET status = ?, message = ?, ended_at = coalesce(heartbeat_at, ?)"
                  " WHERE id = ? AND status IN ('running', 'paused')"_s);
        u.addBindValue(runStatusName(RunStatus::Interrupted));
        u.addBindValue(message);
        u.addBindValue(sql::timeText(now));
        u.addBindValue(c.id);
        if (u.exec() && u.numRowsAffected() > 0) ++marked;
    }
    return marked;
}

QString ProjectDatabase::makeRunName(const QString& base) {
    const QString stem = base.trimmed().isEmpty() ? u"run"_s : base.trimmed();
    QString name = stem;
    for (int n = 2; runByName(name); ++n) name = stem + u'-' + QString::number(n);
    return name;
}

std::optional<StepRecord> ProjectDatabase::stepAt(qint64 runId, qint64 step) {
    sql::Statement q(db_, u"SELECT "_s + kStepColumns + u" FROM step_metrics WHERE run_id = ? AND step = ?"_s);
    q.bind(1, runId);
    q.bind(2, step);
    if (q.next()) return stepFrom(q);
    return std::nullopt;
}

bool ProjectDatabase::truncateRunAfter(qint64 runId, qint64 step) {
    for (const QString& table : {u"step_metrics"_s, u"eval_metrics"_s, u"checkpoints"_s}) {
        QSqlQuery q(db_);
        q.prepare(u"DELETE FROM "_s + table + u" WHERE run_id = ? AND step > ?"_s);
        q.addBindValue(runId);
        q.addBindValue(step);
        if (!q.exec()) return fail(u"%1: cannot rewind run %2"_s.arg(native(path_)).arg(runId), q.lastError().text());
    }
    const auto kept = stepAt(runId, step);
    QSqlQuery u(db_);
    u.prepare(u"UPDATE runs SET steps_done = ?, last_loss = ?, wall_seconds = ? WHERE id = ?"_s);
    u.addBindValue(step);
    u.addBindValue(kept ? kept->loss : 0.0);
    u.addBindValue(kept ? kept->elapsed : 0.0);
    u.addBindValue(runId);
    if (!u.exec()) return fail(u"%1: cannot rewind run %2"_s.arg(native(path_)).arg(runId), u.lastError().text());
    return recomputeBest(runId);
}

} // namespace peft::project
