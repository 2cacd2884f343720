// SPDX-License-Identifier: MIT
// The Data page's bridge without widgets: detection and the record index on the shared GLUE
// files, row ranges, line lookup, a capped index, the error scan, and token statistics.
#include "core/dataset_backend.h"
#include "core/dataset_statistics.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using peft::DatasetFile;

namespace {

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/data/glue/CoLA/dev.tsv")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class DatasetBackendTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headerlessColaIsIndexedByColumnNumber();
    void rowRangesAndLines();
    void cappedIndexIsIncomplete();
    void scanFindsMalformedRows();
    void rolesPerFormat();
    void statisticsCountLabels();
    void statisticsWithoutModelSayWhy();
    void statisticsStopWhenCancelled();
};

void DatasetBackendTest::headerlessColaIsIndexedByColumnNumber() {
    QString error;
    const auto file = DatasetFile::open(assets() + QStringLiteral("/data/glue/CoLA/dev.tsv"), &error);
    QVERIFY2(file, qPrintable(error));
    QCOMPARE(file->detection().fileKind, QStringLiteral("tsv"));
    QVERIFY(!file->detection().hasHeader);
    QCOMPARE(file->columns(), QStringList({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(file->rowCount(), qint64(1043)); // docs/data.md: the last line has no newline but is data
    QCOMPARE(file->detection().format, QStringLiteral("classification"));
    QCOMPARE(file->detection().mapping.value(QStringLiteral("label")), QStringLiteral("1"));
    QCOMPARE(file->detection().mapping.value(QStringLiteral("text")), QStringLiteral("3"));
}

void DatasetBackendTest::rowRangesAndLines() {
    const auto file = DatasetFile::open(assets() + QStringLiteral("/data/glue/SST-2/dev.tsv"));
    QVERIFY(file);
    const auto rows = file->readRows(870, 10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].line, qint64(873));
    QCOMPARE(file->rowForLine(2), qint64(0));
    QCOMPARE(file->rowForLine(873), qint64(871));
    QCOMPARE(file->rowForLine(1), qint64(-1)); // the header
    QVERIFY(file->readRows(872, 5).isEmpty());
    QVERIFY(file->readRows(-1, 5).isEmpty());
}

void DatasetBackendTest::cappedIndexIsIncomplete() {
    const auto file = DatasetFile::open(assets() + QStringLiteral("/data/glue/SST-2/train.tsv"), nullptr, 1000);
    QVERIFY(file);
    QCOMPARE(file->rowCount(), qint64(1000));
    QVERIFY(!file->complete());
    QCOMPARE(file->readRows(999, 5).size(), 1);
}

void DatasetBackendTest::scanFindsMalformedRows() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rows.jsonl"));
    writeFile(path, "{\"text\": \"one\"}\n{\"text\": oops}\n\n[1, 2]\n{\"text\": \"four\"}\n");
    const auto file = DatasetFile::open(path);
    QVERIFY(file);
    QCOMPARE(file->rowCount(), qint64(4));
    const auto errors = file->scanErrors();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].line, qint64(2));
    QVERIFY(errors[0].message.startsWith(QStringLiteral("not valid JSON")));
    QCOMPARE(errors[1].line, qint64(4));
    QCOMPARE(errors[1].row, qint64(2));
    QVERIFY(errors[1].message.contains(QStringLiteral("not a JSON object")));
}

void DatasetBackendTest::rolesPerFormat() {
    QCOMPARE(DatasetFile::formats().size(), 6);
    QCOMPARE(DatasetFile::roles(QStringLiteral("pair_classification")),
             QStringList({QStringLiteral("text"), QStringLiteral("text_pair"), QStringLiteral("label")}));
    QVERIFY(DatasetFile::roleRequired(QStringLiteral("classification"), QStringLiteral("label")));
    QVERIFY(!DatasetFile::roleRequired(QStringLiteral("alpaca"), QStringLiteral("input")));
}

void DatasetBackendTest::statisticsCountLabels() {
    peft::DatasetStatsRequest request;
    request.path = assets() + QStringLiteral("/data/glue/RTE/dev.tsv");
    request.format = QStringLiteral("pair_classification");
    request.mapping = {{QStringLiteral("text"), QStringLiteral("sentence1")},
                       {QStringLiteral("text_pair"), QStringLiteral("sentence2")},
                       {QStringLiteral("label"), QStringLiteral("label")}};
    request.modelDir = assets() + QStringLiteral("/models/bert-tiny-untrained");
    request.maxLength = 64;
    const auto s = peft::computeDatasetStatistics(request);
    QVERIFY2(s.ok, qPrintable(s.error));
    QCOMPARE(s.rows, qint64(277));
    QCOMPARE(s.labels.size(), 2);
    QCOMPARE(s.labels[0].first, QStringLiteral("entailment"));
    QCOMPARE(s.labels[0].second + s.labels[1].second, qint64(277));
    QVERIFY(s.truncatedRows > 0);
    QCOMPARE(s.tokenizer.isEmpty(), false);
}

void DatasetBackendTest::statisticsWithoutModelSayWhy() {
    peft::DatasetStatsRequest request;
    request.path = assets() + QStringLiteral("/data/glue/RTE/dev.tsv");
    const auto s = peft::computeDatasetStatistics(request);
    QVERIFY(!s.ok);
    QVERIFY(!s.error.isEmpty());
}

void DatasetBackendTest::statisticsStopWhenCancelled() {
    peft::DatasetStatsRequest request;
    request.path = assets() + QStringLiteral("/data/glue/SST-2/dev.tsv");
    request.mapping = {{QStringLiteral("text"), QStringLiteral("sentence")}, {QStringLiteral("label"), QStringLiteral("label")}};
    request.modelDir = assets() + QStringLiteral("/models/stories260K");
    const std::atomic_bool cancel{true};
    const auto s = peft::computeDatasetStatistics(request, &cancel);
    QVERIFY(s.cancelled);
    QVERIFY(!s.ok);
    const std::atomic_bool go{false};
    QVERIFY(peft::computeDatasetStatistics(request, &go).ok);
}

QTEST_MAIN(DatasetBackendTest)
#include "dataset_backend_test.moc"
