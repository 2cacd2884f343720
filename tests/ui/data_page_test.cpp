// SPDX-License-Identifier: MIT
// The real Data page on the shared GLUE and text files and on files the test writes: format
// detection and the preselected mapping, the lazy preview, statistics from a worker thread with
// stories260K's tokenizer (label balance checked against a count done here), malformed rows
// listed with their lines and clickable, and a JSON Lines alpaca file.
#include "core/dataset_session.h"
#include "data/column_mapping_editor.h"
#include "data/data_page.h"
#include "data/dataset_table_model.h"
#include "data/label_balance_chart.h"
#include "data/length_histogram.h"
#include "data/row_error_list.h"
#include "data/statistics_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace peft::datapage;

namespace {

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/data/glue/SST-2/dev.tsv")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

QString stories() { return QFileInfo(assets() + QStringLiteral("/models/stories260K")).canonicalFilePath(); }

/// The file's data lines (after the header), split on tabs, read here without the engine.
QList<QStringList> readTsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    QList<QStringList> rows;
    bool header = true;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        if (line.endsWith(QLatin1Char('\n'))) line.chop(1);
        if (line.endsWith(QLatin1Char('\r'))) line.chop(1);
        if (line.trimmed().isEmpty()) continue;
        if (std::exchange(header, false)) continue;
        rows << line.split(QLatin1Char('\t'));
    }
    return rows;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
}

/// Opens `path` on the page and waits until the file is in and its rows have been checked.
bool openAndWait(DataPage& page, const QString& path) {
    QSignalSpy opened(page.session(), &peft::DatasetSession::opened);
    page.openFile(path);
    if (!opened.wait(30000)) return false;
    return QTest::qWaitFor([&page] { return page.session()->errorsScanned(); }, 30000);
}

QString currentRole(const DataPage& page, const QString& role) {
    const QComboBox* combo = page.mappingEditor()->comboFor(role);
    return combo ? combo->currentData().toString() : QStringLiteral("<no combo for %1>").arg(role);
}

} // namespace

class DataPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sst2DevIsClassificationWithStatistics();
    void changingMaxLengthRecountsTruncation();
    void malformedCsvListsRowErrors();
    void jsonlAlpacaIsDetected();
    void alpacaJsonArrayPreviews();
    void textFilePreviewsLines();
    void droppedFileOpens();
    void unreadableFileSaysWhy();
};

void DataPageTest::sst2DevIsClassificationWithStatistics() {
    const QString path = assets() + QStringLiteral("/data/glue/SST-2/dev.tsv");
    const QList<QStringList> expected = readTsv(path);
    QCOMPARE(expected.size(), 872); // docs/data.md: SST-2 dev has 872 rows

    DataPage page;
    page.setModel(stories());
    QSignalSpy stats(page.session(), &peft::DatasetSession::statisticsFinished);
    QVERIFY(openAndWait(page, path));

    QCOMPARE(page.formatBox()->currentData().toString(), QStringLiteral("classification"));
    QCOMPARE(page.session()->format(), QStringLiteral("classification"));
    QCOMPARE(currentRole(page, QStringLiteral("text")), QStringLiteral("sentence"));
    QCOMPARE(currentRole(page, QStringLiteral("label")), QStringLiteral("label"));

    DatasetTableModel* model = page.tableModel();
    QCOMPARE(model->totalRows(), qint64(expected.size()));
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("sentence"));
    QCOMPARE(model->index(0, 0).data().toString(), expected[0][0]);
    QCOMPARE(model->index(0, 1).data().toString(), expected[0][1]);
    QCOMPARE(model->headerData(0, Qt::Vertical).toInt(), 2); // rows are numbered by file line
    // Lazy: one page is exposed at first, the rest as the view asks.
    QCOMPARE(model->rowCount(), DatasetTableModel::kPageRows);
    QVERIFY(model->canFetchMore({}));
    while (model->canFetchMore({})) model->fetchMore({});
    QCOMPARE(model->rowCount(), expected.size());
    QCOMPARE(model->index(871, 0).data().toString(), expected[871][0]);
    QVERIFY(page.session()->rowErrors().isEmpty());

    QVERIFY(stats.count() > 0 || stats.wait(60000));
    const auto& s = page.session()->statistics();
    QVERIFY2(s.ok, qPrintable(s.error));
    QCOMPARE(s.rows, qint64(expected.size()));
    QCOMPARE(s.skippedRows, qint64(0));
    QVERIFY(s.maxLength >= s.minLength && s.minLength > 0);
    QCOMPARE(s.maxLengthSetting, qint64(page.statisticsPanel()->maxLengthBox()->value()));

    // Label balance against a count of the file's label column.
    QMap<QString, qint64> counted;
    for (const auto& row : expected) ++counted[row[1]];
    const auto drawn = page.labelChart()->counts();
    QCOMPARE(drawn.size(), counted.size());
    for (const auto& [name, count] : drawn) QCOMPARE(count, counted.value(name));
    qint64 binned = 0;
    for (const auto c : page.histogram()->binCounts()) binned += c;
    QCOMPARE(binned, qint64(expected.size()));
    QVERIFY(page.statisticsPanel()->figuresText().contains(QStringLiteral("872")));
}

void DataPageTest::changingMaxLengthRecountsTruncation() {
    DataPage page;
    page.setModel(stories());
    QSignalSpy stats(page.session(), &peft::DatasetSession::statisticsFinished);
    QVERIFY(openAndWait(page, assets() + QStringLiteral("/data/glue/SST-2/dev.tsv")));
    QVERIFY(stats.count() > 0 || stats.wait(60000));
    const qint64 longest = page.session()->statistics().maxLength;
    if (longest <= 128) QCOMPARE(page.session()->statistics().truncatedRows, qint64(0));

    // A limit below the longest example truncates some rows; the result replaces the old one.
    stats.clear();
    page.statisticsPanel()->maxLengthBox()->setValue(int(longest / 2));
    QVERIFY(stats.wait(60000));
    const auto& s = page.session()->statistics();
    QVERIFY2(s.ok, qPrintable(s.error));
    QCOMPARE(s.maxLengthSetting, longest / 2);
    QVERIFY(s.truncatedRows > 0 && s.truncatedRows < s.rows);
}

void DataPageTest::malformedCsvListsRowErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    writeFile(path,
              "text,label\n"                        // line 1: header
              "\"a quoted, fine sentence\",1\n"     // line 2
              "another good sentence here,0\n"      // line 3
              "too,many,fields,in this row,1\n"     // line 4: 5 fields
              "yet another good sentence,1\n"       // line 5
              "\"this quote is never closed,0\n"    // line 6: runs to the end of the file
              "and this line is swallowed,1\n");

    DataPage page;
    QVERIFY(openAndWait(page, path));
    const auto errors = page.session()->rowErrors();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].line, qint64(4));
    QCOMPARE(errors[0].message, QStringLiteral("expected 2 columns, found 5"));
    QCOMPARE(errors[0].row, qint64(2));
    QCOMPARE(errors[1].line, qint64(6));
    QVERIFY2(errors[1].message.contains(QStringLiteral("never closed")), qPrintable(errors[1].message));

    // The list shows both, with their lines; clicking one selects its row in the preview.
    RowErrorList* list = page.errorList();
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("4")));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("expected 2 columns, found 5")));
    QVERIFY(list->item(1)->text().contains(QStringLiteral("6")));
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QRect rect = list->visualItemRect(list->item(1));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(page.table()->currentIndex().row(), int(errors[1].row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
    QCOMPARE(page.table()->currentIndex().row(), 2);
    // The malformed row is marked in the preview, with the engine's message as its tooltip.
    const QModelIndex bad = page.tableModel()->index(2, 0);
    QVERIFY(bad.data(Qt::BackgroundRole).isValid());
    QCOMPARE(bad.data(Qt::ToolTipRole).toString(), QStringLiteral("expected 2 columns, found 5"));
    QVERIFY(!page.tableModel()->index(0, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(page.tableModel()->index(0, 0).data().toString(), QStringLiteral("a quoted, fine sentence"));
}

void DataPageTest::jsonlAlpacaIsDetected() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tasks.jsonl"));
    writeFile(path,
              R"({"instruction": "Add the numbers.", "input": "2 and 3", "output": "5"})" "\n"
              R"({"instruction": "Name a colour.", "input": "", "output": "Blue"})" "\n"
              R"({"instruction": "Say hello in French.", "input": "", "output": "Bonjour"})" "\n");
    DataPage page;
    page.setModel(stories());
    QSignalSpy stats(page.session(), &peft::DatasetSession::statisticsFinished);
    QVERIFY(openAndWait(page, path));
    QCOMPARE(page.formatBox()->currentData().toString(), QStringLiteral("alpaca"));
    QCOMPARE(currentRole(page, QStringLiteral("instruction")), QStringLiteral("instruction"));
    QCOMPARE(currentRole(page, QStringLiteral("input")), QStringLiteral("input"));
    QCOMPARE(currentRole(page, QStringLiteral("output")), QStringLiteral("output"));
    QCOMPARE(currentRole(page, QStringLiteral("system")), QString());
    QCOMPARE(page.tableModel()->totalRows(), qint64(3));
    // Mapped keys first, in role order (JSON objects list their keys sorted).
    QCOMPARE(page.tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("instruction"));
    QCOMPARE(page.tableModel()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("input"));
    QCOMPARE(page.tableModel()->index(0, 1).data().toString(), QStringLiteral("2 and 3"));
    QVERIFY(stats.count() > 0 || stats.wait(60000));
    const auto& s = page.session()->statistics();
    QVERIFY2(s.ok, qPrintable(s.error));
    QCOMPARE(s.rows, qint64(3));
    QVERIFY(s.trainableTokens > 0 && s.trainableTokens < s.totalTokens); // loss on the outputs only
    QVERIFY(page.labelChart()->counts().isEmpty());

    // Switching the format by hand is kept, and the mapping follows it.
    page.formatBox()->setCurrentIndex(page.formatBox()->findData(QStringLiteral("text")));
    Q_EMIT page.formatBox()->activated(page.formatBox()->currentIndex());
    QCOMPARE(page.session()->format(), QStringLiteral("text"));
    QVERIFY(page.mappingEditor()->comboFor(QStringLiteral("instruction")) == nullptr);
    QVERIFY(page.mappingEditor()->comboFor(QStringLiteral("text")) != nullptr);
}

void DataPageTest::alpacaJsonArrayPreviews() {
    const QString path = assets() + QStringLiteral("/data/text/alpaca_en_demo.json");
    DataPage page;
    QVERIFY(openAndWait(page, path));
    QCOMPARE(page.session()->format(), QStringLiteral("alpaca"));
    QVERIFY(page.tableModel()->totalRows() > 0);
    QCOMPARE(page.tableModel()->index(0, 0).data().toString(), QStringLiteral("Describe a process of making crepes."));
}

void DataPageTest::textFilePreviewsLines() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("story.txt"));
    writeFile(path, "Once upon a time there was a cat.\n\nThe cat liked milk.\r\nIt slept all day.\n");
    DataPage page;
    page.setModel(stories());
    QSignalSpy stats(page.session(), &peft::DatasetSession::statisticsFinished);
    QVERIFY(openAndWait(page, path));
    QCOMPARE(page.session()->format(), QStringLiteral("text"));
    QCOMPARE(page.tableModel()->totalRows(), qint64(3));
    QCOMPARE(page.tableModel()->index(1, 0).data().toString(), QStringLiteral("The cat liked milk."));
    QCOMPARE(page.tableModel()->headerData(2, Qt::Vertical).toInt(), 4);
    QVERIFY(page.mappingEditor()->roles().isEmpty()); // nothing to map
    QVERIFY(stats.count() > 0 || stats.wait(60000));
    QVERIFY2(page.session()->statistics().ok, qPrintable(page.session()->statistics().error));
    QVERIFY(page.session()->statistics().documents);
    QCOMPARE(page.session()->statistics().rows, qint64(2)); // two paragraphs
}

void DataPageTest::droppedFileOpens() {
    DataPage page;
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(assets() + QStringLiteral("/data/glue/RTE/dev.tsv"))});
    QSignalSpy opened(page.session(), &peft::DatasetSession::opened);
    const QPoint at = page.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&page, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&page, &drop);
    QVERIFY(opened.wait(30000));
    QCOMPARE(page.session()->format(), QStringLiteral("pair_classification"));
    QCOMPARE(page.tableModel()->totalRows(), qint64(277));
}

void DataPageTest::unreadableFileSaysWhy() {
    DataPage page;
    QSignalSpy failed(page.session(), &peft::DatasetSession::openFailed);
    page.openFile(QStringLiteral("/nonexistent/missing.csv"));
    QVERIFY(failed.wait(10000));
    QVERIFY(!page.session()->file());
    QVERIFY(!failed.first().at(1).toString().isEmpty());
}

QTEST_MAIN(DataPageTest)
#include "data_page_test.moc"
