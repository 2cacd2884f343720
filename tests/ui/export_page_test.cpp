// SPDX-License-Identifier: MIT
// The Export page on real checkpoints: two 2-step runs of stories260K on SST-2 rows (LoRA and a
// prefix, trained with peft-studio-cli in initTestCase). The page lists the valid formats,
// disables merged for the prefix with the engine's reason, and exports PEFT, reporting success
// with the verification's largest logit difference. The runs are recorded into a project too, so
// the page can be pointed at a project run (selectRun) before or after the run list arrives.
#include "export/export_page.h"
#include "project/project_database.h"
#include "project/project_store.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using peft::exportpage::ExportPage;
using peft::project::ProjectDatabase;
using peft::project::ProjectStore;

class ExportPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        assets_ = qEnvironmentVariable("PEFT_ASSETS_DIR", QStringLiteral(PEFT_ASSETS_DIR_DEFAULT));
        project_ = tmp_.filePath(QStringLiteral("export.peftproj")); // the CLI records both runs here
        lora_ = train(QStringLiteral("lora"), QStringLiteral("lora"));
        prefix_ = train(QStringLiteral("prefix"), QStringLiteral("prefix_tuning"));
        QVERIFY2(!lora_.isEmpty() && !prefix_.isEmpty(), "peft-studio-cli could not train the runs to export");
    }

    void outputFolder_isSuggestedInTheRunFolder_untilTheUserChoosesOne() {
        ExportPage page;
        QSignalSpy inspected(&page, &ExportPage::inspected);
        page.setCheckpointPath(lora_);
        QVERIFY(inspected.wait(120000));
        auto output = [&page] { return page.findChild<QLineEdit*>(QStringLiteral("exportOutput"))->text(); };
        // The checkpoint lies in the run folder (runs/lora/checkpoint-N or best): exports/ beside it.
        QVERIFY2(output().startsWith(QDir::cleanPath(lora_) + QStringLiteral("/")), qPrintable(output()));
        QVERIFY2(output().endsWith(QStringLiteral("/exports/") + page.selectedFormat()), qPrintable(output()));
        page.selectFormat(QStringLiteral("adapterhub"));
        QVERIFY2(output().endsWith(QStringLiteral("/exports/adapterhub")), qPrintable(output()));
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
        // A folder the user chose stays when the format changes.
        const QString mine = tmp_.filePath(QStringLiteral("my-export"));
        page.setOutputDir(mine);
        page.selectFormat(QStringLiteral("peft"));
        QCOMPARE(output(), mine);
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

    void selectRun_beforeAndAfterTheRunsLoad_choosesAndInspectsThatRun() {
        qint64 loraId = 0, prefixId = 0;
        {
            ProjectDatabase db;
            QVERIFY2(db.open(project_), qPrintable(db.lastError()));
            for (const auto& run : db.runs()) {
                if (run.outputDir == lora_) loraId = run.id;
                if (run.outputDir == prefix_) prefixId = run.id;
            }
        }
        QVERIFY(loraId > 0 && prefixId > 0);

        ProjectStore store;
        store.setWatchInterval(0);
        ExportPage page;
        page.resize(900, 760);
        auto* runs = page.findChild<QComboBox*>(QStringLiteral("exportRuns"));
        auto* checkpoint = page.findChild<QLineEdit*>(QStringLiteral("exportCheckpoint"));
        QVERIFY(runs && checkpoint);
        QSignalSpy inspected(&page, &ExportPage::inspected);
        QSignalSpy listed(&store, &ProjectStore::runsLoaded);
        page.setStore(&store);

        // Before the runs are listed (the project is not even open): remembered, chosen on arrival.
        page.selectRun(prefixId);
        QCOMPARE(runs->currentData().value<qint64>(), qint64(0));
        QVERIFY(inspected.isEmpty());
        store.open(project_, false);
        QVERIFY(inspected.wait(120000));
        QVERIFY(!listed.isEmpty());
        QCOMPARE(inspected.takeFirst().at(0).toBool(), true);
        QCOMPARE(page.selectedRun(), prefixId);
        QCOMPARE(runs->currentData().value<qint64>(), prefixId);
        QVERIFY2(checkpoint->text().startsWith(prefix_), qPrintable(checkpoint->text()));
        // The prefix's own formats: merged is disabled with the engine's reason.
        QVERIFY(page.isFormatEnabled(QStringLiteral("peft")));
        QVERIFY(!page.isFormatEnabled(QStringLiteral("merged")));
        QVERIFY2(page.formatReason(QStringLiteral("merged")).contains(QStringLiteral("prefix tuning adds keys and values")),
                 qPrintable(page.formatReason(QStringLiteral("merged"))));

        // After they are listed: chosen at once, inspected as if picked by hand.
        page.selectRun(loraId);
        QCOMPARE(page.selectedRun(), loraId);
        QCOMPARE(runs->currentData().value<qint64>(), loraId);
        QVERIFY(inspected.wait(120000));
        QCOMPARE(inspected.takeFirst().at(0).toBool(), true);
        QVERIFY2(checkpoint->text().startsWith(lora_), qPrintable(checkpoint->text()));
        QVERIFY(page.isFormatEnabled(QStringLiteral("merged")));
        QVERIFY(page.formatReason(QStringLiteral("merged")).isEmpty());
        // A later run list keeps the choice.
        listed.clear();
        store.loadRuns();
        QVERIFY(listed.wait(10000));
        QCOMPARE(runs->currentData().value<qint64>(), loraId);
        QCOMPARE(page.selectedRun(), loraId);
        page.grab().save(QStringLiteral("/tmp/export_page_selected_run.png"));

        // A run still training has nothing to export: the page says why instead of inspecting.
        qint64 runningId = 0;
        {
            ProjectDatabase db;
            QVERIFY2(db.open(project_), qPrintable(db.lastError()));
            runningId = db.createRun({QStringLiteral("still-training"), QJsonObject{}, QStringLiteral("lora"), assets_,
                                      QString(), tmp_.filePath(QStringLiteral("runs/still-training")), 8});
            QVERIFY(runningId > 0 && db.markRunStarted(runningId));
        }
        page.selectRun(runningId); // not listed: asks the store for the runs again
        QVERIFY(inspected.wait(10000));
        QCOMPARE(inspected.takeFirst().at(0).toBool(), false);
        QCOMPARE(page.selectedRun(), qint64(0));
        QCOMPARE(runs->currentData().value<qint64>(), qint64(0));
        QVERIFY(!page.isFormatEnabled(QStringLiteral("peft")));
        const auto* info = page.findChild<QLabel*>(QStringLiteral("exportSourceInfo"));
        QVERIFY(info);
        QVERIFY2(info->text().contains(QStringLiteral("still-training")), qPrintable(info->text()));
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
        cli.start(QStringLiteral(PEFT_CLI_BINARY), {QStringLiteral("train"), path, QStringLiteral("--project"), project_});
        if (!cli.waitForFinished(300000) || cli.exitCode() != 0) {
            qWarning() << cli.readAllStandardError();
            return {};
        }
        return tmp_.filePath(QStringLiteral("runs/") + name);
    }

    QTemporaryDir tmp_;
    QString assets_, project_, lora_, prefix_;
};

QTEST_MAIN(ExportPageTest)
#include "export_page_test.moc"
