// SPDX-License-Identifier: MIT
// ProjectDatabase: creating, identifying, migrating and refusing files; save -> close -> reopen
// reproduces everything exactly; best metric; orphaned runs; copies; series load time.
#include "project/project_database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace peft::project;

namespace {

/// Runs `statements` on `path` through a connection of its own (as another program would).
QVariant rawSql(const QString& path, const QStringList& statements) {
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (!db.open()) return {};
        QSqlQuery q(db);
        for (const QString& s : statements) {
            if (!q.exec(s)) qWarning() << "raw sql failed:" << s;
            if (q.next()) last = q.value(0);
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return last;
}

StepRecord makeStep(qint64 step, qint64 salt = 0) {
    StepRecord s;
    s.step = step;
    s.loss = 2.0 / double(step + 1) + double(salt) * 1e-3 + 1.0 / 3.0;
    s.lr = 1e-3 * double(step % 17) / 7.0;
    s.gradNorm = 0.1 + double(step) / 9.0;
    s.tokensPerSecond = 1234.5678 + double(step);
    s.samplesPerSecond = 12.25 + double(salt);
    s.elapsed = 0.01 * double(step) + 1.0 / 7.0;
    s.tokensSeen = 64 * step;
    return s;
}

bool sameStep(const StepRecord& a, const StepRecord& b) {
    return a.step == b.step && a.loss == b.loss && a.lr == b.lr && a.gradNorm == b.gradNorm &&
           a.tokensPerSecond == b.tokensPerSecond && a.samplesPerSecond == b.samplesPerSecond &&
           a.elapsed == b.elapsed && a.tokensSeen == b.tokensSeen;
}

bool sameEval(const EvalRecord& a, const EvalRecord& b) {
    return a.step == b.step && a.loss == b.loss && a.accuracy == b.accuracy && a.f1 == b.f1 &&
           a.matthews == b.matthews && a.perplexity == b.perplexity;
}

void compareSummaries(const RunSummary& a, const RunSummary& b) {
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.method, b.method);
    QCOMPARE(a.modelPath, b.modelPath);
    QCOMPARE(a.datasetPath, b.datasetPath);
    QCOMPARE(a.task, b.task);
    QCOMPARE(a.trainableParameters, b.trainableParameters);
    QCOMPARE(a.totalParameters, b.totalParameters);
    QCOMPARE(a.totalSteps, b.totalSteps);
    QCOMPARE(a.stepsDone, b.stepsDone);
    QCOMPARE(a.trainExamples, b.trainExamples);
    QCOMPARE(a.examplesPerStep, b.examplesPerStep);
    QCOMPARE(a.bestMetricName, b.bestMetricName);
    QCOMPARE(a.bestMetric, b.bestMetric);
    QCOMPARE(a.bestStep, b.bestStep);
    QCOMPARE(a.lastLoss, b.lastLoss);
    QCOMPARE(a.wallSeconds, b.wallSeconds);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.startedAt, b.startedAt);
    QCOMPARE(a.endedAt, b.endedAt);
    QCOMPARE(a.outputDir, b.outputDir);
    QCOMPARE(a.message, b.message);
}

} // namespace

class ProjectDatabaseTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsWalProjectAtCurrentVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.peftproj"_s);
        {
            ProjectDatabase db;
            QVERIFY2(db.open(path, ProjectDatabase::OpenMode::CreateNew), qPrintable(db.lastError()));
            QVERIFY(db.isOpen());
            QCOMPARE(db.schemaVersion(), kSchemaVersion);
            QCOMPARE(db.meta(u"format"_s), u"peft-studio-project"_s);
            QCOMPARE(db.integrityCheck(), u"ok"_s);
        }
        QCOMPARE(rawSql(path, {u"PRAGMA journal_mode"_s}).toString(), u"wal"_s);
        QCOMPARE(rawSql(path, {u"PRAGMA application_id"_s}).toLongLong(), 0x50454654LL);

        ProjectDatabase db;
        QVERIFY(!db.open(path, ProjectDatabase::OpenMode::CreateNew));
        QVERIFY2(db.lastError().contains(u"a.peftproj"_s), qPrintable(db.lastError()));
        QVERIFY(!db.open(dir.filePath(u"missing.peftproj"_s), ProjectDatabase::OpenMode::OpenExisting));
        QVERIFY2(db.lastError().contains(u"missing.peftproj"_s), qPrintable(db.lastError()));
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
    }

    void migratesAnEmptyVersionZeroFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v0.peftproj"_s);
        rawSql(path, {u"PRAGMA user_version = 0"_s}); // a valid, empty SQLite file
        QCOMPARE(rawSql(path, {u"PRAGMA user_version"_s}).toInt(), 0);
        ProjectDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
        QCOMPARE(db.schemaVersion(), kSchemaVersion);
        QVERIFY(db.runs().isEmpty());
        QVERIFY2(db.createRun({u"r"_s, {}, u"lora"_s, {}, {}, {}, 8}) > 0, qPrintable(db.lastError()));
    }

    void refusesFilesItCannotRead() {
        QTemporaryDir dir;
        // Written by a newer studio.
        const QString newer = dir.filePath(u"newer.peftproj"_s);
        {
            ProjectDatabase db;
            QVERIFY(db.open(newer, ProjectDatabase::OpenMode::CreateNew));
        }
        rawSql(newer, {u"PRAGMA user_version = %1"_s.arg(kSchemaVersion + 1)});
        ProjectDatabase db;
        QVERIFY(!db.open(newer));
        QVERIFY2(db.lastError().contains(u"newer.peftproj"_s) && db.lastError().contains(u"newer PEFT Studio"_s) &&
                     db.lastError().contains(u"update"_s),
                 qPrintable(db.lastError()));
        QVERIFY(!db.isOpen());

        // Some other program's SQLite file: refused and left exactly as it was.
        const QString foreign = dir.filePath(u"other.sqlite"_s);
        rawSql(foreign, {u"CREATE TABLE contacts(name TEXT)"_s, u"INSERT INTO contacts VALUES('x')"_s});
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        QVERIFY(!db.open(foreign));
        QVERIFY2(db.lastError().contains(u"other.sqlite"_s) && db.lastError().contains(u"not a PEFT Studio project"_s),
                 qPrintable(db.lastError()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        f.close();
        QVERIFY(!QFile::exists(foreign + u"-wal"_s));

        // Random bytes.
        const QString random = dir.filePath(u"random.peftproj"_s);
        QFile r(random);
        QVERIFY(r.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, '\0');
        for (auto& b : bytes) b = char(QRandomGenerator::global()->bounded(256));
        r.write(bytes);
        r.close();
        QVERIFY(!db.open(random));
        QVERIFY2(db.lastError().contains(u"random.peftproj"_s), qPrintable(db.lastError()));

        // Truncated: a project cut in half (an interrupted copy).
        const QString truncated = dir.filePath(u"cut.peftproj"_s);
        {
            ProjectDatabase full;
            QVERIFY(full.open(truncated, ProjectDatabase::OpenMode::CreateNew));
            const qint64 id = full.createRun({u"r"_s, {}, u"lora"_s, {}, {}, {}, 8});
            QList<StepRecord> steps;
            for (qint64 s = 1; s <= 3000; ++s) steps << makeStep(s);
            QVERIFY(full.begin() && full.appendSteps(id, steps) && full.commit());
        }
        QFile t(truncated);
        const qint64 size = t.size();
        QVERIFY(size > 32768);
        QVERIFY(t.resize(size / 2));
        QVERIFY(!db.open(truncated));
        QVERIFY2(db.lastError().contains(u"cut.peftproj"_s), qPrintable(db.lastError()));
        qInfo("truncated: %s", qPrintable(db.lastError()));

        // Still usable afterwards.
        QVERIFY(db.open(dir.filePath(u"fine.peftproj"_s), ProjectDatabase::OpenMode::CreateNew));
    }

    void saveCloseReopenReproducesEverything() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"round.peftproj"_s);
        QList<RunSummary> expected;
        QList<RunSeries> expectedSeries;
        const QJsonObject recipe{{u"name"_s, u"lora"_s}, {u"modules"_s, QJsonArray{QJsonObject{{u"kind"_s, u"lora"_s}, {u"r"_s, 8}}}}};
        const QJsonObject window{{u"geometry"_s, u"AdnQywADAAAAAAA"_s}, {u"page"_s, 3}, {u"split"_s, 0.375}};
        const QJsonObject trainForm{{u"lr"_s, 0.0002}, {u"epochs"_s, 3}, {u"bf16"_s, true}, {u"tags"_s, QJsonArray{u"a"_s, 1}}};
        const QDateTime added = QDateTime::fromString(u"2024-05-06T07:08:09.123Z"_s, Qt::ISODateWithMs);
        {
            ProjectDatabase db;
            QVERIFY(db.open(path, ProjectDatabase::OpenMode::CreateNew));
            QVERIFY(db.saveRecipe(u"lora"_s, recipe));
            QVERIFY(db.saveRecipe(u"empty"_s, {}));
            QVERIFY(db.setUiState(u"window"_s, window));
            QVERIFY(db.setUiState(u"train_form"_s, trainForm));
            QVERIFY(db.addReference({u"model"_s, u"/models/stories260K"_s, u"abc123"_s, added}));
            QVERIFY(db.addReference({u"dataset"_s, u"/data/train.tsv"_s, u"def456"_s, added}));
            QVERIFY(db.addReference({u"dataset"_s, u"/data/train.tsv"_s, u"fff000"_s, {}})); // new hash, same path
            QVERIFY(db.setMeta(u"note"_s, u"hello"_s));

            for (int r = 0; r < 3; ++r) {
                const QString outDir = dir.filePath(u"runs/run%1"_s.arg(r));
                NewRun n{u"run-%1"_s.arg(r), QJsonObject{{u"name"_s, u"run-%1"_s.arg(r)}, {u"seed"_s, r}},
                         r == 1 ? u"houlsby + prefix"_s : u"lora"_s, u"/models/m"_s, u"/data/d%1.tsv"_s.arg(r), outDir,
                         16 * (r + 1)};
                const qint64 id = db.createRun(n);
                QVERIFY(id > 0);
                QVERIFY(db.markRunStarted(id));
                const bool classification = r != 2;
                QVERIFY(db.setRunSetup(id, classification ? u"classification"_s : u"causal_lm"_s, 1000 + r, 260000, 500,
                                       64 * (r + 1)));
                RunSeries series{id, {}, {}};
                QList<StepRecord> batch;
                for (qint64 s = 1; s <= 500; ++s) {
                    batch << makeStep(s, r);
                    if (batch.size() == 64 || s == 500) {
                        QVERIFY(db.begin());
                        QVERIFY(db.appendSteps(id, batch));
                        QVERIFY(db.commit());
                        series.steps += batch;
                        batch.clear();
                    }
                    if (s % 100 == 0) {
                        EvalRecord e{s, 0.5 + 1.0 / double(s), classification ? 0.5 + double(s % 300) / 1000.0 : 0,
                                     classification ? 0.4 : 0, classification ? 0.1 : 0,
                                     classification ? 0 : 50.0 - double(s % 300) / 10.0};
                        QVERIFY(db.appendEval(id, e));
                        series.evals << e;
                        QVERIFY(QDir().mkpath(outDir + u"/checkpoint-%1"_s.arg(s)));
                        QVERIFY(db.addCheckpoint({id, s, outDir + u"/checkpoint-%1"_s.arg(s), {}}));
                    }
                }
                QVERIFY(db.addExport({id, u"peft"_s, outDir + u"/export"_s, 3.5e-6, added}));
                if (r == 0) QVERIFY(db.markRunEnded(id, RunStatus::Finished));
                if (r == 1) QVERIFY(db.markRunEnded(id, RunStatus::Failed, u"diverged at step 500: loss is nan"_s));
                if (r == 2) QVERIFY(db.markRunEnded(id, RunStatus::Cancelled));
                expected << *db.run(id);
                expectedSeries << series;
            }
            // The summary fields came from the points.
            QCOMPARE(expected[0].stepsDone, 500);
            QCOMPARE(expected[0].lastLoss, makeStep(500, 0).loss);
            QCOMPARE(expected[0].wallSeconds, makeStep(500, 0).elapsed);
            QCOMPARE(expected[0].bestMetricName, u"accuracy"_s);
            QCOMPARE(expected[0].bestMetric, 0.5 + 200.0 / 1000.0); // step 200: 0.7 beats 300's 0.5
            QCOMPARE(expected[0].bestStep, 200);
            QCOMPARE(expected[2].bestMetricName, u"perplexity"_s);
            QCOMPARE(expected[2].bestMetric, 50.0 - 20.0); // lowest perplexity at step 200
            QCOMPARE(expected[2].bestStep, 200);
            QVERIFY(expected[0].endedAt.isValid());
            QVERIFY(expected[0].startedAt.isValid());
            QCOMPARE(expected[1].message, u"diverged at step 500: loss is nan"_s);
            QCOMPARE(expected[1].trainablePercent(), 100.0 * 1001.0 / 260000.0);
        }
        ProjectDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
        QCOMPARE(db.interruptedOnOpen(), 0);
        QCOMPARE(db.recipeNames(), (QStringList{u"empty"_s, u"lora"_s}));
        QCOMPARE(db.recipe(u"lora"_s), recipe);
        QCOMPARE(db.recipe(u"empty"_s), QJsonObject());
        QCOMPARE(db.uiStateKeys(), (QStringList{u"train_form"_s, u"window"_s}));
        QCOMPARE(db.uiState(u"window"_s), window);
        QCOMPARE(db.uiState(u"train_form"_s), trainForm);
        QCOMPARE(db.meta(u"note"_s), u"hello"_s);
        const auto refs = db.references();
        QCOMPARE(refs.size(), 2);
        QCOMPARE(refs[0].kind, u"dataset"_s);
        QCOMPARE(refs[0].hash, u"fff000"_s);
        QCOMPARE(refs[0].addedAt, added);
        QCOMPARE(refs[1].path, u"/models/stories260K"_s);

        const auto runs = db.runs();
        QCOMPARE(runs.size(), expected.size());
        for (int i = 0; i < runs.size(); ++i) {
            compareSummaries(runs[i], expected[i]);
            if (QTest::currentTestFailed()) return;
            compareSummaries(*db.runByName(expected[i].name), expected[i]);
            QCOMPARE(db.runConfig(runs[i].id), (QJsonObject{{u"name"_s, runs[i].name}, {u"seed"_s, i}}));
            QCOMPARE(db.checkpoints(runs[i].id).size(), 5);
            QCOMPARE(db.lastCheckpoint(runs[i].id)->step, 500);
            const auto exports = db.exports(runs[i].id);
            QCOMPARE(exports.size(), 1);
            QCOMPARE(exports[0].maxLogitDifference, 3.5e-6);
            QCOMPARE(exports[0].createdAt, added);
        }
        const auto all = db.seriesOf({runs[0].id, runs[1].id, runs[2].id});
        QCOMPARE(all.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const RunSeries one = db.series(runs[i].id);
            for (const RunSeries& got : {all[i], one}) {
                QCOMPARE(got.runId, expectedSeries[i].runId);
                QCOMPARE(got.steps.size(), expectedSeries[i].steps.size());
                QCOMPARE(got.evals.size(), expectedSeries[i].evals.size());
                for (qsizetype k = 0; k < got.steps.size(); ++k)
                    QVERIFY2(sameStep(got.steps[k], expectedSeries[i].steps[k]), qPrintable(u"step %1"_s.arg(k)));
                for (qsizetype k = 0; k < got.evals.size(); ++k) QVERIFY(sameEval(got.evals[k], expectedSeries[i].evals[k]));
            }
        }
        // Only what is new.
        const RunSeries tail = db.series(runs[0].id, 450);
        QCOMPARE(tail.steps.size(), 50);
        QCOMPARE(tail.steps.front().step, 451);
        QCOMPARE(tail.evals.size(), 1);

        // Rewinding to a checkpoint (resume) forgets what came after it.
        QVERIFY(db.truncateRunAfter(runs[0].id, 300));
        const RunSummary rewound = *db.run(runs[0].id);
        QCOMPARE(rewound.stepsDone, 300);
        QCOMPARE(rewound.lastLoss, makeStep(300, 0).loss);
        QCOMPARE(rewound.wallSeconds, makeStep(300, 0).elapsed);
        QCOMPARE(rewound.bestStep, 200);
        QCOMPARE(db.series(runs[0].id).steps.size(), 300);
        QCOMPARE(db.lastCheckpoint(runs[0].id)->step, 300);
        QCOMPARE(db.stepAt(runs[0].id, 300)->tokensSeen, 64 * 300);

        QCOMPARE(db.makeRunName(u"run-0"_s), u"run-0-2"_s);
        QCOMPARE(db.makeRunName(u"fresh"_s), u"fresh"_s);
        QVERIFY(db.removeRun(runs[1].id));
        QVERIFY(db.series(runs[1].id).steps.isEmpty());
        QVERIFY(db.checkpoints(runs[1].id).isEmpty());
        QCOMPARE(db.integrityCheck(), u"ok"_s);
    }

    void bestMetricKeepsTheBest() {
        QTemporaryDir dir;
        ProjectDatabase db;
        QVERIFY(db.open(dir.filePath(u"b.peftproj"_s), ProjectDatabase::OpenMode::CreateNew));
        const qint64 cls = db.createRun({u"cls"_s, {}, u"lora"_s, {}, {}, {}, 8});
        const qint64 lm = db.createRun({u"lm"_s, {}, u"lora"_s, {}, {}, {}, 8});
        QVERIFY(db.run(cls)->bestMetricName.isEmpty());
        for (auto [step, acc] : {std::pair{10, 0.5}, {20, 0.7}, {30, 0.6}}) QVERIFY(db.appendEval(cls, {step, 1.0, acc, 0, 0, 0}));
        for (auto [step, ppl] : {std::pair{10, 10.0}, {20, 8.0}, {30, 9.0}}) QVERIFY(db.appendEval(lm, {step, 1.0, 0, 0, 0, ppl}));
        const RunSummary c = *db.run(cls);
        QCOMPARE(c.bestMetricName, u"accuracy"_s);
        QCOMPARE(c.bestMetric, 0.7);
        QCOMPARE(c.bestStep, 20);
        QVERIFY(c.higherIsBetter());
        const RunSummary l = *db.run(lm);
        QCOMPARE(l.bestMetricName, u"perplexity"_s);
        QCOMPARE(l.bestMetric, 8.0);
        QCOMPARE(l.bestStep, 20);
        QVERIFY(!l.higherIsBetter());
    }

    void marksOrphanedRunsInterrupted() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"o.peftproj"_s);
        // A pid that certainly ended: a child we started and reaped.
        QProcess child;
        child.start(u"true"_s, {});
        QVERIFY(child.waitForStarted());
        const qint64 deadPid = child.processId();
        QVERIFY(child.waitForFinished());
        qint64 dead = 0, mine = 0, reused = 0, remoteStale = 0, remoteFresh = 0, finished = 0;
        {
            ProjectDatabase db;
            QVERIFY(db.open(path, ProjectDatabase::OpenMode::CreateNew));
            auto started = [&](const QString& name) {
                const qint64 id = db.createRun({name, {}, u"lora"_s, {}, {}, dir.filePath(name), 8});
                db.markRunStarted(id);
                return id;
            };
            dead = started(u"dead"_s);
            mine = started(u"mine"_s);
            reused = started(u"reused"_s);
            remoteStale = started(u"remote-stale"_s);
            remoteFresh = started(u"remote-fresh"_s);
            finished = started(u"finished"_s);
            QVERIFY(db.markRunEnded(finished, RunStatus::Finished));
            QVERIFY(QDir().mkpath(dir.filePath(u"dead/checkpoint-40"_s)));
            QVERIFY(db.addCheckpoint({dead, 40, dir.filePath(u"dead/checkpoint-40"_s), {}}));
            QVERIFY(db.addCheckpoint({dead, 60, dir.filePath(u"dead/checkpoint-60"_s), {}})); // folder gone
        }
        const QString old = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        rawSql(path, {u"UPDATE runs SET owner_pid = %1 WHERE id = %2"_s.arg(deadPid).arg(dead),
                      // this process's pid, but a different start time: the pid was reused
                      u"UPDATE runs SET owner_started = owner_started + 1 WHERE id = %1"_s.arg(reused),
                      u"UPDATE runs SET owner_host = 'elsewhere', heartbeat_at = '%1' WHERE id = %2"_s.arg(old).arg(remoteStale),
                      u"UPDATE runs SET owner_host = 'elsewhere', heartbeat_at = '%1' WHERE id = %2"_s.arg(now).arg(remoteFresh)});
        ProjectDatabase db;
        QVERIFY(db.open(path));
        QCOMPARE(db.interruptedOnOpen(), 3);
        const RunSummary d = *db.run(dead);
        QCOMPARE(d.status, RunStatus::Interrupted);
        QCOMPARE(d.message, u"the process running it (pid %1) ended without finishing; resume it from its last checkpoint (step 40)"_s.arg(deadPid));
        QVERIFY(d.endedAt.isValid());
        QCOMPARE(db.run(mine)->status, RunStatus::Running);
        QCOMPARE(db.run(reused)->status, RunStatus::Interrupted);
        QVERIFY2(db.run(reused)->message.contains(u"no checkpoint"_s), qPrintable(db.run(reused)->message));
        QCOMPARE(db.run(remoteStale)->status, RunStatus::Interrupted);
        QVERIFY2(db.run(remoteStale)->message.contains(u"elsewhere"_s), qPrintable(db.run(remoteStale)->message));
        QCOMPARE(db.run(remoteFresh)->status, RunStatus::Running);
        QCOMPARE(db.run(finished)->status, RunStatus::Finished);
        QCOMPARE(db.markOrphanedRunsInterrupted(), 0);
        QCOMPARE(db.markOrphanedRunsInterrupted(0), 0); // fresh heartbeat, within a second
    }

    void savesACopy() {
        QTemporaryDir dir;
        ProjectDatabase db;
        QVERIFY(db.open(dir.filePath(u"src.peftproj"_s), ProjectDatabase::OpenMode::CreateNew));
        const qint64 id = db.createRun({u"r"_s, {{u"k"_s, 1}}, u"lora"_s, {}, {}, {}, 8});
        QVERIFY(db.begin() && db.appendSteps(id, {makeStep(1), makeStep(2)}) && db.commit());
        QVERIFY(db.setUiState(u"window"_s, {{u"x"_s, 1}}));
        const QString copy = dir.filePath(u"copy.peftproj"_s);
        QVERIFY2(db.saveCopyAs(copy), qPrintable(db.lastError()));
        QVERIFY(!QFile::exists(copy + u".part"_s));
        QVERIFY(!db.saveCopyAs(copy));
        QVERIFY2(db.lastError().contains(u"copy.peftproj"_s) && db.lastError().contains(u"exists"_s), qPrintable(db.lastError()));
        ProjectDatabase other;
        QVERIFY2(other.open(copy), qPrintable(other.lastError()));
        QCOMPARE(other.runs().size(), 1);
        QCOMPARE(other.series(id).steps.size(), 2);
        QCOMPARE(other.uiState(u"window"_s), (QJsonObject{{u"x"_s, 1}}));
        QCOMPARE(other.schemaVersion(), kSchemaVersion);
    }

    void loadsHundredRunsOfTenThousandPointsQuickly() {
        QTemporaryDir dir;
        ProjectDatabase db;
        QVERIFY(db.open(dir.filePath(u"big.peftproj"_s), ProjectDatabase::OpenMode::CreateNew));
        QList<qint64> ids;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(db.begin());
        for (int r = 0; r < 100; ++r) {
            const qint64 id = db.createRun({u"run-%1"_s.arg(r), {}, u"lora"_s, {}, {}, {}, 8});
            ids << id;
            QList<StepRecord> steps;
            steps.reserve(10000);
            for (qint64 s = 1; s <= 10000; ++s) steps << makeStep(s, r);
            QVERIFY(db.appendSteps(id, steps));
            for (qint64 s = 500; s <= 10000; s += 500) QVERIFY(db.appendEval(id, {s, 1.0, 0.5, 0.5, 0.1, 0}));
        }
        QVERIFY(db.commit());
        qInfo("writing 100 runs x 10,000 steps: %lld ms", qint64(timer.elapsed()));
        db.close();

        QVERIFY(db.open(dir.filePath(u"big.peftproj"_s)));
        timer.restart();
        const auto runs = db.runs();
        const auto all = db.seriesOf(ids);
        const qint64 ms = timer.elapsed();
        QCOMPARE(runs.size(), 100);
        QCOMPARE(all.size(), 100);
        qint64 points = 0;
        for (const auto& s : all) points += s.steps.size();
        QCOMPARE(points, 1000000);
        QCOMPARE(all[57].steps[9999].step, 10000);
        QVERIFY(sameStep(all[57].steps[1234], makeStep(1235, 57)));
        QCOMPARE(all[57].evals.size(), 20);
        qInfo("loading 100 runs x 10,000 step points (runs() + seriesOf()): %lld ms", ms);
        timer.restart();
        qint64 again = 0;
        for (qint64 id : ids) again += db.series(id).steps.size();
        QCOMPARE(again, 1000000);
        qInfo("loading them run by run with series(): %lld ms", qint64(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(ProjectDatabaseTest)
#include "project_database_test.moc"
