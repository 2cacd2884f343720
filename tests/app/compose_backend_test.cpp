// SPDX-License-Identifier: MIT
// The composer's bridge to the engine (Qt types only) and its recipe document, on the shared
// models: sites per architecture, attachability, module resolution (GPT-2's fused c_attn
// slices), presets, figures and recipe files.
#include "core/compose_backend.h"
#include "core/recipe_document.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using peft::ComposeBackend;
using peft::RecipeDocument;

class TestComposeBackend final : public QObject {
    Q_OBJECT

    static QString model(const char* name) {
        const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
        const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
        const QString path = dir + QStringLiteral("/models/") + QLatin1String(name);
        if (!QFile::exists(path + QStringLiteral("/config.json"))) qFatal("test assets not found at %s", qPrintable(dir));
        return path;
    }

    static QJsonObject lora(const QStringList& sites) {
        QJsonObject m = ComposeBackend::defaultModule(QStringLiteral("low_rank"));
        m.insert(QStringLiteral("name"), QStringLiteral("lora"));
        m.insert(QStringLiteral("sites"), QJsonArray::fromStringList(sites));
        return m;
    }

private Q_SLOTS:
    void llama_sitesAttachabilityAndFigures() {
        ComposeBackend backend;
        QVERIFY(backend.open(model("stories260K")));
        QCOMPARE(backend.family(), QStringLiteral("llama"));
        QCOMPARE(backend.layerCount(), 5);
        QVERIFY(!backend.postNorm());
        QStringList roles;
        for (const auto& s : backend.sites())
            if (s.layer == 0) roles << s.role;
        QVERIFY(roles.contains(QStringLiteral("gate")));
        QVERIFY(backend.attachableSites(QStringLiteral("low_rank")).contains(QStringLiteral("layers.0.attn.q")));
        QVERIFY(!backend.attachableSites(QStringLiteral("bottleneck")).contains(QStringLiteral("layers.0.attn_norm")));
        QCOMPARE(backend.resolveModule(lora({QStringLiteral("q"), QStringLiteral("v")})).size(), 10);

        QJsonObject recipe{{QStringLiteral("version"), 1}, {QStringLiteral("modules"), QJsonArray{lora({QStringLiteral("q")})}}};
        const peft::ComposeFigures f = backend.evaluate(recipe, 8, 128);
        QVERIFY2(f.ok, qPrintable(f.error));
        // LoRA r = 8 on W_q (64 -> 64) in 5 layers: 5 · 8 · (64 + 64).
        QCOMPARE(f.trainable, qint64(5 * 8 * (64 + 64)));
        QCOMPARE(f.modules.size(), 1);
        QVERIFY(f.memTotal > f.memWeights);
        QVERIFY(f.summaryLine.startsWith(QStringLiteral("trainable params: 5,120")));

        QJsonObject bad = lora({QStringLiteral("q")});
        bad.insert(QStringLiteral("r"), 0);
        recipe.insert(QStringLiteral("modules"), QJsonArray{bad});
        const peft::ComposeFigures e = backend.evaluate(recipe, 8, 128);
        QVERIFY(!e.ok);
        QVERIFY(!e.issues.isEmpty());
        QCOMPARE(e.issues.first().moduleIndex, 0);

        const QJsonObject mam = backend.presetRecipe(QStringLiteral("mam"));
        QVERIFY(mam.value(QStringLiteral("modules")).toArray().size() >= 2);
        QString error;
        QVERIFY(backend.presetRecipe(QStringLiteral("nope"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void gpt2_qResolvesToASliceOfCAttn_bertIsPostNorm() {
        ComposeBackend gpt2;
        QVERIFY(gpt2.open(model("tiny-gpt2")));
        const auto targets = gpt2.resolveModule(lora({QStringLiteral("q")}));
        QVERIFY(!targets.isEmpty());
        QVERIFY(targets.first().first.endsWith(QStringLiteral("attn.qkv")));
        QCOMPARE(targets.first().second, QStringList{QStringLiteral("q")});
        ComposeBackend bert;
        QVERIFY(bert.open(model("bert-tiny-untrained")));
        QVERIFY(bert.postNorm());
        ComposeBackend none;
        QString error;
        QVERIFY(!none.open(QStringLiteral("/nonexistent-model"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!none.isOpen());
    }

    void recipeFiles_andTheDocument() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        RecipeDocument document;
        QSignalSpy changed(&document, &RecipeDocument::changed);
        document.insertModule(0, lora({QStringLiteral("q")}));
        QCOMPARE(document.uniqueName(QStringLiteral("lora")), QStringLiteral("lora_2"));
        QCOMPARE(changed.count(), 1);
        QString error;
        QVERIFY2(ComposeBackend::saveRecipe(document.toJson(), path, &error), qPrintable(error));
        const QJsonObject loaded = ComposeBackend::loadRecipe(path, &error);
        QCOMPARE(loaded, ComposeBackend::canonicalRecipe(document.toJson()));
        RecipeDocument reopened;
        reopened.setJson(loaded);
        QCOMPARE(reopened.moduleCount(), 1);
        QCOMPARE(reopened.removeModule(0).value(QStringLiteral("name")).toString(), QStringLiteral("lora"));
        // An unknown field is refused by the engine's parser, with its message.
        QJsonObject typo = lora({QStringLiteral("q")});
        typo.insert(QStringLiteral("rank"), 4);
        QJsonObject bad{{QStringLiteral("version"), 1}, {QStringLiteral("modules"), QJsonArray{typo}}};
        QVERIFY(!ComposeBackend::saveRecipe(bad, path, &error));
        QVERIFY2(error.contains(QStringLiteral("rank")), qPrintable(error));
    }
};

QTEST_MAIN(TestComposeBackend)
#include "compose_backend_test.moc"
