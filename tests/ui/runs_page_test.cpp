// SPDX-License-Identifier: MIT
// The Runs page on a project the test writes with ProjectDatabase: four runs of different
// methods and states (finished, interrupted, failed), their step and evaluation points and
// configurations. The page reads it through a ProjectStore like the studio: table cells, the
// budget scatter's points, every stored point on the overlay (no cap), the step / epoch / tokens
// alignments, the configuration diff and the resume button.
#include "project/project_database.h"
#include "project/project_store.h"
#include "runs/budget_scatter.h"
#include "runs/config_diff_view.h"
#include "runs/run_overlay_chart.h"
#include "runs/runs_page.h"
#include "runs/runs_table_model.h"
#include "widgets/qcustomplot_include.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace peft::project;
using namespace peft::runs;

namespace {

struct RunSpec {
    QString name;
    QString method;
    RunStatus status;
    qint64 trainable;
    qint64 steps;       ///< recorded
    qint64 totalSteps;
    QList<double> accuracies; ///< one evaluation every 50 steps
    double lr;
    int rank;
};

const QList<RunSpec>& specs() {
    static const QList<RunSpec> list = {
        {QStringLiteral("lora-r8"), QStringLiteral("lora"), RunStatus::Finished, 1000, 200, 200, {0.61, 0.68, 0.72, 0.70}, 1e-3, 8},
        {QStringLiteral("houlsby"), QStringLiteral("houlsby"), RunStatus::Finished, 5000, 150, 150, {0.58, 0.66, 0.69}, 1e-4, 0},
        {QStringLiteral("prefix-10"), QStringLiteral("prefix"), RunStatus::Interrupted, 250, 120, 300, {0.52, 0.55}, 1e-2, 0},
        {QStringLiteral("bitfit"), QStringLiteral("bitfit"), RunStatus::Failed, 80, 30, 200, {}, 1e-3, 0},
    };
    return list;
}

constexpr qint64 kTotalParameters = 100000;
constexpr qint64 kExamplesPerStep = 8;
constexpr qint64 kTrainExamples = 400;
constexpr qint64 kTokensPerStep = 96;

QJsonObject configOf(const RunSpec& s) {
    QJsonObject peftConfig{{QStringLiteral("method"), s.method}};
    if (s.rank > 0) peftConfig.insert(QStringLiteral("r"), s.rank);
    return QJsonObject{{QStringLiteral("model"), QStringLiteral("stories260K")},
                       {QStringLiteral("train"), QJsonObject{{QStringLiteral("lr"), s.lr}, {QStringLiteral("batch_size"), 8}}},
                       {QStringLiteral("peft"), peftConfig},
                       {QStringLiteral("targets"), QJsonArray{QStringLiteral("wq"), QStringLiteral("wv")}}};
}

/// Writes the four runs; returns their ids in spec order.
QList<qint64> writeProject(const QString& path) {
    ProjectDatabase db;
    if (!db.open(path, ProjectDatabase::OpenMode::CreateNew)) qFatal("%s", qPrintable(db.lastError()));
    QList<qint64> ids;
    for (const RunSpec& s : specs()) {
        NewRun run;
        run.name = s.name;
        run.method = s.method;
        run.config = configOf(s);
        run.modelPath = QStringLiteral("/models/stories260K");
        run.datasetPath = QStringLiteral("/data/sst2.tsv");
        run.examplesPerStep = kExamplesPerStep;
        const qint64 id = db.createRun(run);
        if (id <= 0) qFatal("%s", qPrintable(db.lastError()));
        ids << id;
        db.markRunStarted(id);
        db.setRunSetup(id, QStringLiteral("classification"), s.trainable, kTotalParameters, s.totalSteps, kTrainExamples);
        QList<StepRecord> steps;
        for (qint64 i = 1; i <= s.steps; ++i) {
            StepRecord r;
            r.step = i;
            r.loss = 2.0 / std::sqrt(double(i)) + 0.05 * std::sin(double(i));
            r.lr = s.lr;
            r.elapsed = 0.5 * double(i);
            r.tokensSeen = kTokensPerStep * i + (i % 3); // not a multiple of the step: a distinct axis
            steps << r;
        }
        db.begin();
        db.appendSteps(id, steps);
        db.commit();
        for (int e = 0; e < s.accuracies.size(); ++e) {
            EvalRecord eval;
            eval.step = 50 * (e + 1);
            eval.loss = 1.0 - s.accuracies[e];
            eval.accuracy = s.accuracies[e];
            db.appendEval(id, eval);
        }
        if (s.status == RunStatus::Interrupted) db.setRunStatus(id, RunStatus::Interrupted, QStringLiteral("killed"));
        else db.markRunEnded(id, s.status, s.status == RunStatus::Failed ? QStringLiteral("out of memory") : QString());
    }
    db.close();
    return ids;
}

QString cell(const RunsPage& page, qint64 runId, int column) {
    const int row = page.model()->rowOf(runId);
    return page.model()->index(row, column).data().toString();
}

void selectRuns(RunsPage& page, const QList<qint64>& ids) {
    QItemSelectionModel* selection = page.table()->selectionModel();
    selection->clearSelection();
    for (qint64 id : ids) {
        const QModelIndex index = page.proxy()->mapFromSource(page.model()->index(page.model()->rowOf(id), 0));
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

} // namespace

class TestRunsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableShowsRuns();
    void scatterHasOnePointPerEvaluatedRun();
    void overlayDrawsEveryPoint();
    void alignmentChangesKeys();
    void configDiffListsDifferences();
    void resumeOnlyForInterrupted();
    void emptyProjectExplains();
    void screenshot();

private:
    QTemporaryDir dir_;
    QList<qint64> ids_;
    ProjectStore* store_ = nullptr;
    RunsPage* page_ = nullptr;
};

void TestRunsPage::initTestCase() {
    QVERIFY(dir_.isValid());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "1,000", "72.0"
    const QString path = dir_.filePath(QStringLiteral("runs.peftproj"));
    ids_ = writeProject(path);
    QCOMPARE(ids_.size(), 4);
    store_ = new ProjectStore(this);
    store_->setWatchInterval(0);
    page_ = new RunsPage;
    page_->resize(1360, 860);
    QSignalSpy shown(page_, &RunsPage::runsShown);
    QSignalSpy curves(page_, &RunsPage::curvesShown);
    page_->setStore(store_);
    store_->open(path, false);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!curves.isEmpty() && curves.last().at(0).toInt() == 4, 10000);
}

void TestRunsPage::tableShowsRuns() {
    QCOMPARE(page_->model()->rowCount(), 4);
    QCOMPARE(page_->proxy()->rowCount(), 4);
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Name), QStringLiteral("lora-r8"));
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Method), QStringLiteral("lora"));
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Status), QStringLiteral("Finished"));
    QCOMPARE(cell(*page_, ids_[2], RunsTableModel::Status), QStringLiteral("Interrupted"));
    QCOMPARE(cell(*page_, ids_[3], RunsTableModel::Status), QStringLiteral("Failed"));
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Trainable), QStringLiteral("1.0 %"));
    QCOMPARE(cell(*page_, ids_[2], RunsTableModel::Trainable), QStringLiteral("0.25 %"));
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Best), QStringLiteral("accuracy 72.0 %"));
    QCOMPARE(cell(*page_, ids_[3], RunsTableModel::Best), QStringLiteral("—"));
    QCOMPARE(cell(*page_, ids_[2], RunsTableModel::Steps), QStringLiteral("120 / 300"));
    QCOMPARE(cell(*page_, ids_[0], RunsTableModel::Time), QStringLiteral("0:01:40")); // elapsed 0.5 s × 200 steps
    const int row = page_->model()->rowOf(ids_[0]);
    QVERIFY(page_->model()->index(row, RunsTableModel::Trainable).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1,000")));
    // Interrupted and failed stand out.
    const QModelIndex interrupted = page_->model()->index(page_->model()->rowOf(ids_[2]), RunsTableModel::Status);
    QVERIFY(interrupted.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(interrupted.data(Qt::FontRole).value<QFont>().bold());
    // Numeric sort: trainable share ascending is bitfit (0.08 %), prefix, lora, houlsby.
    page_->table()->sortByColumn(RunsTableModel::Trainable, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < page_->proxy()->rowCount(); ++r) order << page_->proxy()->index(r, RunsTableModel::Name).data().toString();
    QCOMPARE(order, QStringList({QStringLiteral("bitfit"), QStringLiteral("prefix-10"), QStringLiteral("lora-r8"), QStringLiteral("houlsby")}));
    QVERIFY(page_->findChild<QLabel*>(QStringLiteral("runsSummary"))->text().contains(QStringLiteral("interrupted")));
}

void TestRunsPage::scatterHasOnePointPerEvaluatedRun() {
    BudgetScatter* scatter = page_->scatter();
    QCOMPARE(scatter->pointCount(), 3); // bitfit has no evaluation
    QCOMPARE(scatter->methodGraphs().size(), 3);
    int points = 0;
    for (QCPGraph* g : scatter->methodGraphs()) points += g->dataCount();
    QCOMPARE(points, 3);
    QCOMPARE(scatter->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    // lora: 1 % trainable, best accuracy 72 %.
    bool found = false;
    for (QCPGraph* g : scatter->methodGraphs())
        if (g->name() == QLatin1String("lora")) {
            QCOMPARE(g->data()->at(0)->key, 1.0);
            QCOMPARE(g->data()->at(0)->value, 72.0);
            found = true;
        }
    QVERIFY(found);
}

void TestRunsPage::overlayDrawsEveryPoint() {
    RunOverlayChart* curves = page_->curves();
    QCOMPARE(page_->checkedRuns().size(), 4); // fewer than 10 runs: all checked
    QCOMPARE(curves->plot()->graphCount(), 4);
    for (int i = 0; i < ids_.size(); ++i) {
        QCPGraph* g = curves->graphOf(ids_[i]);
        QVERIFY(g);
        QCOMPARE(g->dataCount(), int(specs()[i].steps));
        QCOMPARE(g->name(), specs()[i].name);
    }
    // Smoothing keeps every point, only the values change.
    curves->setSmoothing(0.9);
    QCOMPARE(curves->graphOf(ids_[0])->dataCount(), 200);
    curves->setSmoothing(0);
    QCOMPARE(curves->graphOf(ids_[0])->data()->at(9)->value, 2.0 / std::sqrt(10.0) + 0.05 * std::sin(10.0));
    // Unchecking a run removes its graph.
    const int row = page_->model()->rowOf(ids_[3]);
    QVERIFY(page_->model()->setData(page_->model()->index(row, RunsTableModel::Checked), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(curves->plot()->graphCount(), 3);
    QVERIFY(!curves->graphOf(ids_[3]));
    page_->setCheckedRuns(ids_);
    QCOMPARE(curves->plot()->graphCount(), 4);
    // Evaluations: one point per evaluation, accuracy in percent.
    curves->setYValue(RunOverlayChart::YValue::EvalMetric);
    QCOMPARE(curves->graphOf(ids_[0])->dataCount(), 4);
    QCOMPARE(curves->graphOf(ids_[0])->data()->at(2)->value, 72.0);
    QCOMPARE(curves->graphOf(ids_[3])->dataCount(), 0);
    curves->setLogScale(true);
    QCOMPARE(curves->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    curves->setLogScale(false);
    curves->setYValue(RunOverlayChart::YValue::TrainLoss);
    // Every point in the CSV too: header + all steps.
    const QByteArray csv = curves->toCsv();
    QCOMPARE(csv.count('\n'), 1 + 200 + 150 + 120 + 30);
}

void TestRunsPage::alignmentChangesKeys() {
    RunOverlayChart* curves = page_->curves();
    QCPGraph* g = curves->graphOf(ids_[0]);
    QCOMPARE(g->data()->at(99)->key, 100.0);
    curves->setXAxis(RunOverlayChart::XAxis::Epoch);
    g = curves->graphOf(ids_[0]);
    QCOMPARE(g->data()->at(99)->key, 100.0 * kExamplesPerStep / kTrainExamples); // epoch 2
    QCOMPARE(g->dataCount(), 200);
    curves->setXAxis(RunOverlayChart::XAxis::Tokens);
    g = curves->graphOf(ids_[0]);
    QCOMPARE(g->data()->at(99)->key, double(kTokensPerStep * 100 + 100 % 3));
    QCOMPARE(g->dataCount(), 200);
    curves->setXAxis(RunOverlayChart::XAxis::Step);
}

void TestRunsPage::configDiffListsDifferences() {
    ConfigDiffView* diff = page_->configDiff();
    selectRuns(*page_, {ids_[0], ids_[1]});
    QCOMPARE(diff->runA(), ids_[0]);
    QCOMPARE(diff->runB(), ids_[1]);
    QTRY_VERIFY_WITH_TIMEOUT(!diff->differingKeys().isEmpty(), 10000);
    QCOMPARE(diff->differingKeys(), QStringList({QStringLiteral("peft.method"), QStringLiteral("peft.r"), QStringLiteral("train.lr")}));
    // All keys listed, the same ones hidden while "only differences" is on.
    QTableWidget* table = diff->table();
    QCOMPARE(table->rowCount(), 7); // model, peft.method, peft.r, targets[0], targets[1], train.batch_size, train.lr
    int visible = 0;
    for (int r = 0; r < table->rowCount(); ++r) visible += !table->isRowHidden(r);
    QCOMPARE(visible, 3);
    diff->onlyDifferencesBox()->setChecked(false);
    visible = 0;
    for (int r = 0; r < table->rowCount(); ++r) visible += !table->isRowHidden(r);
    QCOMPARE(visible, 7);
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == QLatin1String("peft.r")) {
            QCOMPARE(table->item(r, 1)->text(), QStringLiteral("8"));
            QCOMPARE(table->item(r, 2)->text(), QStringLiteral("(not set)"));
        }
    diff->onlyDifferencesBox()->setChecked(true);
}

void TestRunsPage::resumeOnlyForInterrupted() {
    QPushButton* resume = page_->resumeButton();
    QSignalSpy spy(page_, &RunsPage::resumeRequested);
    for (int i = 0; i < ids_.size(); ++i) {
        selectRuns(*page_, {ids_[i]});
        QCOMPARE(resume->isEnabled(), specs()[i].status == RunStatus::Interrupted);
    }
    selectRuns(*page_, {ids_[2]});
    resume->click();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(0).toLongLong(), ids_[2]);
    // Double-click opens a run.
    QSignalSpy activated(page_, &RunsPage::runActivated);
    const QModelIndex index = page_->proxy()->mapFromSource(page_->model()->index(page_->model()->rowOf(ids_[1]), RunsTableModel::Name));
    Q_EMIT page_->table()->doubleClicked(index);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), ids_[1]);
}

void TestRunsPage::emptyProjectExplains() {
    ProjectStore store;
    store.setWatchInterval(0);
    RunsPage page;
    QSignalSpy shown(&page, &RunsPage::runsShown);
    page.setStore(&store);
    store.open(dir_.filePath(QStringLiteral("empty.peftproj")), true);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
    QCOMPARE(shown.first().at(0).toInt(), 0);
    auto* stack = page.findChild<QStackedWidget*>(QStringLiteral("runsStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("runsEmpty"))->text().contains(QStringLiteral("Runs you train appear here")));
}

void TestRunsPage::screenshot() {
    // The page paints: a picture of it, kept where PEFT_RUNS_PAGE_SCREENSHOT says (for a look;
    // PEFT_RUNS_PAGE_TAB=1|2 for the other tabs), else in a temp folder.
    QTemporaryDir scratch;
    QString file = qEnvironmentVariable("PEFT_RUNS_PAGE_SCREENSHOT");
    if (file.isEmpty()) file = scratch.filePath(QStringLiteral("runs-page.png"));
    page_->table()->sortByColumn(RunsTableModel::Started, Qt::DescendingOrder);
    selectRuns(*page_, {ids_[2]});
    page_->show();
    QVERIFY(QTest::qWaitForWindowExposed(page_));
    const int tab = qEnvironmentVariableIntValue("PEFT_RUNS_PAGE_TAB");
    page_->tabs()->setCurrentIndex(tab);
    if (tab == 2) selectRuns(*page_, {ids_[0], ids_[1]});
    QTest::qWait(200);
    const QImage picture = page_->grab().toImage();
    QVERIFY(!picture.isNull());
    QVERIFY(picture.save(file));
    // Not a blank window: the table and charts put many colours on it.
    QSet<QRgb> colours;
    for (int y = 0; y < picture.height(); y += 7)
        for (int x = 0; x < picture.width(); x += 7) colours.insert(picture.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
}

QTEST_MAIN(TestRunsPage)
#include "runs_page_test.moc"
