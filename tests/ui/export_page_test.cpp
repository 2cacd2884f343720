// SPDX-License-Identifier: MIT
// The Export page on real checkpoints: two 2-step runs of stories260K on SST-2 rows (LoRA and a
// prefix, trained with peft-studio-cli in initTestCase). The page lists the valid formats,
// disables merged for the prefix with the engine's reason, and exports PEFT, reporting success
// with the verification's largest logit difference.
#include "export/export_page.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using peft::exportpage::ExportPage;

class ExportPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        assets_ = qEnvironmentVariable("PEFT_ASSETS_DIR", QStringLiteral(PEFT_ASSETS_DIR_DEFAULT));
        lora_ = train(QStringLiteral("lora"), QStringLiteral("lora"));
        prefix_ = train(QStringLiteral("prefix"), QStringLiteral("prefix_tuning"));
        QVERIFY2(!lora_.isEmpty() && !prefix_.isEmpty(), "peft-studio-cli could not train the runs to export");
    }

    void listsValidFormatsAndExportsPeft() {
        ExportPage page;
        page.resize(900, 760);
        QSignalSpy inspected(&page, &ExportPage::inspected);
        page.setCheckpointPath(lora_);
        QVERIFY(inspected.wait(120000));
        QCOMPARE(inspected.takeFirst().at(0).toBool(), true);
        QVERIFY(page.isFormatEnabled(QStringLiteral("peft")));
        QVERIFY(page.isFormatEnabled(QStringLiteral("studio")));
        QVERIFY(page.isFormatEnabled(QStringLiteral("merged")));
        // LoRA + a classification head: AdapterHub expresses it too.
        QVERIFY2(page.isFormatEnabled(QStringLiteral("adapterhub")), qPrintable(page.formatReason(QStringLiteral("adapterhub"))));

        page.selectFormat(QStringLiteral("peft"));
        const QString out = tmp_.filePath(QStringLiteral("peft-export"));
        page.setOutputDir(out);
        QSignalSpy finished(&page, &ExportPage::exportFinished);
        page.startExport();
        QVERIFY(page.isBusy());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY2(page.lastOutcome().ok, qPrintable(page.lastOutcome().error));
        QVERIFY(page.lastOutcome().maxLogitDifference <= 1e-4);
        QVERIFY(page.lastOutcome().files.contains(QStringLiteral("adapter_config.json")));
        QVERIFY(QFile::exists(out + QStringLiteral("/adapter_model.safetensors")));
        QVERIFY2(page.resultText().contains(QStringLiteral("adapter_model.safetensors")), qPrintable(page.resultText()));
        QVERIFY2(page.resultText().contains(QStringLiteral("largest logit difference")), qPrintable(page.resultText()));
        page.grab().save(QStringLiteral("/tmp/export_page.png"));
    }

    void disablesMergedForAPrefixWithTheReason() {
        ExportPage page;
        page.resize(900, 760);
        QSignalSpy inspected(&page, &ExportPage::inspected);
        page.setCheckpointPath(prefix_);
        QVERIFY(inspected.wait(120000));
        QVERIFY(page.isFormatEnabled(QStringLiteral("peft")));
        QVERIFY(page.isFormatEnabled(QStringLiteral("studio")));
        QVERIFY(!page.isFormatEnabled(QStringLiteral("merged")));
        QVERIFY2(page.formatReason(QStringLiteral("merged")).contains(QStringLiteral("prefix tuning adds keys and values")),
                 qPrintable(page.formatReason(QStringLiteral("merged"))));
        page.selectFormat(QStringLiteral("merged"));
        page.grab().save(QStringLiteral("/tmp/export_page_prefix.png"));
    }

    void aFolderThatIsNoCheckpointSaysWhy() {
        ExportPage page;
        QSignalSpy inspected(&page, &ExportPage::inspected);
        page.setCheckpointPath(tmp_.path());
        QVERIFY(inspected.wait(60000));
        QCOMPARE(inspected.takeFirst().at(0).toBool(), false);
        QVERIFY(!page.isFormatEnabled(QStringLiteral("peft")));
    }

private:
    static QString quoted(const QString& text) {
        return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }

    QString train(const QString& name, const QString& preset) {
        const QString dev = assets_ + QStringLiteral("/data/glue/SST-2/dev.tsv");
        // Written as JSON text: the build forbids implicit const char* -> QString conversions.
        const QString json = QStringLiteral(R"({
  "version": 1, "name": "%1", "model": %2,
  "data": {"train_file": %3, "eval_file": %3, "format": "classification",
           "columns": {"text": "sentence", "label": "label"}, "max_length": 32,
           "max_train_examples": 16, "max_eval_examples": 8},
  "recipe": {"preset": "%4"},
  "training": {"lr": 2e-3, "max_steps": 2, "batch_size": 8},
  "output_dir": %5, "seed": 0, "threads": 1})")
                                 .arg(name, quoted(assets_ + QStringLiteral("/models/stories260K")), quoted(dev), preset,
                                      quoted(tmp_.filePath(QStringLiteral("runs/") + name)));
        const QJsonDocument config = QJsonDocument::fromJson(json.toUtf8());
        if (!config.isObject()) return {};
        const QString path = tmp_.filePath(name + QStringLiteral(".json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) return {};
        file.write(config.toJson());
        file.close();
        QProcess cli;
        cli.start(QStringLiteral(PEFT_CLI_BINARY), {QStringLiteral("train"), path});
        if (!cli.waitForFinished(300000) || cli.exitCode() != 0) {
            qWarning() << cli.readAllStandardError();
            return {};
        }
        return tmp_.filePath(QStringLiteral("runs/") + name);
    }

    QTemporaryDir tmp_;
    QString assets_, lora_, prefix_;
};

QTEST_MAIN(ExportPageTest)
#include "export_page_test.moc"
