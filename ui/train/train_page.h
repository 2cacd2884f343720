// SPDX-License-Identifier: MIT
// The Train page: settings form | live charts over the run's log. A run is built from the model
// the Model page selected, the Data page's file, format, mapping and length, the Compose page's
// recipe and this page's form, and runs on the TrainingController's thread; this page only
// sends commands and draws what comes back, so the window stays responsive while it trains.
#pragma once

#include "core/training_controller.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace peft {
class DatasetSession;
class RecipeDocument;
} // namespace peft

namespace peft::train {

class HyperparameterForm;
class TrainingCharts;
class TrainingLog;

class TrainPage final : public QWidget {
    Q_OBJECT
public:
    explicit TrainPage(QWidget* parent = nullptr);
    ~TrainPage() override;

    /// Where the data settings and the recipe come from (the Data and Compose pages' objects).
    void setSources(DatasetSession* data, RecipeDocument* recipe);
    /// The model to train; a new model resets the form to the defaults for its size
    /// (`parameters`, 0 when unknown), keeping the runs folder and evaluation file. `name` is
    /// what the page shows and names runs after (empty: the folder's name).
    void setModel(const QString& modelDir, qint64 parameters, const QString& name = {});
    QString modelDir() const { return modelDir_; }
    void setEvalFile(const QString& path);

    /// What Start would run now.
    TrainRequest request() const;
    /// Start: false with the reason shown when the run cannot start.
    bool start();
    /// Queue for Command Line: the request goes into the project as a queued run (queueRequested)
    /// for `peft-studio-cli project run`; false with the reason shown when an input is missing.
    bool queue();
    /// Says in the log that `runName` is queued and how to train it.
    void showQueued(const QString& runName, const QString& command);
    /// Continues a run of the project from checkpoint `resumeDir` with its stored configuration;
    /// the charts start with `previous`, the points recorded up to the checkpoint.
    bool resumeRun(const QJsonObject& config, const QString& name, const QString& folder, const QString& resumeDir,
                   const TrainingHistory& previous);

    TrainingController* controller() const { return controller_; }
    HyperparameterForm* form() const { return form_; }
    TrainingCharts* charts() const { return charts_; }
    TrainingLog* log() const { return log_; }
    QLabel* failureLabel() const { return failure_; }
    QLabel* summaryLabel() const { return summary_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* etaLabel() const { return eta_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* resumeButton() const { return resume_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* queueButton() const { return queue_; }

Q_SIGNALS:
    /// For the status bar.
    void statusMessage(const QString& message);
    /// start() has started `request` (the project records it).
    void runStarted(const peft::TrainRequest& request);
    /// queue() asks for `request` to be queued in the project.
    void queueRequested(const peft::TrainRequest& request);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateSummary();
    void updateButtons();
    void updateProgress();
    void showFailure(const QString& message);
    void stateChanged(TrainingController::State state);
    void prepared(const TrainSetupInfo& info);
    void stepsAdded(qsizetype from, qsizetype count);
    void evaluated(const EvalPoint& point);
    void finished(qint64 steps, bool cancelled);
    void failed(const QString& message);
    /// "42 s", "3 min 07 s", "2 h 05 min".
    static QString formatDuration(double seconds);

    TrainingController* controller_;
    DatasetSession* data_ = nullptr;
    RecipeDocument* recipe_ = nullptr;
    QString modelDir_;
    QString modelName_;
    qint64 parameters_ = 0;
    QLabel* heading_;
    QLabel* summary_;
    QLabel* failure_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* resume_;
    QPushButton* stop_;
    QPushButton* queue_;
    QProgressBar* progress_;
    QLabel* eta_;
    QGroupBox* formGroup_;
    HyperparameterForm* form_;
    QGroupBox* chartsGroup_;
    TrainingCharts* charts_;
    QGroupBox* logGroup_;
    TrainingLog* log_;
    QString failureText_;
};

} // namespace peft::train
