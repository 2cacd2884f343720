// SPDX-License-Identifier: MIT
// Crash safety of the studio itself: peft-studio trains into a project and is killed with SIGKILL
// mid-run. The project then opens with a clean integrity check, shows the run as interrupted with
// its points up to the last commit, and a new studio window resumes it from its last checkpoint
// to the end, in the same run.
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/studio_settings.h"
#include "core/training_controller.h"
#include "project/project_database.h"
#include "project/project_store.h"
#include "runs/runs_page.h"
#include "train/train_page.h"
#include "widgets/main_window.h"
#include "widgets/project_controller.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using peft::project::ProjectDatabase;
using peft::project::RunStatus;

namespace {

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/data/glue/SST-2/dev.tsv")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

} // namespace

class TestStudioCrash final : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void sigkillDuringTraining_leavesAProjectThatResumes() {
        const QString project = dir_.filePath(QStringLiteral("crash.peftproj"));
        // The studio as a user starts it, on one thread, with checkpoints every 5 steps.
        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data")));
        studio.setProcessEnvironment(env);
        studio.setProcessChannelMode(QProcess::ForwardedChannels);
        const QString recipe = QStringLiteral(PEFT_UI_TEST_SOURCE_DIR) + QStringLiteral("/compose_recipe.json");
        studio.start(QStringLiteral(PEFT_STUDIO_BINARY),
                     {QStringLiteral("--project"), project, QStringLiteral("--model"), assets() + QStringLiteral("/models/stories260K"),
                      QStringLiteral("--data"), assets() + QStringLiteral("/data/glue/SST-2/dev.tsv"), QStringLiteral("--recipe"), recipe,
                      QStringLiteral("--train-steps"), QStringLiteral("400"), QStringLiteral("--train-threads"), QStringLiteral("1"),
                      QStringLiteral("--save-every"), QStringLiteral("5"), QStringLiteral("--runs-folder"), dir_.filePath(QStringLiteral("runs"))});
        QVERIFY2(studio.waitForStarted(10000), qPrintable(studio.errorString()));

        // Wait until the file holds a checkpoint and points past it, then kill without warning.
        qint64 runId = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 180000) {
            QTest::qWait(500);
            QVERIFY2(studio.state() == QProcess::Running, "the studio ended before it could be killed");
            if (!QFileInfo::exists(project)) continue;
            ProjectDatabase probe;
            if (!probe.open(project)) continue;
            const auto runs = probe.runs();
            if (runs.isEmpty()) continue;
            const auto checkpoints = probe.checkpoints(runs.first().id);
            if (checkpoints.size() >= 2 && runs.first().stepsDone > checkpoints.last().step) {
                runId = runs.first().id;
                break;
            }
        }
        QVERIFY2(runId > 0, "no checkpoint was recorded within 3 minutes");
        ::kill(pid_t(studio.processId()), SIGKILL);
        QVERIFY(studio.waitForFinished(10000));

        qint64 recordedSteps = 0;
        qint64 checkpointStep = 0;
        {
            ProjectDatabase db;
            QVERIFY2(db.open(project), qPrintable(db.lastError()));
            QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
            const auto run = db.run(runId);
            QVERIFY(run.has_value());
            QCOMPARE(run->status, RunStatus::Interrupted);
            QVERIFY2(!run->message.isEmpty(), "an interrupted run says why");
            const auto series = db.series(runId);
            recordedSteps = series.steps.size();
            QVERIFY(recordedSteps >= 10);
            QCOMPARE(series.steps.last().step, recordedSteps); // contiguous up to the last commit
            const auto last = db.lastCheckpoint(runId);
            QVERIFY(last.has_value());
            checkpointStep = last->step;
            qInfo("killed after %lld recorded steps; last checkpoint at step %lld", recordedSteps, checkpointStep);
        }

        // A new studio opens it and resumes the run from the Runs page.
        peft::StudioSettings settings;
        peft::LanguageManager languages;
        peft::ModelCatalog catalog;
        peft::MainWindow window(&catalog, &languages, &settings);
        QSignalSpy opened(window.projects()->store(), &peft::project::ProjectStore::opened);
        window.projects()->openProject(project, false, true);
        QVERIFY(opened.wait(10000));
        auto* controller = window.trainPage()->controller();
        QSignalSpy finished(controller, &peft::TrainingController::finished);
        Q_EMIT window.runsPage()->resumeRequested(runId);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isActive(), 10000);
        QCOMPARE(controller->history().lastStep(), checkpointStep); // the charts start at the checkpoint
        // Only a few steps more: the test is about resuming, not about finishing 400 steps.
        QTRY_VERIFY_WITH_TIMEOUT(controller->history().lastStep() >= checkpointStep + 3, 120000);
        controller->stop();
        QVERIFY(finished.wait(60000));
        QVERIFY(window.projects()->store()->waitForIdle());

        ProjectDatabase db;
        QVERIFY2(db.open(project), qPrintable(db.lastError()));
        const auto run = db.run(runId);
        QCOMPARE(run->status, RunStatus::Cancelled);
        const auto series = db.series(runId);
        QVERIFY(series.steps.last().step >= checkpointStep + 3);
        for (qsizetype i = 0; i < series.steps.size(); ++i) QCOMPARE(series.steps[i].step, qint64(i + 1));
        QCOMPARE(db.runs().size(), qsizetype(1));
    }
};

QTEST_MAIN(TestStudioCrash)
#include "studio_crash_test.moc"
