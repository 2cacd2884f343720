// SPDX-License-Identifier: MIT
// The Qt side of training without a run: the run configuration built from the pages' state, the
// defaults per model size, the history's CSV and ETA, and the controller refusing a request with
// a missing input (with a message) without starting anything.
#include "core/training_controller.h"
#include "core/training_defaults.h"
#include "core/training_history.h"
#include "core/training_request.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace peft;

class TestTrainingRequest final : public QObject {
    Q_OBJECT

    static TrainRequest classificationRequest() {
        TrainRequest r;
        r.name = QStringLiteral("run-1");
        r.modelDir = QStringLiteral("/models/tiny");
        r.trainFile = QStringLiteral("/data/train.tsv");
        r.evalFile = QStringLiteral("/data/dev.tsv");
        r.format = QStringLiteral("classification");
        r.columns = {{QStringLiteral("text"), QStringLiteral("sentence")}, {QStringLiteral("label"), QStringLiteral("label")}};
        r.maxLength = 64;
        r.recipe = {{QStringLiteral("version"), 1},
                    {QStringLiteral("modules"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("lora")}}}}};
        r.hyper.outputDir = QStringLiteral("/runs");
        return r;
    }

private Q_SLOTS:
    void runConfig_carriesEveryPagesState() {
        const QJsonObject j = runConfigJson(classificationRequest());
        QCOMPARE(j.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(j.value(QStringLiteral("model")).toString(), QStringLiteral("/models/tiny"));
        QCOMPARE(j.value(QStringLiteral("output_dir")).toString(), QStringLiteral("/runs/run-1"));
        const QJsonObject data = j.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("eval_file")).toString(), QStringLiteral("/data/dev.tsv"));
        QCOMPARE(data.value(QStringLiteral("max_length")).toInt(), 64);
        QVERIFY(!data.contains(QStringLiteral("block_size")));
        QCOMPARE(data.value(QStringLiteral("columns")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("sentence"));
        const QJsonObject training = j.value(QStringLiteral("training")).toObject();
        QCOMPARE(training.value(QStringLiteral("schedule")).toString(), QStringLiteral("linear"));
        QVERIFY(!training.contains(QStringLiteral("seed"))); // top level only (docs/run-config.md)
        QVERIFY(j.contains(QStringLiteral("seed")) && j.contains(QStringLiteral("threads")));
    }

    void runConfig_textUsesTheLengthAsBlockSize() {
        TrainRequest r = classificationRequest();
        r.format = QStringLiteral("text");
        const QJsonObject data = runConfigJson(r).value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("block_size")).toInt(), 64);
        QCOMPARE(data.value(QStringLiteral("text_split")).toString(), QStringLiteral("paragraphs"));
    }

    void missingInput_namesThePage() {
        TrainRequest r = classificationRequest();
        QVERIFY(missingTrainInput(r).isEmpty());
        r.recipe = {};
        QVERIFY(missingTrainInput(r).contains(QStringLiteral("Compose page")));
        r.trainFile.clear();
        QVERIFY(missingTrainInput(r).contains(QStringLiteral("Data page")));
        r.modelDir.clear();
        QVERIFY(missingTrainInput(r).contains(QStringLiteral("Model page")));
    }

    void runName_isAFolderNameAfterTheModel() {
        QVERIFY(makeRunName(QStringLiteral("Demo · tiny Llama")).startsWith(QStringLiteral("Demo-tiny-Llama-20")));
        QVERIFY(makeRunName(QStringLiteral("../Qwen/Qwen2-0.5B")).startsWith(QStringLiteral("Qwen-Qwen2-0.5B-")));
        QVERIFY(makeRunName(QStringLiteral("데모 · 작은 Llama")).startsWith(QStringLiteral("데모-작은-Llama-")));
        QVERIFY(makeRunName(QString()).startsWith(QStringLiteral("run-")));
    }

    void defaults_shrinkTheRateWithTheModel() {
        const auto tiny = defaultHyperparameters(260'000);
        const auto small = defaultHyperparameters(124'000'000);
        const auto large = defaultHyperparameters(7'000'000'000);
        QVERIFY(tiny.lr > small.lr && small.lr > large.lr);
        QVERIFY(large.batchSize * large.gradAccum >= 8);
        QVERIFY(tiny.threads > 0);
        QVERIFY(!tiny.outputDir.isEmpty());
    }

    void history_csvAndEta() {
        TrainingHistory h;
        h.setTotalSteps(10);
        QCOMPARE(h.etaSeconds(), -1.0);
        QList<TrainPoint> points;
        for (int i = 1; i <= 4; ++i) points << TrainPoint{i, 1.0 / i, 1e-3, 0.5, 100, 8, 0.5 * i};
        // A pause between steps 4 and 5 is one long gap: the median ignores it.
        points << TrainPoint{5, 0.2, 1e-3, 0.5, 100, 8, 30.0};
        points << TrainPoint{6, 0.2, 1e-3, 0.5, 100, 8, 30.5};
        h.appendSteps(points);
        QCOMPARE(h.lastStep(), 6);
        QCOMPARE(h.etaSeconds(), 4 * 0.5);
        h.appendEval(EvalPoint{6, 0.3, 0.75, 0.7, 0.5, 0, true});
        h.appendEval(EvalPoint{0, 0.9, 0.5, 0.4, 0.0, 0, true});
        const QList<QByteArray> lines = h.toCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 6 + 1);
        for (const auto& line : lines) QCOMPARE(line.split(',').size(), 12);
        QVERIFY(lines.at(6).contains(",0.3,0.75,"));
        QVERIFY(lines.last().startsWith("0,"));
    }

    void controller_refusesAMissingInputWithoutStarting() {
        TrainingController controller;
        QSignalSpy failed(&controller, &TrainingController::failed);
        TrainRequest r = classificationRequest();
        r.modelDir.clear();
        QVERIFY(!controller.start(r));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(controller.state(), TrainingController::State::Failed);
        QVERIFY(!controller.isActive());
    }
};

QTEST_GUILESS_MAIN(TestTrainingRequest)
#include "training_request_test.moc"
