// SPDX-License-Identifier: MIT
// Projects through the main window: what the pages hold is autosaved and comes back exactly when
// the project is reopened in a new window; a run started on the Train page is recorded point by
// point (the file, read with its own connection, holds every step the page drew); a stopped run
// resumes from its checkpoint from the Runs page and continues the same run's steps in the file;
// the finished run's Export… (or Enter on its row) opens the Export page with the run chosen.
#include "compose/compose_page.h"
#include "core/dataset_session.h"
#include "core/file_fingerprint.h"
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/recipe_document.h"
#include "core/run_recorder.h"
#include "core/studio_settings.h"
#include "core/training_controller.h"
#include "data/data_page.h"
#include "export/export_page.h"
#include "project/project_database.h"
#include "project/project_store.h"
#include "runs/runs_page.h"
#include "runs/runs_table_model.h"
#include "train/hyperparameter_form.h"
#include "train/train_page.h"
#include "widgets/main_window.h"
#include "widgets/project_controller.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using peft::LanguageManager;
using peft::MainWindow;
using peft::ModelCatalog;
using peft::StudioSettings;
using peft::TrainingController;
using peft::project::ProjectDatabase;
using peft::project::ProjectStore;
using peft::project::RunStatus;

namespace {

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/data/glue/SST-2/dev.tsv")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

QString stories() { return QFileInfo(assets() + QStringLiteral("/models/stories260K")).canonicalFilePath(); }

QString writeHead(const QString& path, int rows) {
    QFile in(assets() + QStringLiteral("/data/glue/SST-2/dev.tsv"));
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) qFatal("cannot copy %s", qPrintable(path));
    for (int i = 0; i <= rows && !in.atEnd(); ++i) out.write(in.readLine());
    return path;
}

QString dump(const QHash<QString, QJsonObject>& state) {
    QStringList keys = state.keys();
    keys.sort();
    QString out;
    for (const auto& k : keys) out += k + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(state.value(k)).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
    return out;
}

} // namespace

class TestProjectFlow final : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// Opens `project` in `window` and waits until it is open (and its state applied).
    static bool openProject(MainWindow& window, const QString& project, bool restore) {
        QSignalSpy opened(window.projects()->store(), &ProjectStore::opened);
        QSignalSpy restored(window.projects(), &peft::ProjectController::uiStateRestored);
        window.projects()->openProject(project, true, restore);
        if (!opened.wait(10000)) return false;
        return !restore || restored.count() > 0 || restored.wait(10000);
    }

    /// stories260K, the given SST-2 rows, LoRA, a quick one-thread form writing under the temp dir.
    void prepare(MainWindow& window, const QString& trainFile, qint64 steps) {
        window.useModel(stories());
        QVERIFY(window.composePage()->addAt({true, QStringLiteral("lora")}, QString()));
        QSignalSpy opened(window.dataPage()->session(), &peft::DatasetSession::opened);
        window.dataPage()->openFile(trainFile);
        QVERIFY(opened.wait(30000));
        auto* form = window.trainPage()->form();
        form->stepsBox()->setValue(int(steps));
        form->batchBox()->setValue(8);
        form->threadsBox()->setValue(1);
        form->evalEveryBox()->setValue(10);
        form->saveEveryBox()->setValue(5);
        form->outputEdit()->setText(dir_.path() + QStringLiteral("/runs"));
        form->setEvalFile(writeHead(dir_.path() + QStringLiteral("/eval.tsv"), 24));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void reopen_reproducesThePagesExactly() {
        const QString project = dir_.filePath(QStringLiteral("state.peftproj"));
        QHash<QString, QJsonObject> before;
        {
            StudioSettings settings;
            LanguageManager languages;
            ModelCatalog catalog;
            MainWindow window(&catalog, &languages, &settings);
            QVERIFY(openProject(window, project, false));
            prepare(window, writeHead(dir_.filePath(QStringLiteral("state-train.tsv")), 40), 77);
            window.dataPage()->session()->setMaxLength(48);
            window.trainPage()->form()->lrBox()->setValue(0.0042);
            window.showPage(QStringLiteral("compose"));
            window.projects()->autosave();
            before = window.projects()->captureUiState();
            QVERIFY(window.projects()->store()->waitForIdle());
        } // the window, its store and the file's connection close here
        QVERIFY(QFileInfo::exists(project));

        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        QSignalSpy dataOpened(window.dataPage()->session(), &peft::DatasetSession::opened);
        QVERIFY(openProject(window, project, true));
        QVERIFY(dataOpened.wait(30000)); // the dataset reopens off the GUI thread
        QTRY_COMPARE_WITH_TIMEOUT(window.dataPage()->session()->maxLength(), qint64(48), 5000);
        const auto after = window.projects()->captureUiState();
        QCOMPARE(dump(after), dump(before));
        QCOMPARE(window.currentPageKey(), QStringLiteral("compose"));
        QCOMPARE(window.trainPage()->modelDir(), stories());
        QCOMPARE(window.trainPage()->form()->lrBox()->value(), 0.0042);
        QCOMPARE(window.composePage()->document()->moduleCount(), before.value(QStringLiteral("recipe")).value(QStringLiteral("modules")).toArray().size());
    }

    void changedOrMissingFiles_areNoticedWhenTheProjectOpens() {
        const QString project = dir_.filePath(QStringLiteral("refs.peftproj"));
        const QString data = writeHead(dir_.filePath(QStringLiteral("refs.tsv")), 5);
        {
            ProjectDatabase db;
            QVERIFY2(db.open(project, ProjectDatabase::OpenMode::CreateNew), qPrintable(db.lastError()));
            QVERIFY(db.addReference({QStringLiteral("dataset"), data, peft::fileFingerprint(QStringLiteral("dataset"), data), {}}));
            QVERIFY(db.addReference({QStringLiteral("model"), stories(), peft::fileFingerprint(QStringLiteral("model"), stories()), {}}));
            QVERIFY(db.addReference({QStringLiteral("dataset"), dir_.filePath(QStringLiteral("gone.tsv")), QStringLiteral("00"), {}}));
        }
        QCOMPARE(peft::fileFingerprint(QStringLiteral("dataset"), data).size(), 64);
        QFile f(data);
        QVERIFY(f.open(QIODevice::Append));
        f.write("an edited row\t1\n");
        f.close();

        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        QSignalSpy noticed(window.projects(), &peft::ProjectController::referencesChanged);
        QVERIFY(openProject(window, project, false));
        QVERIFY(noticed.count() > 0 || noticed.wait(10000));
        QCOMPARE(noticed.first().at(0).toStringList(), QStringList{dir_.filePath(QStringLiteral("gone.tsv"))});
        QCOMPARE(noticed.first().at(1).toStringList(), QStringList{data});
    }

    void trainPageRun_isRecordedResumesAndIsExportedFromTheRunsPage() {
        const QString project = dir_.filePath(QStringLiteral("runs.peftproj"));
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        QVERIFY(openProject(window, project, false));
        prepare(window, writeHead(dir_.filePath(QStringLiteral("runs-train.tsv")), 120), 24);
        TrainingController* controller = window.trainPage()->controller();
        QSignalSpy finished(controller, &TrainingController::finished);
        QSignalSpy recorded(window.projects()->recorder(), &peft::RunRecorder::runRecorded);

        // Stop the run once it has passed its first checkpoints.
        QVERIFY(window.trainPage()->start());
        QTRY_VERIFY_WITH_TIMEOUT(controller->history().lastStep() >= 11, 120000);
        controller->stop();
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.last().at(1).toBool()); // cancelled
        const qint64 stoppedAt = controller->history().lastStep();
        QVERIFY(recorded.count() == 1 || recorded.wait(5000));
        const qint64 runId = recorded.first().at(0).toLongLong();
        QVERIFY(window.projects()->store()->waitForIdle());

        {
            ProjectDatabase db;
            QVERIFY2(db.open(project), qPrintable(db.lastError()));
            const auto run = db.run(runId);
            QVERIFY(run.has_value());
            QCOMPARE(run->status, RunStatus::Cancelled);
            QCOMPARE(run->stepsDone, stoppedAt);
            QCOMPARE(run->totalSteps, qint64(24));
            QVERIFY(run->trainableParameters > 0);
            const auto series = db.series(runId);
            QCOMPARE(series.steps.size(), controller->history().steps().size());
            for (qsizetype i = 0; i < series.steps.size(); ++i) {
                QCOMPARE(series.steps[i].step, controller->history().steps()[i].step);
                QCOMPARE(series.steps[i].loss, controller->history().steps()[i].loss);
            }
            QVERIFY(series.evals.size() >= 1); // step 10
            QVERIFY(!db.checkpoints(runId).isEmpty());
            // Its recipe is among the project's recipes (named after the run: the composed one has no name).
            QCOMPARE(db.recipeNames().size(), qsizetype(1));
            QCOMPARE(db.recipe(db.recipeNames().first()).value(QStringLiteral("modules")).toArray().size(),
                     window.composePage()->document()->moduleCount());
            // The model and dataset are referenced with their fingerprints (computed off the GUI thread).
            const auto fingerprinted = [&project] {
                ProjectDatabase reader;
                int n = 0;
                if (reader.open(project))
                    for (const auto& ref : reader.references()) n += ref.hash.size() == 64 ? 1 : 0;
                return n;
            };
            QTRY_COMPARE_WITH_TIMEOUT(fingerprinted(), 2, 10000);
            QCOMPARE(db.runConfig(runId).value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(db.runConfig(runId).value(QStringLiteral("training")).toObject().value(QStringLiteral("max_steps")).toInteger(), qint64(24));
        }

        // The Runs page lists it and resumes it from its last checkpoint.
        window.showPage(QStringLiteral("runs"));
        window.runsPage()->reload();
        QSignalSpy resumedFinished(controller, &TrainingController::finished);
        QSignalSpy resumeFailed(controller, &TrainingController::failed);
        Q_EMIT window.runsPage()->resumeRequested(runId);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isActive(), 10000);
        QCOMPARE(window.currentPageKey(), QStringLiteral("train"));
        QTRY_VERIFY_WITH_TIMEOUT(!resumedFinished.isEmpty() || !resumeFailed.isEmpty(), 180000);
        QVERIFY2(resumeFailed.isEmpty(), qPrintable(resumeFailed.value(0).value(0).toString()));
        QVERIFY(!resumedFinished.last().at(1).toBool());
        QCOMPARE(controller->history().lastStep(), qint64(24));
        QVERIFY(window.projects()->store()->waitForIdle());

        ProjectDatabase db;
        QVERIFY2(db.open(project), qPrintable(db.lastError()));
        const auto run = db.run(runId);
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->stepsDone, qint64(24));
        const auto series = db.series(runId);
        QCOMPARE(series.steps.size(), qsizetype(24)); // 1..24, the steps after the checkpoint rewritten
        for (qsizetype i = 0; i < series.steps.size(); ++i) QCOMPARE(series.steps[i].step, qint64(i + 1));
        for (qsizetype i = 1; i < series.steps.size(); ++i) QVERIFY(series.steps[i].tokensSeen > series.steps[i - 1].tokensSeen);
        QCOMPARE(db.runs().size(), qsizetype(1)); // the same run, not a new one

        // The finished run is exported from the Runs page: Export… opens the Export page with it
        // chosen and its checkpoint inspected.
        window.showPage(QStringLiteral("runs"));
        peft::runs::RunsPage* runs = window.runsPage();
        runs->reload();
        QTRY_VERIFY_WITH_TIMEOUT(runs->model()->run(runId) && runs->model()->run(runId)->status == RunStatus::Finished, 10000);
        QVERIFY(!runs->exportButton()->isEnabled()); // nothing selected
        // The run's row now (the table is rebuilt whenever the runs are listed again).
        const auto rowOfRun = [runs, runId] {
            return runs->proxy()->mapFromSource(runs->model()->index(runs->model()->rowOf(runId), peft::runs::RunsTableModel::Name));
        };
        QVERIFY(rowOfRun().isValid());
        runs->table()->selectionModel()->select(rowOfRun(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(runs->exportButton()->isEnabled());
        auto* exportPage = window.exportPage();
        auto* exportRuns = exportPage->findChild<QComboBox*>(QStringLiteral("exportRuns"));
        QVERIFY(exportRuns);
        QSignalSpy requested(runs, &peft::runs::RunsPage::exportRequested);
        QSignalSpy inspected(exportPage, &peft::exportpage::ExportPage::inspected);
        QTest::mouseClick(runs->exportButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), runId);
        QCOMPARE(window.currentPageKey(), QStringLiteral("export"));
        QVERIFY(inspected.count() > 0 || inspected.wait(120000));
        QCOMPARE(inspected.last().at(0).toBool(), true);
        QCOMPARE(exportPage->selectedRun(), runId);
        QCOMPARE(exportRuns->currentData().value<qint64>(), runId);
        QVERIFY(exportPage->isFormatEnabled(QStringLiteral("peft")));

        // Enter on the row in the Runs table does the same.
        window.showPage(QStringLiteral("runs"));
        runs->table()->setCurrentIndex(rowOfRun());
        inspected.clear();
        QTest::keyClick(runs->table(), Qt::Key_Return);
        QCOMPARE(window.currentPageKey(), QStringLiteral("export"));
        QVERIFY(inspected.count() > 0 || inspected.wait(120000));
        QCOMPARE(inspected.last().at(0).toBool(), true);
        QCOMPARE(exportRuns->currentData().value<qint64>(), runId);
    }
};

QTEST_MAIN(TestProjectFlow)
#include "project_flow_test.moc"
