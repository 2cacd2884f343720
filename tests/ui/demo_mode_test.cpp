// SPDX-License-Identifier: MIT
// Demo mode end to end with a tiny pretraining budget in a temp folder: the demo is built off the
// GUI thread with progress, then the Model page selects and marks it, the Data page opens its
// sentiment file and the Compose page composes LoRA on it; a second load comes from the cache.
#include "compose/compose_page.h"
#include "core/dataset_session.h"
#include "core/demo_builder.h"
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/recipe_document.h"
#include "core/studio_settings.h"
#include "data/data_page.h"
#include "widgets/demo_banner.h"
#include "widgets/demo_controller.h"
#include "widgets/main_window.h"
#include "widgets/model_page.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using peft::DemoBuilder;
using peft::DemoController;
using peft::DemoInfo;
using peft::LanguageManager;
using peft::MainWindow;
using peft::ModelCatalog;
using peft::StudioSettings;

class TestDemoMode final : public QObject {
    Q_OBJECT

    /// A few pretraining steps: the whole build takes a few seconds on 2 cores.
    static constexpr qint64 kSteps = 3;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadDemo_selectsMarksAndOpensItOnEveryPage() {
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        DemoController* demo = window.demoController();
        demo->setCacheDir(cache.path());
        demo->builder()->setMaxSteps(kSteps);
        QSignalSpy progress(demo->builder(), &DemoBuilder::progress);
        QSignalSpy loaded(demo, &DemoController::loaded);
        QSignalSpy failed(demo, &DemoController::failed);
        window.loadDemo();
        QVERIFY(demo->builder()->running()); // off the GUI thread: we are back at once
        QVERIFY(loaded.wait(120000)); // generous: CI runs other tests on the second core
        QCOMPARE(failed.count(), 0);

        // Progress came through the stages, pretraining step by step, and the banner showed it.
        QList<DemoBuilder::Stage> stages;
        qint64 lastStep = 0;
        for (const auto& args : std::as_const(progress)) {
            const auto stage = args.at(0).value<DemoBuilder::Stage>();
            if (stages.isEmpty() || stages.last() != stage) stages << stage;
            if (stage == DemoBuilder::Stage::Pretrain && args.at(2).toLongLong() > 0) lastStep = args.at(1).toLongLong();
        }
        QVERIFY(stages.contains(DemoBuilder::Stage::Corpus));
        QVERIFY(stages.contains(DemoBuilder::Stage::Pretrain));
        QCOMPARE(stages.last(), DemoBuilder::Stage::Done);
        QCOMPARE(lastStep, kSteps);
        QVERIFY(window.demoBanner()->isVisible());
        QVERIFY(window.demoBanner()->textLabel()->text().contains(QStringLiteral("Demo loaded")));

        const DemoInfo info = loaded.first().first().value<DemoInfo>();
        QVERIFY(!info.fromCache);
        QCOMPARE(info.steps, kSteps);
        QVERIFY(info.root.startsWith(QFileInfo(cache.path()).canonicalFilePath()) || info.root.startsWith(cache.path()));
        const QString model = QFileInfo(info.modelDir).canonicalFilePath();

        // Model page: selected, named and badged as the demo.
        QTRY_COMPARE(window.modelPage()->selectedPath(), model);
        QCOMPARE(window.modelPage()->demoModel(), model);
        QVERIFY(window.modelPage()->demoBadge()->isVisible());
        QVERIFY(window.modelPage()->detailTitle()->text().contains(QStringLiteral("Demo")));
        QTableView* table = window.modelPage()->table();
        QVERIFY(table->currentIndex().siblingAtColumn(0).data().toString().contains(QStringLiteral("Demo")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Demo")));

        // Data page: the demo's sentiment CSV, opened and counted with the demo's tokenizer.
        auto* session = window.dataPage()->session();
        QTRY_COMPARE_WITH_TIMEOUT(session->path(), info.sentimentTrain, 10000);
        QCOMPARE(QFileInfo(session->path()).fileName(), QStringLiteral("demo-sentiment.csv"));

        // Compose page: the demo model with LoRA composed.
        QCOMPARE(QFileInfo(window.composePage()->modelDir()).canonicalFilePath(), model);
        QVERIFY(window.composePage()->document()->moduleCount() > 0);
        QCOMPARE(window.composePage()->document()->module(0).value(QStringLiteral("kind")).toString(), QStringLiteral("low_rank"));

        // A second window finds it in the cache without building (and without the progress banner).
        ModelCatalog catalog2;
        MainWindow again(&catalog2, &languages, &settings);
        again.demoController()->setCacheDir(cache.path());
        again.demoController()->builder()->setMaxSteps(kSteps);
        QSignalSpy loaded2(again.demoController(), &DemoController::loaded);
        QElapsedTimer cached;
        cached.start();
        again.loadDemo();
        QVERIFY(loaded2.wait(30000));
        QVERIFY(loaded2.first().first().value<DemoInfo>().fromCache);
        qInfo("cached demo loaded in %lld ms", static_cast<long long>(cached.elapsed()));
        QVERIFY(again.composePage()->document()->moduleCount() > 0);
    }

    void cancel_leavesNothingBehind() {
        QTemporaryDir cache;
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        DemoController* demo = window.demoController();
        demo->setCacheDir(cache.path());
        demo->builder()->setMaxSteps(200);
        QSignalSpy cancelled(demo, &DemoController::cancelled);
        // Cancel as soon as pretraining reports its first step.
        connect(demo->builder(), &DemoBuilder::progress, demo, [demo](DemoBuilder::Stage stage, qint64 step) {
            if (stage == DemoBuilder::Stage::Pretrain && step >= 1) demo->cancel();
        });
        window.loadDemo();
        QVERIFY(cancelled.wait(120000));
        QVERIFY(!demo->isLoaded());
        QVERIFY(window.demoBanner()->isHidden());
        QVERIFY(QDir(cache.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_MAIN(TestDemoMode)
#include "demo_mode_test.moc"
