// SPDX-License-Identifier: MIT
#include "core/demo_builder.h"

#include "demo/demo.h"

#include <QDir>
#include <QMetaObject>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace peft {

struct DemoBuilder::Outcome {
    DemoInfo info;
    bool cancelled = false;
    QString error;
};

namespace {

DemoBuilder::Stage stageOf(const std::string& stage) {
    if (stage == "corpus") return DemoBuilder::Stage::Corpus;
    if (stage == "tokenizer") return DemoBuilder::Stage::Tokenizer;
    if (stage == "pretrain") return DemoBuilder::Stage::Pretrain;
    if (stage == "save") return DemoBuilder::Stage::Save;
    if (stage == "datasets") return DemoBuilder::Stage::Datasets;
    return DemoBuilder::Stage::Done;
}

DemoInfo infoOf(const demo::DemoResult& r) {
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    DemoInfo info;
    info.root = q(r.root);
    info.modelDir = q(r.model_dir);
    info.sentimentTrain = q(r.sentiment_train);
    info.sentimentDev = q(r.sentiment_dev);
    info.storiesTrain = q(r.stories_train);
    info.storiesDev = q(r.stories_dev);
    info.fromCache = r.from_cache;
    info.steps = r.steps_done;
    info.initialLoss = r.initial_loss;
    info.finalLoss = r.final_loss;
    info.finalPerplexity = r.final_perplexity;
    info.buildSeconds = r.build_seconds;
    return info;
}

} // namespace

DemoBuilder::DemoBuilder(QObject* parent) : QObject(parent) { qRegisterMetaType<DemoInfo>(); }

DemoBuilder::~DemoBuilder() {
    if (watcher_) {
        cancel_->store(true);
        watcher_->waitForFinished();
    }
}

QString DemoBuilder::defaultCacheDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo");
}

void DemoBuilder::start(const QString& cacheDir) {
    if (watcher_) return;
    demo::DemoOptions options;
    if (maxSteps_ > 0) options.max_steps = maxSteps_;
    // Torch's intra-op default here is one thread; the build is the only work, so use the cores
    // (ensure_demo restores the previous setting afterwards).
    options.threads = QThread::idealThreadCount();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    const std::string dir = QDir(cacheDir).absolutePath().toStdString();

    // Progress is queued to this object's thread; the QPointer drops reports that arrive after
    // it is gone (the destructor waits for the worker, so none can run later than that).
    QPointer<DemoBuilder> self(this);
    auto onProgress = [self](const demo::DemoProgress& p) {
        const Stage stage = stageOf(p.stage);
        const qint64 step = p.step, total = p.total;
        const double loss = p.loss;
        QMetaObject::invokeMethod(
            self.data(), [self, stage, step, total, loss] {
                if (self) Q_EMIT self->progress(stage, step, total, loss);
            },
            Qt::QueuedConnection);
    };
    auto cancel = cancel_;
    auto work = [dir, options, onProgress, cancel]() -> std::shared_ptr<Outcome> {
        auto outcome = std::make_shared<Outcome>();
        try {
            const demo::DemoResult r = demo::ensure_demo(dir, options, onProgress, cancel.get());
            outcome->cancelled = r.cancelled;
            if (!r.cancelled) outcome->info = infoOf(r);
        } catch (const std::exception& e) {
            // peft::Error names the folder (unwritable, disk full); anything else is a bug, but
            // the studio should say so rather than end.
            outcome->error = QString::fromUtf8(e.what());
        }
        return outcome;
    };
    watcher_ = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, &DemoBuilder::takeOutcome);
    watcher_->setFuture(QtConcurrent::run(work));
}

void DemoBuilder::cancel() {
    if (watcher_) cancel_->store(true);
}

void DemoBuilder::takeOutcome() {
    const std::shared_ptr<Outcome> outcome = watcher_->result();
    watcher_->deleteLater();
    watcher_ = nullptr;
    if (!outcome->error.isEmpty()) Q_EMIT failed(outcome->error);
    else if (outcome->cancelled) Q_EMIT cancelled();
    else Q_EMIT finished(outcome->info);
}

} // namespace peft
