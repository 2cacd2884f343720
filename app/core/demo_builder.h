// SPDX-License-Identifier: MIT
// The studio's bridge to the self-contained demo (engine/demo): builds it, or finds it cached, on
// a worker thread (QtConcurrent) and reports progress and the result as signals on the owner's
// thread. Qt types only, so ui/ never sees the engine (the .cpp links peft_engine_demo).
#pragma once

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace peft {

/// Where the demo is and what its pretraining measured (engine's DemoResult, in Qt types).
struct DemoInfo {
    QString root;
    QString modelDir;
    QString sentimentTrain;
    QString sentimentDev;
    QString storiesTrain;
    QString storiesDev;
    bool fromCache = false;
    qint64 steps = 0;
    double initialLoss = 0;
    double finalLoss = 0;
    double finalPerplexity = 0;
    double buildSeconds = 0;
};

class DemoBuilder final : public QObject {
    Q_OBJECT
public:
    /// The stages ensure_demo reports, in order.
    enum class Stage { Corpus, Tokenizer, Pretrain, Save, Datasets, Done };
    Q_ENUM(Stage)

    explicit DemoBuilder(QObject* parent = nullptr);
    /// Cancels a running build and waits for its worker (it stops at the next training step).
    ~DemoBuilder() override;

    /// The user's demo folder: AppLocalDataLocation + "/demo".
    static QString defaultCacheDir();

    /// Pretraining steps; 0 = the engine's default budget (about a minute). Tests use a few.
    void setMaxSteps(qint64 steps) { maxSteps_ = steps; }
    qint64 maxSteps() const { return maxSteps_; }

    /// Starts building (or finding) the demo under `cacheDir` off the GUI thread; progress,
    /// then finished, failed or cancelled follow. Does nothing while a build runs.
    void start(const QString& cacheDir);
    /// Asks the running build to stop; `cancelled` follows and nothing is left on disk.
    void cancel();
    bool running() const { return watcher_ != nullptr; }

Q_SIGNALS:
    /// `step` of `total` pretraining steps with the step's loss (0 of 0 in the other stages).
    void progress(peft::DemoBuilder::Stage stage, qint64 step, qint64 total, double loss);
    void finished(const peft::DemoInfo& info);
    void failed(const QString& message);
    void cancelled();

private:
    struct Outcome;
    void takeOutcome();

    qint64 maxSteps_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QFutureWatcher<std::shared_ptr<Outcome>>* watcher_ = nullptr;
};

} // namespace peft

Q_DECLARE_METATYPE(peft::DemoInfo)
