// SPDX-License-Identifier: MIT
// The real Compose page on stories260K: palette drops through the scene's drag-and-drop events
// with real QMimeData, the engine's parameter report as the oracle, undo/redo, refusals, the
// keyboard path, property edits with inline validation, and recipe save/load round trips.
#include "compose/block_items.h"
#include "compose/block_scene.h"
#include "compose/block_view.h"
#include "compose/compose_mime.h"
#include "compose/compose_page.h"
#include "compose/figures_panel.h"
#include "compose/module_palette.h"
#include "compose/module_properties.h"
#include "core/recipe_document.h"

// The engine's Qt-safe headers (no LibTorch): the expected numbers come from the engine itself.
#include "io/model_config.h"
#include "peft/presets.h"
#include "peft/recipe.h"
#include "peft/report.h"

#include <QFile>
#include <QFileInfo>
#include <QGraphicsSceneDragDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace peft::compose;

namespace {

// TaskHead is defined in models/model.h, which includes LibTorch; report.h declares it with an
// int underlying type, and 0 is CausalLM (what the composer picks for a LlamaForCausalLM).
constexpr auto kCausalLM = static_cast<peft::TaskHead>(0);

QString assets() {
    const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
    if (!QFile::exists(dir + QStringLiteral("/models/stories260K/config.json")))
        qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
    return dir;
}

QString stories() { return QFileInfo(assets() + QStringLiteral("/models/stories260K")).canonicalFilePath(); }

peft::ModelConfig storiesConfig() { return peft::ModelConfig::load(QString(stories() + QStringLiteral("/config.json")).toStdString()); }

nlohmann::json toNlohmann(const QJsonObject& o) {
    return nlohmann::json::parse(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
}

int64_t engineTrainable(const peft::Recipe& recipe) { return peft::make_report(storiesConfig(), kCausalLM, recipe).trainable; }

/// A drag that enters the scene at a site and drops there, as Qt delivers it from the palette.
struct DragResult {
    bool accepted = false;
    SiteItem::Highlight litAtDrop = SiteItem::Highlight::None;
};

DragResult dragAndDrop(BlockScene* scene, const PalettePayload& payload, const QString& role, const QString& probe = QString()) {
    std::unique_ptr<QMimeData> mime(makeMimeData(payload));
    const QPointF at = scene->sitePosition(role);
    DragResult result;
    QGraphicsSceneDragDropEvent enter(QEvent::GraphicsSceneDragEnter);
    enter.setMimeData(mime.get());
    enter.setScenePos(at);
    enter.setPossibleActions(Qt::CopyAction);
    enter.setProposedAction(Qt::CopyAction);
    QCoreApplication::sendEvent(scene, &enter);
    QGraphicsSceneDragDropEvent move(QEvent::GraphicsSceneDragMove);
    move.setMimeData(mime.get());
    move.setScenePos(at);
    move.setPossibleActions(Qt::CopyAction);
    move.setProposedAction(Qt::CopyAction);
    QCoreApplication::sendEvent(scene, &move);
    if (SiteItem* site = scene->siteItem(probe.isEmpty() ? role : probe)) result.litAtDrop = site->highlight();
    QGraphicsSceneDragDropEvent drop(QEvent::GraphicsSceneDrop);
    drop.setMimeData(mime.get());
    drop.setScenePos(at);
    drop.setPossibleActions(Qt::CopyAction);
    drop.setProposedAction(Qt::CopyAction);
    QCoreApplication::sendEvent(scene, &drop);
    result.accepted = drop.isAccepted();
    return result;
}

peft::ModuleSpec loraAt(const std::string& name, const std::string& site) {
    peft::ModuleSpec m;
    m.name = name;
    m.kind = peft::ModuleKind::LowRank;
    m.sites = {site};
    return m;
}

} // namespace

class TestComposePage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dropLoraOnQAndV_countsLikeTheEngine_undoRedo() {
        ComposePage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(page.setModel(stories()));
        BlockScene* scene = page.scene();
        QVERIFY(scene->siteItem(QStringLiteral("q")));
        QVERIFY(scene->siteItem(QStringLiteral("v")));
        QVERIFY(scene->siteItem(QStringLiteral("gate"))); // Llama's gated FFN is drawn

        // While dragging LoRA, q lights up and the attention norm does not.
        {
            std::unique_ptr<QMimeData> mime(makeMimeData({false, QStringLiteral("low_rank")}));
            QGraphicsSceneDragDropEvent enter(QEvent::GraphicsSceneDragEnter);
            enter.setMimeData(mime.get());
            enter.setScenePos(scene->sitePosition(QStringLiteral("q")));
            QCoreApplication::sendEvent(scene, &enter);
            QVERIFY(enter.isAccepted());
            QCOMPARE(scene->siteItem(QStringLiteral("q"))->highlight(), SiteItem::Highlight::Lit);
            QCOMPARE(scene->siteItem(QStringLiteral("attn_norm"))->highlight(), SiteItem::Highlight::Dimmed);
            QGraphicsSceneDragDropEvent leave(QEvent::GraphicsSceneDragLeave);
            leave.setMimeData(mime.get());
            QCoreApplication::sendEvent(scene, &leave);
        }
        QCOMPARE(scene->siteItem(QStringLiteral("q"))->highlight(), SiteItem::Highlight::None);

        const DragResult q = dragAndDrop(scene, {false, QStringLiteral("low_rank")}, QStringLiteral("q"));
        QVERIFY(q.accepted);
        QCOMPARE(q.litAtDrop, SiteItem::Highlight::Lit);
        QVERIFY(dragAndDrop(scene, {false, QStringLiteral("low_rank")}, QStringLiteral("v")).accepted);
        QCOMPARE(page.document()->moduleCount(), 2);

        peft::Recipe expected;
        expected.modules = {loraAt("lora_q", "q"), loraAt("lora_v", "v")};
        // nlohmann compares 1 and 1.0 as equal numbers (QJsonDocument writes 1.0 as 1).
        QVERIFY2(toNlohmann(page.document()->toJson()) == expected.to_json(), toNlohmann(page.document()->toJson()).dump().c_str());
        const int64_t both = engineTrainable(expected);
        QVERIFY(both > 0);
        QCOMPARE(page.figures()->figures().trainable, both);
        const QString label = page.figures()->trainableLabel()->text();
        QVERIFY2(label.contains(QString::fromStdString(peft::format_thousands(both))), qPrintable(label));
        // Both chips are drawn beside their sites (parallel LoRA is a side branch).
        QCOMPARE(scene->moduleItems(0).size(), 1);
        QCOMPARE(scene->moduleItems(1).size(), 1);

        // Undo removes v, then q; redo restores both, with the same figures.
        page.undoStack()->undo();
        QCOMPARE(page.document()->moduleCount(), 1);
        peft::Recipe onlyQ;
        onlyQ.modules = {loraAt("lora_q", "q")};
        QCOMPARE(page.figures()->figures().trainable, engineTrainable(onlyQ));
        page.undoStack()->undo();
        QCOMPARE(page.document()->moduleCount(), 0);
        QCOMPARE(page.figures()->figures().trainable, int64_t(0));
        page.undoStack()->redo();
        page.undoStack()->redo();
        QCOMPARE(page.document()->moduleCount(), 2);
        QCOMPARE(page.figures()->figures().trainable, both);
        QVERIFY(page.figures()->trainableLabel()->text().contains(QString::fromStdString(peft::format_thousands(both))));
        QVERIFY(page.figures()->figures().memTotal > 0);
    }

    void gpt2_loraOnTheQSliceOfCAttn() {
        ComposePage page;
        const QString gpt2 = QFileInfo(assets() + QStringLiteral("/models/tiny-gpt2")).canonicalFilePath();
        QVERIFY(page.setModel(gpt2));
        QVERIFY(page.scene()->siteItem(QStringLiteral("qkv"))); // the fused projection...
        QVERIFY(page.scene()->siteItem(QStringLiteral("q")));   // ...and its slices, drop targets of their own
        QVERIFY(!page.scene()->siteItem(QStringLiteral("gate"))); // GPT-2's FFN has no gate
        QVERIFY(dragAndDrop(page.scene(), {false, QStringLiteral("low_rank")}, QStringLiteral("q")).accepted);
        peft::Recipe expected;
        expected.modules = {loraAt("lora_q", "q")};
        const peft::ModelConfig config = peft::ModelConfig::load(QString(gpt2 + QStringLiteral("/config.json")).toStdString());
        QCOMPARE(page.figures()->figures().trainable, peft::make_report(config, kCausalLM, expected).trainable);
        // The chip sits on the q slice only.
        QCOMPARE(page.scene()->moduleItems(0).size(), 1);
    }

    void adapterOnANorm_isRefusedWithAMessage() {
        ComposePage page;
        QVERIFY(page.setModel(stories()));
        const DragResult r = dragAndDrop(page.scene(), {false, QStringLiteral("bottleneck")}, QStringLiteral("attn_norm"));
        QVERIFY(!r.accepted);
        QCOMPARE(r.litAtDrop, SiteItem::Highlight::Dimmed);
        QCOMPARE(page.document()->moduleCount(), 0);
        QCOMPARE(page.undoStack()->count(), 0);
        const QString message = page.messageLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("cannot attach")), qPrintable(message));
        // The same adapter on the FFN output is fine.
        QVERIFY(dragAndDrop(page.scene(), {false, QStringLiteral("bottleneck")}, QStringLiteral("ffn_out")).accepted);
        QCOMPARE(page.document()->moduleCount(), 1);
    }

    void mamPreset_expandsIntoEditableModules() {
        ComposePage page;
        QVERIFY(page.setModel(stories()));
        QVERIFY(dragAndDrop(page.scene(), {true, QStringLiteral("mam")}, QStringLiteral("ffn_out")).accepted);
        const peft::Recipe mam = peft::preset("mam", storiesConfig());
        QCOMPARE(page.document()->moduleCount(), int(mam.modules.size()));
        QStringList kinds;
        for (const auto& m : page.document()->modules()) kinds << m.value(QStringLiteral("kind")).toString();
        QVERIFY(kinds.contains(QStringLiteral("prefix")));
        QVERIFY(kinds.contains(QStringLiteral("bottleneck")));
        QCOMPARE(page.figures()->figures().trainable, engineTrainable(mam));
        // One undo removes the whole preset.
        page.undoStack()->undo();
        QCOMPARE(page.document()->moduleCount(), 0);
    }

    void keyboard_insertAtSelectedSite_thenDelete() {
        ComposePage page;
        page.show();
        QVERIFY(page.setModel(stories()));
        page.scene()->selectRole(QStringLiteral("o"));
        QVERIFY(page.modulePalette()->select({false, QStringLiteral("ia3")}));
        page.view()->setFocus();
        QTest::keyClick(page.view(), Qt::Key_Insert);
        QCOMPARE(page.document()->moduleCount(), 1);
        QCOMPARE(page.document()->module(0).value(QStringLiteral("sites")).toArray().first().toString(), QStringLiteral("o"));
        QCOMPARE(page.scene()->selectedModule(), 0);
        QTest::keyClick(page.view(), Qt::Key_Delete);
        QCOMPARE(page.document()->moduleCount(), 0);
        // Arrow keys walk the sites.
        page.scene()->selectRole(QStringLiteral("embeddings"));
        QTest::keyClick(page.view(), Qt::Key_Down);
        QCOMPARE(page.scene()->selectedRole(), QStringLiteral("attn_norm"));
    }

    void propertyEdits_areUndoable_andValidatedInline() {
        ComposePage page;
        page.show();
        QVERIFY(page.setModel(stories()));
        QVERIFY(page.addAt({false, QStringLiteral("low_rank")}, QStringLiteral("q")));
        QCOMPARE(page.properties()->moduleIndex(), 0);
        auto* rank = page.properties()->findChild<QSpinBox*>(QStringLiteral("rankSpin"));
        QVERIFY(rank);
        rank->setValue(16);
        peft::Recipe r16;
        r16.modules = {loraAt("lora_q", "q")};
        r16.modules[0].r = 16;
        QCOMPARE(page.figures()->figures().trainable, engineTrainable(r16));
        rank->setValue(0);
        QVERIFY(!page.figures()->figures().ok);
        QVERIFY2(page.properties()->issuesText().contains(QStringLiteral("'r'")), qPrintable(page.properties()->issuesText()));
        // Steps of one field merge into one command: a single undo goes back to r = 8.
        page.undoStack()->undo();
        QCOMPARE(page.document()->module(0).value(QStringLiteral("r")).toInt(), 8);
        QVERIFY(page.figures()->figures().ok);
        QVERIFY(page.properties()->issuesText().isEmpty());

        QList<int> layers;
        QVERIFY(ModuleProperties::parseLayers(QStringLiteral("0-2, 4"), &layers));
        QCOMPARE(layers, (QList<int>{0, 1, 2, 4}));
        QCOMPARE(ModuleProperties::formatLayers(layers), QStringLiteral("0-2, 4"));
        QVERIFY(!ModuleProperties::parseLayers(QStringLiteral("two"), &layers));
    }

    void saveAndLoad_roundTripTheRecipeAndTheCounts() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("composed.json"));
        ComposePage page;
        QVERIFY(page.setModel(stories()));
        QVERIFY(dragAndDrop(page.scene(), {false, QStringLiteral("low_rank")}, QStringLiteral("q")).accepted);
        QVERIFY(dragAndDrop(page.scene(), {false, QStringLiteral("bottleneck")}, QStringLiteral("ffn_out")).accepted);
        QVERIFY(dragAndDrop(page.scene(), {false, QStringLiteral("prefix")}, QStringLiteral("kv")).accepted);
        QVERIFY(page.saveRecipe(path));

        ComposePage reopened;
        QVERIFY(reopened.setModel(stories()));
        QVERIFY(reopened.loadRecipe(path));
        QVERIFY(toNlohmann(reopened.document()->toJson()) == toNlohmann(page.document()->toJson()));
        QCOMPARE(reopened.figures()->figures().trainable, page.figures()->figures().trainable);
        QCOMPARE(reopened.figures()->figures().total, page.figures()->figures().total);
        // The file is the engine's recipe, read back by the engine to the same JSON.
        QVERIFY(peft::Recipe::load(path.toStdString()).to_json() == toNlohmann(page.document()->toJson()));
        QCOMPARE(reopened.figures()->figures().trainable, engineTrainable(peft::Recipe::load(path.toStdString())));
        // Opening is one undoable step.
        reopened.undoStack()->undo();
        QCOMPARE(reopened.document()->moduleCount(), 0);
        QVERIFY(!reopened.loadRecipe(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(!reopened.messageLabel()->text().isEmpty());
    }
};

QTEST_MAIN(TestComposePage)
#include "compose_page_test.moc"
