// SPDX-License-Identifier: MIT
// The model catalog lists real model folders and Hugging Face cache layouts without loading
// weights, off the GUI thread.
#include "core/model_catalog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using peft::ModelCatalog;
using peft::ModelRow;

class TestModelCatalog final : public QObject {
    Q_OBJECT

    static QString assets() {
        const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
        const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
        if (!QFile::exists(dir + QStringLiteral("/models/stories260K/config.json")))
            qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
        return dir;
    }

    static const ModelRow* find(const ModelCatalog& catalog, const QString& name) {
        for (const auto& r : catalog.rows())
            if (r.name == name) return &r;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("HF_HUB_CACHE", QByteArrayLiteral("/nonexistent-hub-cache"));
    }

    void scanAssets_listsEveryModelWithSizesAndSupport() {
        ModelCatalog catalog;
        catalog.setFolders({assets() + QStringLiteral("/models")});
        QSignalSpy finished(&catalog, &ModelCatalog::scanFinished);
        QSignalSpy progress(&catalog, &ModelCatalog::scanProgress);
        catalog.rescan();
        QVERIFY(catalog.scanning());
        QVERIFY(finished.wait(60000));
        QVERIFY(!catalog.scanning());
        QCOMPARE(catalog.rows().size(), 4); // stories260K-llama2c is listed too, as unsupported
        QCOMPARE(progress.last().at(0).toInt(), 4); // done == total at the end
        QCOMPARE(progress.last().at(1).toInt(), 4);
        const ModelRow* stories = find(catalog, QStringLiteral("stories260K"));
        QVERIFY(stories);
        QCOMPARE(stories->modelType, QStringLiteral("llama"));
        QCOMPARE(stories->layers, 5);
        QCOMPARE(stories->hiddenSize, 64);
        QCOMPARE(stories->parameters, 260032);
        QVERIFY(stories->supported);
        QCOMPARE(stories->source, ModelRow::Source::Folder);
        QVERIFY(!stories->components.isEmpty());
        const ModelRow* gpt2 = find(catalog, QStringLiteral("tiny-gpt2"));
        QVERIFY(gpt2);
        QCOMPARE(gpt2->modelType, QStringLiteral("gpt2"));
        QVERIFY(gpt2->supported);
        const ModelRow* bert = find(catalog, QStringLiteral("bert-tiny-untrained"));
        QVERIFY(bert);
        QVERIFY(!bert->supported);
        QVERIFY2(bert->reason.contains(QStringLiteral("no weights")), qPrintable(bert->reason));
        QCOMPARE(bert->modelType, QStringLiteral("bert"));
        QCOMPARE(bert->layers, 2); // shapes still come from config.json
        QCOMPARE(bert->hiddenSize, 128);
        // Counted from config.json as a bare encoder (embeddings + 2 blocks, no pooler or head).
        QCOMPARE(bert->parameters, 4369408);
        const ModelRow* llama2c = find(catalog, QStringLiteral("stories260K-llama2c"));
        QVERIFY(llama2c);
        QVERIFY(!llama2c->supported);
        QVERIFY2(llama2c->reason.contains(QStringLiteral("stories260K.bin")) &&
                     llama2c->reason.contains(QStringLiteral("config.json")),
                 qPrintable(llama2c->reason));
    }

    void hubCacheLayout_isFoundThroughHfHubCache() {
        QTemporaryDir hub;
        const QString snapshot = hub.path() + QStringLiteral("/models--acme--tiny-llama/snapshots/abc123");
        QVERIFY(QDir().mkpath(snapshot));
        QVERIFY(QFile::copy(assets() + QStringLiteral("/models/stories260K/config.json"), snapshot + QStringLiteral("/config.json")));
        qputenv("HF_HUB_CACHE", hub.path().toLocal8Bit());
        ModelCatalog catalog;
        QCOMPARE(ModelCatalog::hubCache(), hub.path());
        QSignalSpy finished(&catalog, &ModelCatalog::scanFinished);
        catalog.rescan();
        QVERIFY(finished.wait(60000));
        const ModelRow* row = find(catalog, QStringLiteral("acme/tiny-llama"));
        QVERIFY(row);
        QCOMPARE(row->source, ModelRow::Source::HubCache);
        QCOMPARE(row->origin, hub.path());
        QVERIFY(!row->supported); // a config without weights
        qputenv("HF_HUB_CACHE", QByteArrayLiteral("/nonexistent-hub-cache"));
    }

    void addModelFolder_summarisesOffTheGuiThread() {
        ModelCatalog catalog;
        QSignalSpy added(&catalog, &ModelCatalog::modelAdded);
        catalog.addModelFolder(assets() + QStringLiteral("/models/tiny-gpt2"));
        QVERIFY(added.wait(60000));
        QCOMPARE(catalog.rows().size(), 1);
        QCOMPARE(catalog.rows().front().tokenizer, QStringLiteral("byte-level BPE (tokenizer.json)"));
    }

    void rescanWhileScanning_reportsOnlyTheLatestScan() {
        ModelCatalog catalog;
        catalog.setFolders({assets() + QStringLiteral("/models")});
        QSignalSpy finished(&catalog, &ModelCatalog::scanFinished);
        catalog.rescan();
        catalog.rescan();
        QVERIFY(finished.wait(60000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(catalog.rows().size(), 4); // stories260K-llama2c is listed too, as unsupported
    }

    void humanCount_usesMetricSuffixes() {
        using peft::humanCount;
        QCOMPARE(humanCount(260032), QStringLiteral("260.0K"));
        QCOMPARE(humanCount(124439808), QStringLiteral("124.4M"));
        QCOMPARE(humanCount(12), QStringLiteral("12"));
    }
};

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "model_catalog_test.moc"
