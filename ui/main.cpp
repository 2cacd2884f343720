// SPDX-License-Identifier: MIT
// peft-studio: the desktop studio. Thin: parses the command line and wires app/ to ui/.
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/studio_settings.h"
#include "compose/compose_page.h"
#include "core/dataset_session.h"
#include "data/data_page.h"
#include "export/export_page.h"
#include "project/project_store.h"
#include "train/hyperparameter_form.h"
#include "train/train_page.h"
#include "widgets/demo_controller.h"
#include "widgets/main_window.h"
#include "widgets/model_page.h"
#include "widgets/project_controller.h"
#include "runs/runs_page.h"

#include "core/blas_kernels.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>
#include <utility>

namespace {

/// Calls `ready` once the scan (and the --model folder, the demo, and the --data file's or the
/// demo dataset's statistics, if any) are in.
void whenLoaded(peft::MainWindow& window, peft::ModelCatalog& catalog, bool waitForModel, bool waitForData, bool waitForDemo,
                const std::function<void()>& ready) {
    auto pending = std::make_shared<int>(1 + (waitForModel ? 1 : 0) + (waitForData ? 1 : 0) + (waitForDemo ? 1 : 0));
    auto done = [ready, pending] {
        if (--*pending == 0) ready();
    };
    QObject::connect(&catalog, &peft::ModelCatalog::scanFinished, &window, done, Qt::SingleShotConnection);
    if (waitForDemo) {
        // A demo that cannot be built (or is cancelled) is pictured with its message.
        auto* demo = window.demoController();
        auto demoDone = std::make_shared<bool>(false);
        const auto once = [done, demoDone] {
            if (std::exchange(*demoDone, true)) return;
            done();
        };
        QObject::connect(demo, &peft::DemoController::loaded, &window, once);
        QObject::connect(demo, &peft::DemoController::failed, &window, once);
        QObject::connect(demo, &peft::DemoController::cancelled, &window, once);
    }
    if (waitForModel) QObject::connect(&catalog, &peft::ModelCatalog::modelAdded, &window, done, Qt::SingleShotConnection);
    if (waitForData) {
        // Statistics follow the file's opening (and the model's tokenizer); a file that cannot be
        // opened shows its message instead.
        auto* session = window.dataPage()->session();
        auto dataDone = std::make_shared<bool>(false);
        const auto once = [done, dataDone] {
            if (std::exchange(*dataDone, true)) return;
            done();
        };
        QObject::connect(session, &peft::DatasetSession::statisticsFinished, &window, once);
        QObject::connect(session, &peft::DatasetSession::openFailed, &window, once);
    }
}

/// --screenshot: grabs the window (after letting the widgets lay out), saves it and quits with
/// `code` (1 when the picture cannot be saved).
void grabAndQuit(peft::MainWindow& window, const QString& file, int code = 0) {
    QTimer::singleShot(500, &window, [&window, file, code] {
        const bool saved = window.grab().save(file);
        if (!saved) qWarning("cannot save the screenshot to %s", qPrintable(file));
        QApplication::exit(saved ? code : 1);
    });
}

/// --train-steps: starts a run of `steps` steps on the Train page; `ended(ok)` follows its end
/// (ok = false when it failed, or could not start: the page then shows why). With `duringAt` > 0,
/// `ended(true)` comes instead once the run passes that step (--screenshot-during).
struct FormOverrides {
    int threads = 0;          ///< --train-threads
    qint64 saveEvery = -1;    ///< --save-every
    QString runsFolder;       ///< --runs-folder
    QString evalFile;         ///< --eval-data
};

void startTraining(peft::MainWindow& window, qint64 steps, qint64 duringAt, const FormOverrides& overrides,
                   const std::function<void(bool)>& ended) {
    peft::train::TrainPage* page = window.trainPage();
    page->form()->stepsBox()->setValue(int(steps));
    if (overrides.threads > 0) page->form()->threadsBox()->setValue(overrides.threads);
    if (overrides.saveEvery >= 0) page->form()->saveEveryBox()->setValue(int(overrides.saveEvery));
    if (!overrides.runsFolder.isEmpty()) page->form()->outputEdit()->setText(overrides.runsFolder);
    if (!overrides.evalFile.isEmpty()) page->form()->setEvalFile(overrides.evalFile);
    auto* controller = page->controller();
    if (ended && duringAt > 0) {
        auto fired = std::make_shared<bool>(false);
        QObject::connect(controller, &peft::TrainingController::stepsAdded, &window, [controller, duringAt, ended, fired] {
            if (*fired || controller->history().lastStep() < duringAt) return;
            *fired = true;
            ended(true);
        });
        QObject::connect(controller, &peft::TrainingController::failed, &window, [ended](const QString& message) {
            qWarning("%s", qPrintable(message));
            ended(false);
        }, Qt::SingleShotConnection);
    } else if (ended) {
        QObject::connect(controller, &peft::TrainingController::finished, &window, [ended] { ended(true); }, Qt::SingleShotConnection);
        QObject::connect(controller, &peft::TrainingController::failed, &window, [ended](const QString& message) {
            qWarning("%s", qPrintable(message));
            ended(false);
        }, Qt::SingleShotConnection);
    }
    page->start();
}

/// --page export / --export-run: once the open project's runs are listed, chooses the run named
/// `name` (empty: the most recently finished one) as the Export page's source. `done` (may be
/// empty) follows that run's inspection, or comes at once when the project has no such run.
void chooseExportRun(peft::MainWindow& window, const QString& name, const std::function<void()>& done) {
    using peft::project::RunStatus;
    using peft::project::RunSummary;
    peft::project::ProjectStore* store = window.projects()->store();
    auto chosen = std::make_shared<bool>(false);
    QObject::connect(store, &peft::project::ProjectStore::runsLoaded, &window,
                     [&window, store, name, done, chosen](const QList<RunSummary>& runs) {
        if (!store->isOpen() || std::exchange(*chosen, true)) return; // an answer from before the project opened
        const RunSummary* pick = nullptr;
        const auto ended = [](const RunSummary& r) { return r.endedAt.isValid() ? r.endedAt : r.createdAt; };
        for (const RunSummary& run : runs) {
            if (!name.isEmpty()) {
                if (run.name == name) pick = &run;
                continue;
            }
            if (run.status != RunStatus::Finished) continue;
            if (!pick || ended(run) > ended(*pick) || (ended(run) == ended(*pick) && run.id > pick->id)) pick = &run;
        }
        if (!pick) {
            if (!name.isEmpty())
                qWarning("%s", qPrintable(QCoreApplication::translate("main", "The project has no run named '%1'.").arg(name)));
            if (done) done();
            return;
        }
        if (done)
            QObject::connect(window.exportPage(), &peft::exportpage::ExportPage::inspected, &window, [done](bool) { done(); },
                             Qt::SingleShotConnection);
        window.exportRun(pick->id);
    });
    QObject::connect(store, &peft::project::ProjectStore::openFailed, &window, [done, chosen] {
        if (!std::exchange(*chosen, true) && done) done();
    });
}

} // namespace

int main(int argc, char** argv) {
    peft::select_native_blas_kernels(argv); // before Qt starts threads
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PEFT Studio"));
    QApplication::setOrganizationName(QStringLiteral("PEFT Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PEFT_STUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/peft-studio.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("peft-studio"));

    peft::StudioSettings settings;
    peft::LanguageManager languages;
    languages.apply(settings.language()); // so --help speaks the saved language

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Parameter-efficient fine-tuning studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"), QCoreApplication::translate("main", "Open and select this model folder."), QStringLiteral("DIR"));
    const QCommandLineOption modelsDirOption(QStringLiteral("models-dir"), QCoreApplication::translate("main", "Also scan this folder for models (repeatable)."),
                                             QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save a picture of the window once the models are listed, then quit."), QStringLiteral("FILE"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QCoreApplication::translate("main", "Page to show: model, data, compose, train, runs, export, playground."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QCoreApplication::translate("main", "Interface language: en, ko, zh_CN."), QStringLiteral("CODE"));
    const QCommandLineOption recipeOption(QStringLiteral("recipe"), QCoreApplication::translate("main", "Open this recipe (JSON) on the Compose page."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QCoreApplication::translate("main", "Open this dataset (CSV, TSV, JSON, JSONL or text) on the Data page."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QCoreApplication::translate("main", "Open the demo: a tiny Llama with sentiment and fables datasets, "
                                                                            "built on this computer the first time (about a minute), nothing downloaded."));
    const QCommandLineOption trainStepsOption(
        QStringLiteral("train-steps"),
        QCoreApplication::translate("main", "Once the model, data and recipe are in, train them for N steps on the Train page "
                                            "(with --screenshot: the picture is taken when the run ends)."),
        QStringLiteral("N"));
    const QCommandLineOption projectOption(
        QStringLiteral("project"),
        QCoreApplication::translate("main", "Open this project file (created when missing) instead of the last one."), QStringLiteral("FILE"));
    const QCommandLineOption duringOption(
        QStringLiteral("screenshot-during"),
        QCoreApplication::translate("main", "With --train-steps and --screenshot: take the picture once the run passes step N."),
        QStringLiteral("N"));
    const QCommandLineOption trainThreadsOption(
        QStringLiteral("train-threads"), QCoreApplication::translate("main", "With --train-steps: CPU threads for the run."), QStringLiteral("N"));
    const QCommandLineOption saveEveryOption(
        QStringLiteral("save-every"), QCoreApplication::translate("main", "With --train-steps: steps between checkpoints."), QStringLiteral("N"));
    const QCommandLineOption runsFolderOption(
        QStringLiteral("runs-folder"), QCoreApplication::translate("main", "With --train-steps: the folder runs write to."), QStringLiteral("DIR"));
    const QCommandLineOption evalDataOption(
        QStringLiteral("eval-data"), QCoreApplication::translate("main", "With --train-steps: the evaluation file."), QStringLiteral("FILE"));
    const QCommandLineOption runsTabOption(
        QStringLiteral("runs-tab"), QCoreApplication::translate("main", "The Runs page's tab to show: curves, budget or compare (the two newest runs)."),
        QStringLiteral("TAB"));
    const QCommandLineOption exportRunOption(
        QStringLiteral("export-run"),
        QCoreApplication::translate("main", "Show the Export page with the project's run NAME chosen (--page export alone "
                                            "chooses the most recently finished run)."),
        QStringLiteral("NAME"));
    parser.addOptions({projectOption, duringOption, trainThreadsOption, saveEveryOption, runsFolderOption, evalDataOption, runsTabOption,
                       exportRunOption});
    parser.addOptions({modelOption, modelsDirOption, screenshotOption, pageOption, langOption, recipeOption, dataOption, demoOption,
                       trainStepsOption});
    parser.process(app);

    if (parser.isSet(langOption) && !languages.apply(parser.value(langOption))) {
        qWarning("%s", qPrintable(QCoreApplication::translate("main", "No translation for '%1'; use en, ko or zh_CN.").arg(parser.value(langOption))));
        return 2;
    }

    peft::ModelCatalog catalog;
    QStringList folders = settings.modelFolders();
    for (const auto& dir : parser.values(modelsDirOption)) folders << QDir(dir).absolutePath();
    catalog.setFolders(folders);

    peft::MainWindow window(&catalog, &languages, &settings);
    if (parser.isSet(pageOption) && !window.showPage(parser.value(pageOption))) {
        qWarning("%s", qPrintable(QCoreApplication::translate("main", "Unknown page '%1'; use model, data, compose, train, runs, export or playground.")
                                      .arg(parser.value(pageOption))));
        return 2;
    }
    const bool openModel = parser.isSet(modelOption);
    if (openModel) {
        const QString model = QDir(parser.value(modelOption)).absolutePath();
        if (!QFileInfo::exists(model + QStringLiteral("/config.json"))) {
            qWarning("%s", qPrintable(QCoreApplication::translate("main", "%1 is not a model folder: it has no config.json.").arg(model)));
            return 2;
        }
        window.useModel(QFileInfo(model).canonicalFilePath());
    }
    if (parser.isSet(recipeOption) && !window.composePage()->loadRecipe(parser.value(recipeOption))) {
        qWarning("%s", qPrintable(window.composePage()->messageLabel()->text()));
        return 2;
    }
    const bool openData = parser.isSet(dataOption);
    if (openData) {
        const QString data = parser.value(dataOption);
        if (!QFileInfo(data).isFile()) {
            qWarning("%s", qPrintable(QCoreApplication::translate("main", "%1 is not a file.").arg(data)));
            return 2;
        }
        window.dataPage()->openFile(data);
    }
    // The demo opens its own dataset (statistics to wait for) unless --data names another.
    const bool openDemo = parser.isSet(demoOption);
    qint64 trainSteps = 0;
    if (parser.isSet(trainStepsOption)) {
        bool ok = false;
        trainSteps = parser.value(trainStepsOption).toLongLong(&ok);
        if (!ok || trainSteps <= 0) {
            qWarning("%s", qPrintable(QCoreApplication::translate("main", "--train-steps needs a positive number of steps.")));
            return 2;
        }
    }
    if (parser.isSet(runsTabOption)) {
        const int tab = QStringList{QStringLiteral("curves"), QStringLiteral("budget"), QStringLiteral("compare")}.indexOf(parser.value(runsTabOption));
        if (tab < 0) {
            qWarning("%s", qPrintable(QCoreApplication::translate("main", "Unknown Runs tab '%1'; use curves, budget or compare.").arg(parser.value(runsTabOption))));
            return 2;
        }
        peft::runs::RunsPage* runs = window.runsPage();
        runs->tabs()->setCurrentIndex(tab);
        if (tab == 2) // compare the two top rows once the runs are in
            QObject::connect(runs, &peft::runs::RunsPage::runsShown, runs, [runs](int count) {
                if (count < 2 || runs->table()->selectionModel()->selectedRows().size() >= 2) return;
                auto* selection = runs->table()->selectionModel();
                const auto* model = runs->table()->model();
                selection->select(QItemSelection(model->index(0, 0), model->index(1, model->columnCount() - 1)),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            });
    }
    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot) window.resize(1360, 860); // the same picture whatever the saved geometry

    // The project: the one named, else (for a screenshot) a fresh one, so the picture does not
    // depend on what this computer trained before; else the last one. Pages set from the command
    // line keep that state; otherwise they take the project's.
    const bool pagesFromFlags = openModel || openData || openDemo || parser.isSet(recipeOption) || parser.isSet(pageOption) ||
                                parser.isSet(exportRunOption);
    // The Export page's run: the one named, else (--page export) the most recently finished one.
    const bool chooseRun = parser.isSet(exportRunOption) || parser.value(pageOption) == QLatin1String("export");
    if (parser.isSet(exportRunOption)) window.showPage(QStringLiteral("export"));
    QTemporaryDir scratchProjectDir;
    if (parser.isSet(projectOption)) window.projects()->openProject(QFileInfo(parser.value(projectOption)).absoluteFilePath(), true, !pagesFromFlags);
    else if (screenshot) window.projects()->openProject(scratchProjectDir.filePath(QStringLiteral("Screenshot.peftproj")), true, false);
    else window.projects()->openStartupProject(!pagesFromFlags);
    qint64 duringAt = 0;
    if (parser.isSet(duringOption)) duringAt = parser.value(duringOption).toLongLong();
    FormOverrides overrides;
    if (parser.isSet(trainThreadsOption)) overrides.threads = parser.value(trainThreadsOption).toInt();
    if (parser.isSet(saveEveryOption)) overrides.saveEvery = parser.value(saveEveryOption).toLongLong();
    if (parser.isSet(runsFolderOption)) overrides.runsFolder = QDir(parser.value(runsFolderOption)).absolutePath();
    if (parser.isSet(evalDataOption)) overrides.evalFile = QFileInfo(parser.value(evalDataOption)).absoluteFilePath();
    if (screenshot || trainSteps > 0) {
        const QString file = parser.value(screenshotOption);
        // A run that fails is still pictured (with its message), but the exit code says so.
        std::function<void(bool)> picture;
        if (screenshot) picture = [&window, file](bool ok) { grabAndQuit(window, file, ok ? 0 : 3); };
        const std::function<void()> go = [&window, trainSteps, duringAt, overrides, picture] {
            if (trainSteps > 0) startTraining(window, trainSteps, duringAt, overrides, picture);
            else if (picture) picture(true);
        };
        std::function<void()> ready = go;
        if (chooseRun) { // also wait for the chosen run's formats
            auto pending = std::make_shared<int>(2);
            ready = [go, pending] {
                if (--*pending == 0) go();
            };
            chooseExportRun(window, parser.value(exportRunOption), ready);
        }
        whenLoaded(window, catalog, openModel, openData || openDemo, openDemo, ready);
    } else if (chooseRun) {
        chooseExportRun(window, parser.value(exportRunOption), {});
    }
    window.show();
    catalog.rescan();
    if (openDemo) window.loadDemo();
    return app.exec();
}
