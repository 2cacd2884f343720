// SPDX-License-Identifier: MIT
// The Train page end to end on stories260K and SST-2 rows, through the main window's wiring (the
// Model, Data and Compose pages' state becomes the run): a run started from the page draws its
// points as they come, pauses (no new points), resumes and stops; a short run finishes with
// evaluations and exports; a run whose dataset has gone away shows the engine's message. While
// training, a 10 ms timer measures how late the GUI thread's event loop runs.
#include "compose/compose_page.h"
#include "core/dataset_session.h"
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/recipe_document.h"
#include "core/studio_settings.h"
#include "core/training_controller.h"
#include "data/data_page.h"
#include "train/hyperparameter_form.h"
#include "train/train_page.h"
#include "train/training_charts.h"
#include "train/training_log.h"
#include "widgets/main_window.h"
#include "widgets/qcustomplot_include.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <vector>

using peft::LanguageManager;
using peft::MainWindow;
using peft::ModelCatalog;
using peft::StudioSettings;
using peft::TrainingController;
using peft::train::TrainPage;

namespace {

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/data/glue/SST-2/dev.tsv")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

QString stories() { return QFileInfo(assets() + QStringLiteral("/models/stories260K")).canonicalFilePath(); }
QString sst2Dev() { return assets() + QStringLiteral("/data/glue/SST-2/dev.tsv"); }

/// The header and the first `rows` rows of SST-2 dev, as a file of its own.
QString writeHead(const QString& path, int rows) {
    QFile in(sst2Dev());
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) qFatal("cannot copy %s", qPrintable(path));
    for (int i = 0; i <= rows && !in.atEnd(); ++i) out.write(in.readLine());
    return path;
}

/// Lateness of a 10 ms timer on the GUI thread: how long the event loop was kept from it.
class LatencyProbe final : public QObject {
public:
    LatencyProbe() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(10);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ > 0) lateness_.push_back(double(now - last_) / 1e6 - 10.0);
            last_ = now;
        });
        clock_.start();
        timer_.start();
    }
    double percentile(double p) {
        if (lateness_.empty()) return 0;
        std::vector<double> sorted = lateness_;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
    }
    size_t samples() const { return lateness_.size(); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    std::vector<double> lateness_;
};

} // namespace

class TestTrainPage final : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// The window with stories260K selected, SST-2 dev open on the Data page, LoRA composed, and
    /// the Train page's form set for a quick run on one thread into the temp folder.
    void prepare(MainWindow& window, const QString& trainFile, qint64 steps) {
        window.composePage()->setModel(stories());
        QVERIFY(window.composePage()->addAt({true, QStringLiteral("lora")}, QString()));
        QSignalSpy opened(window.dataPage()->session(), &peft::DatasetSession::opened);
        window.dataPage()->openFile(trainFile);
        QVERIFY(opened.wait(30000));
        TrainPage* page = window.trainPage();
        page->setModel(stories(), 260'000);
        auto* form = page->form();
        QCOMPARE(form->lrBox()->value(), 3e-3); // a tiny model's defaults
        form->stepsBox()->setValue(int(steps));
        form->batchBox()->setValue(8);
        form->threadsBox()->setValue(1);
        form->evalEveryBox()->setValue(10);
        form->outputEdit()->setText(dir_.path() + QStringLiteral("/runs"));
        form->setEvalFile(writeHead(dir_.path() + QStringLiteral("/eval.tsv"), 24));
        window.showPage(QStringLiteral("train"));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void run_drawsPointsPausesResumesAndStops() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        prepare(window, sst2Dev(), 5000);
        TrainPage* page = window.trainPage();
        TrainingController* controller = page->controller();
        QCPGraph* loss = page->charts()->trainLossGraph();
        QSignalSpy finished(controller, &TrainingController::finished);
        QSignalSpy failed(controller, &TrainingController::failed);
        QSignalSpy added(controller, &TrainingController::stepsAdded);

        LatencyProbe probe;
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(controller->isActive());
        QVERIFY(!page->startButton()->isEnabled());
        // Points arrive and the chart grows with them.
        QTRY_VERIFY_WITH_TIMEOUT(loss->dataCount() >= 5, 60000);
        const int early = loss->dataCount();
        QTRY_VERIFY_WITH_TIMEOUT(loss->dataCount() > early + 5, 30000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(page->progressBar()->value() > 0);

        // Pause: the step in progress may still land, then nothing more.
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QCOMPARE(controller->state(), TrainingController::State::Paused);
        QVERIFY(page->resumeButton()->isVisible());
        QTest::qWait(500);
        const int paused = loss->dataCount();
        QTest::qWait(1000);
        QCOMPARE(loss->dataCount(), paused);
        QCOMPARE(qsizetype(loss->dataCount()), controller->history().steps().size());

        // Resume: points come again.
        QTest::mouseClick(page->resumeButton(), Qt::LeftButton);
        QCOMPARE(controller->state(), TrainingController::State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(loss->dataCount() > paused + 3, 30000);

        // Stop: the run ends cancelled, at the step drawn last.
        QTest::mouseClick(page->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(controller->state(), TrainingController::State::Cancelled);
        const qint64 steps = finished.first().at(0).toLongLong();
        QVERIFY(steps < 5000);
        QCOMPARE(controller->history().lastStep(), steps);
        QCOMPARE(qint64(loss->dataCount()), steps); // every point, none dropped
        QVERIFY(page->startButton()->isEnabled());
        QVERIFY(page->failureLabel()->isHidden());

        // The updates were coalesced: fewer signals than points, at most ~20 a second.
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY2(added.count() <= int(seconds * 20) + 10, qPrintable(QStringLiteral("%1 updates in %2 s").arg(added.count()).arg(seconds)));
        const double p99 = probe.percentile(0.99);
        qInfo("GUI event loop lateness during training: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %zu ticks; %lld steps, %lld updates",
              probe.percentile(0.5), p99, probe.percentile(1.0), probe.samples(), steps, qint64(added.count()));
        QVERIFY2(p99 < 50.0, qPrintable(QStringLiteral("p99 lateness %1 ms").arg(p99)));
    }

    void shortRun_finishesWithEvaluationsAndExports() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        prepare(window, writeHead(dir_.path() + QStringLiteral("/train.tsv"), 200), 30);
        TrainPage* page = window.trainPage();
        TrainingController* controller = page->controller();
        QSignalSpy finished(controller, &TrainingController::finished);
        QVERIFY(page->start());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(controller->state(), TrainingController::State::Finished);
        QCOMPARE(page->charts()->trainLossGraph()->dataCount(), 30);
        QCOMPARE(page->charts()->evalLossGraph()->dataCount(), 3); // steps 10, 20, 30
        QCOMPARE(page->charts()->lrPlot()->graph(0)->dataCount(), 30);
        QCOMPARE(page->progressBar()->value(), 30);
        QVERIFY(page->log()->toPlainText().contains(QStringLiteral("Evaluation at step 30")));
        QVERIFY(QFileInfo::exists(controller->runFolder() + QStringLiteral("/results.json")));
        // One bar per recipe module, each with what it trains.
        QCustomPlot* modules = page->charts()->modulePlot();
        QCOMPARE(modules->plottableCount(), 1);
        auto* bars = qobject_cast<QCPBars*>(modules->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), window.composePage()->document()->moduleCount());
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) QVERIFY(it->value > 0);

        // Smoothing and the log scale redraw what is there, without losing points.
        page->charts()->setSmoothing(0.9);
        page->charts()->setLogScale(true);
        QCOMPARE(page->charts()->trainLossGraph()->dataCount(), 30);
        const QString png = dir_.path() + QStringLiteral("/charts.png");
        const QString csv = dir_.path() + QStringLiteral("/metrics.csv");
        QVERIFY(page->charts()->exportPng(png));
        QVERIFY(QFileInfo(png).size() > 1000);
        const QString svg = dir_.path() + QStringLiteral("/charts.svg");
        QVERIFY(page->charts()->exportSvg(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray drawing = svgFile.readAll();
        QVERIFY(drawing.contains("<svg") && drawing.contains("<path")); // vectors, not an embedded image
        QVERIFY(page->charts()->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 31); // header + 30 steps (evaluations share their steps' rows)
        QVERIFY(lines.first().startsWith("step,loss,lr"));
        QCOMPARE(lines.last().split(',').size(), 12);
        QVERIFY(!lines.last().split(',').at(7).isEmpty()); // step 30 was evaluated
    }

    void missingDataset_showsTheEnginesMessage() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        // Open a file, then take it away before starting: the engine cannot read it.
        const QString gone = writeHead(dir_.path() + QStringLiteral("/gone.tsv"), 40);
        prepare(window, gone, 20);
        QVERIFY(QFile::remove(gone));
        TrainPage* page = window.trainPage();
        QSignalSpy failed(page->controller(), &TrainingController::failed);
        QVERIFY(page->start());
        QVERIFY(failed.wait(60000));
        QCOMPARE(page->controller()->state(), TrainingController::State::Failed);
        const QString message = failed.first().at(0).toString();
        qInfo("failure shown: %s", qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("gone.tsv")));
        QVERIFY(page->failureLabel()->isVisible());
        QVERIFY(page->failureLabel()->text().contains(message));
        QCOMPARE(page->log()->errorCount(), 1);
        QVERIFY(page->startButton()->isEnabled());
    }

    void nothingSelected_saysWhatIsMissing() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        TrainPage* page = window.trainPage();
        QVERIFY(!page->start());
        QVERIFY(!page->failureLabel()->isHidden());
        QVERIFY(page->failureLabel()->text().contains(QStringLiteral("Model page")));
        QVERIFY(!page->controller()->isActive());
    }
};

QTEST_MAIN(TestTrainPage)
#include "train_page_test.moc"
