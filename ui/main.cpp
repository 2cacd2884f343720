// SPDX-License-Identifier: MIT
// peft-studio: the desktop studio. Thin: parses the command line and wires app/ to ui/.
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/studio_settings.h"
#include "compose/compose_page.h"
#include "core/dataset_session.h"
#include "data/data_page.h"
#include "train/hyperparameter_form.h"
#include "train/train_page.h"
#include "widgets/demo_controller.h"
#include "widgets/main_window.h"
#include "widgets/model_page.h"

#include "core/blas_kernels.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QSpinBox>
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
/// (ok = false when it failed, or could not start: the page then shows why).
void startTraining(peft::MainWindow& window, qint64 steps, const std::function<void(bool)>& ended) {
    peft::train::TrainPage* page = window.trainPage();
    page->form()->stepsBox()->setValue(int(steps));
    auto* controller = page->controller();
    if (ended) {
        QObject::connect(controller, &peft::TrainingController::finished, &window, [ended] { ended(true); }, Qt::SingleShotConnection);
        QObject::connect(controller, &peft::TrainingController::failed, &window, [ended](const QString& message) {
            qWarning("%s", qPrintable(message));
            ended(false);
        }, Qt::SingleShotConnection);
    }
    page->start();
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
        window.modelPage()->selectModel(QFileInfo(model).canonicalFilePath());
        window.composePage()->setModel(QFileInfo(model).canonicalFilePath());
        window.dataPage()->setModel(QFileInfo(model).canonicalFilePath());
        window.trainPage()->setModel(QFileInfo(model).canonicalFilePath(), 0);
        catalog.addModelFolder(model);
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
    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot) window.resize(1360, 860); // the same picture whatever the saved geometry
    if (screenshot || trainSteps > 0) {
        const QString file = parser.value(screenshotOption);
        // A run that fails is still pictured (with its message), but the exit code says so.
        std::function<void(bool)> picture;
        if (screenshot) picture = [&window, file](bool ok) { grabAndQuit(window, file, ok ? 0 : 3); };
        whenLoaded(window, catalog, openModel, openData || openDemo, openDemo, [&window, trainSteps, picture] {
            if (trainSteps > 0) startTraining(window, trainSteps, picture);
            else if (picture) picture(true);
        });
    }
    window.show();
    catalog.rescan();
    if (openDemo) window.loadDemo();
    return app.exec();
}
