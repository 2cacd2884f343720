// SPDX-License-Identifier: MIT
// ProjectStore: writes go to the storage thread and are batched; reads come back as signals;
// commits by another connection raise externalChange; the GUI-side calls never wait on SQLite.
#include "project/project_database.h"
#include "project/project_store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace peft::project;

namespace {

StepRecord step(qint64 n) {
    StepRecord s;
    s.step = n;
    s.loss = 1.0 / double(n);
    s.lr = 1e-3;
    s.elapsed = 0.5 * double(n);
    s.tokensSeen = 100 * n;
    return s;
}

/// Opens a project through the store and returns the id of one new run.
qint64 openWithRun(ProjectStore& store, const QString& path) {
    QSignalSpy opened(&store, &ProjectStore::opened);
    QSignalSpy created(&store, &ProjectStore::runCreated);
    store.open(path, true);
    store.createRun(7, {u"r1"_s, {{u"lr"_s, 0.001}}, u"lora"_s, u"/m"_s, u"/d.tsv"_s, {}, 16});
    store.markRunStarted(1);
    if (!created.wait(10000) && created.isEmpty()) return 0;
    if (opened.size() != 1) return 0;
    return created.first().at(0).toLongLong() == 7 ? created.first().at(1).toLongLong() : 0;
}

} // namespace

class ProjectStoreTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesStepWrites() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.peftproj"_s);
        ProjectStore store;
        store.setFlushInterval(300);
        store.setMaxBatch(100000);
        const qint64 id = openWithRun(store, path);
        QVERIFY(id > 0);
        QVERIFY(store.isOpen());
        QCOMPARE(store.path(), QFileInfo(path).absoluteFilePath());

        QSignalSpy commits(&store, &ProjectStore::stepsCommitted);
        QElapsedTimer timer;
        timer.start();
        for (qint64 n = 1; n <= 2000; ++n) store.appendSteps(id, {step(n)});
        const qint64 queueMs = timer.elapsed();
        qInfo("2000 appendSteps calls on the GUI thread: %lld ms", queueMs);
        store.appendEval(id, {2000, 0.5, 0.75, 0.7, 0.4, 0}); // commits the pending steps first
        QVERIFY(store.waitForIdle());
        QTRY_VERIFY(!commits.isEmpty());
        int points = 0;
        for (const auto& c : commits) points += c.at(0).toInt();
        QCOMPARE(points, 2000);
        qInfo("2000 step points, %lld commits", qint64(commits.size()));
        QVERIFY2(commits.size() <= 4, "step points are batched");

        // With a small maximum batch, a batch is committed as soon as it is full.
        store.setMaxBatch(100);
        commits.clear();
        QList<StepRecord> many;
        for (qint64 n = 2001; n <= 2500; ++n) many << step(n);
        store.appendSteps(id, many.mid(0, 250));
        store.appendSteps(id, many.mid(250));
        QVERIFY(store.waitForIdle());
        QCOMPARE(commits.size(), 2);

        // Reads see every write queued before them, and answer with signals.
        QSignalSpy runs(&store, &ProjectStore::runsLoaded);
        QSignalSpy series(&store, &ProjectStore::seriesLoaded);
        store.loadRuns();
        store.loadSeries({id});
        QVERIFY(series.wait(10000));
        QCOMPARE(runs.size(), 1);
        const auto summaries = runs.first().at(0).value<QList<RunSummary>>();
        QCOMPARE(summaries.size(), 1);
        QCOMPARE(summaries[0].name, u"r1"_s);
        QCOMPARE(summaries[0].status, RunStatus::Running);
        QCOMPARE(summaries[0].stepsDone, 2500);
        QCOMPARE(summaries[0].bestMetricName, u"accuracy"_s);
        QCOMPARE(summaries[0].bestMetric, 0.75);
        const auto loaded = series.first().at(0).value<QList<RunSeries>>();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0].steps.size(), 2500);
        for (qsizetype k = 0; k < loaded[0].steps.size(); ++k) QCOMPARE(loaded[0].steps[k].step, k + 1);
        QCOMPARE(loaded[0].evals.size(), 1);
    }

    void readsAnswerWithSignals() {
        QTemporaryDir dir;
        ProjectStore store;
        const qint64 id = openWithRun(store, dir.filePath(u"r.peftproj"_s));
        QVERIFY(id > 0);
        store.setUiState(u"window"_s, {{u"page"_s, 2}});
        store.saveRecipe(u"lora"_s, {{u"name"_s, u"lora"_s}});
        store.addCheckpoint({id, 10, dir.filePath(u"ck"_s), {}});
        store.setRunSetup(id, u"classification"_s, 100, 1000, 50, 400);
        QSignalSpy ui(&store, &ProjectStore::uiStateLoaded);
        QSignalSpy recipes(&store, &ProjectStore::recipesLoaded);
        QSignalSpy config(&store, &ProjectStore::runConfigLoaded);
        QSignalSpy checkpoints(&store, &ProjectStore::checkpointsLoaded);
        store.loadUiState();
        store.loadRecipes();
        store.loadRunConfig(id);
        store.loadCheckpoints(id);
        QVERIFY(store.waitForIdle());
        QTRY_COMPARE(checkpoints.size(), 1);
        QCOMPARE(ui.size(), 1);
        const auto state = ui.first().at(0).value<QHash<QString, QJsonObject>>();
        const QJsonObject window{{u"page"_s, 2}};
        QCOMPARE(state.value(u"window"_s), window);
        const QJsonObject recipe{{u"name"_s, u"lora"_s}};
        const auto recipeMap = recipes.first().at(0).value<QHash<QString, QJsonObject>>();
        QCOMPARE(recipeMap.value(u"lora"_s), recipe);
        const QJsonObject runConfig{{u"lr"_s, 0.001}};
        QCOMPARE(config.first().at(1).toJsonObject(), runConfig);
        QCOMPARE(checkpoints.first().at(1).value<QList<CheckpointRecord>>().size(), 1);

        QSignalSpy saved(&store, &ProjectStore::savedAs);
        const QString copy = dir.filePath(u"copy.peftproj"_s);
        store.saveAs(copy);
        QVERIFY(saved.wait(10000));
        QCOMPARE(store.path(), QFileInfo(copy).absoluteFilePath());
        QSignalSpy closed(&store, &ProjectStore::closed);
        store.close();
        QVERIFY(closed.wait(10000));
        QVERIFY(!store.isOpen());

        QSignalSpy failed(&store, &ProjectStore::openFailed);
        const QString junk = dir.filePath(u"junk.peftproj"_s);
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        store.open(junk, false);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(1).toString().contains(u"junk.peftproj"_s), qPrintable(failed.first().at(1).toString()));
        QVERIFY(!store.isOpen());
    }

    void noticesOtherProcessesCommits() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.peftproj"_s);
        ProjectStore store;
        store.setWatchInterval(50);
        const qint64 id = openWithRun(store, path);
        QVERIFY(id > 0);
        QSignalSpy external(&store, &ProjectStore::externalChange);
        // The store's own writes are not external changes.
        store.appendSteps(id, {step(1)});
        store.flush();
        store.setUiState(u"k"_s, {{u"v"_s, 1}});
        QVERIFY(store.waitForIdle());
        QTest::qWait(300);
        QCOMPARE(external.size(), 0);

        ProjectDatabase other; // a second connection, as the CLI would have
        QVERIFY2(other.open(path), qPrintable(other.lastError()));
        QVERIFY(other.begin() && other.appendSteps(id, {step(2), step(3)}) && other.commit());
        QVERIFY(external.wait(5000));
        QSignalSpy series(&store, &ProjectStore::seriesLoaded);
        store.loadSeries({id});
        QVERIFY(series.wait(5000));
        QCOMPARE(series.first().at(0).value<QList<RunSeries>>().at(0).steps.size(), 3);
    }

    void guiCallsNeverWaitOnTheDatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"l.peftproj"_s);
        ProjectStore store;
        store.setFlushInterval(10);
        const qint64 id = openWithRun(store, path);
        QVERIFY(id > 0);
        QVERIFY(store.waitForIdle());
        // Another connection holds the write lock: the storage thread waits on it (busy timeout),
        // the GUI thread does not.
        {
            QSqlDatabase lock = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"lock"_s);
            lock.setDatabaseName(path);
            QVERIFY(lock.open());
            QSqlQuery q(lock);
            QVERIFY(q.exec(u"BEGIN IMMEDIATE"_s));
            QVERIFY(q.exec(u"UPDATE meta SET value = value WHERE key = 'format'"_s));
            QElapsedTimer timer;
            timer.start();
            for (qint64 n = 1; n <= 200; ++n) {
                store.appendSteps(id, {step(n)});
                if (n % 20 == 0) store.appendEval(id, {n, 1.0, 0.5, 0, 0, 0});
            }
            store.loadRuns();
            store.flush();
            const qint64 ms = timer.elapsed();
            qInfo("400 queued calls while the file is locked: %lld ms on the GUI thread", ms);
            QVERIFY2(ms < 1000, "GUI-side calls return without waiting for the database");
            QTest::qWait(200);
            QVERIFY(q.exec(u"COMMIT"_s));
            q.finish();
            lock.close();
        }
        QSqlDatabase::removeDatabase(u"lock"_s);
        QSignalSpy series(&store, &ProjectStore::seriesLoaded);
        store.loadSeries({id});
        QVERIFY(series.wait(10000));
        QCOMPARE(series.first().at(0).value<QList<RunSeries>>().at(0).steps.size(), 200);
    }

    void destructorFlushesPendingPoints() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"d.peftproj"_s);
        qint64 id = 0;
        {
            auto store = std::make_unique<ProjectStore>();
            store->setFlushInterval(60000);
            id = openWithRun(*store, path);
            QVERIFY(id > 0);
            for (qint64 n = 1; n <= 50; ++n) store->appendSteps(id, {step(n)});
        }
        ProjectDatabase db;
        QVERIFY(db.open(path));
        QCOMPARE(db.series(id).steps.size(), 50);
        QVERIFY(!QFile::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0 || db.isOpen());
    }
};

QTEST_GUILESS_MAIN(ProjectStoreTest)
#include "project_store_test.moc"
