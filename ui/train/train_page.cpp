// SPDX-License-Identifier: MIT
#include "train/train_page.h"
#include "widgets/page_style.h"

#include "core/dataset_session.h"
#include "core/model_row.h"
#include "core/recipe_document.h"
#include "core/training_defaults.h"
#include "core/training_request.h"
#include "train/hyperparameter_form.h"
#include "train/training_charts.h"
#include "train/training_log.h"

#include <QEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

namespace peft::train {

TrainPage::TrainPage(QWidget* parent) : QWidget(parent), controller_(new TrainingController(this)) {
    setObjectName(QStringLiteral("trainPage"));
    heading_ = new QLabel(this);
    heading_->setFont(pageHeadingFont(heading_->font()));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("trainSources"));
    summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long names must not widen the window
    auto* top = new QHBoxLayout;
    top->addWidget(heading_);
    top->addSpacing(12);
    top->addWidget(summary_, 1);

    failure_ = new QLabel(this);
    failure_->setObjectName(QStringLiteral("trainFailure"));
    failure_->setWordWrap(true);
    failure_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    failure_->setStyleSheet(QStringLiteral("QLabel { color: #b91c1c; background: #fee2e2; border: 1px solid #fca5a5;"
                                           " border-radius: 4px; padding: 6px; }"));
    failure_->hide();

    start_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    start_->setObjectName(QStringLiteral("startTraining"));
    pause_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), QString(), this);
    resume_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    stop_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), QString(), this);
    queue_ = new QPushButton(style()->standardIcon(QStyle::SP_ComputerIcon), QString(), this);
    queue_->setObjectName(QStringLiteral("queueTraining"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("trainProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    eta_ = new QLabel(this);
    eta_->setObjectName(QStringLiteral("trainEta"));
    eta_->setMinimumWidth(260);
    auto* controls = new QHBoxLayout;
    controls->addWidget(start_);
    controls->addWidget(pause_);
    controls->addWidget(resume_);
    controls->addWidget(stop_);
    controls->addWidget(queue_);
    controls->addSpacing(12);
    controls->addWidget(progress_, 1);
    controls->addWidget(eta_);

    form_ = new HyperparameterForm(this);
    formGroup_ = framedSection(form_, this);
    auto* formScroll = new QScrollArea(this);
    formScroll->setWidget(formGroup_);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setMinimumWidth(320);
    formScroll->setMaximumWidth(420);

    charts_ = new TrainingCharts(&controller_->history(), this);
    chartsGroup_ = framedSection(charts_, this);
    log_ = new TrainingLog(this);
    log_->setMinimumHeight(110); // a few lines of what happened, whatever the window's height
    logGroup_ = framedSection(log_, this);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chartsGroup_);
    right->addWidget(logGroup_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(formScroll);
    body->addWidget(right);
    body->setStretchFactor(1, 1);
    body->setChildrenCollapsible(false);

    auto* column = new QVBoxLayout(this);
    column->addLayout(top);
    column->addWidget(failure_);
    column->addLayout(controls);
    column->addWidget(body, 1);

    connect(start_, &QPushButton::clicked, this, [this] { start(); });
    connect(queue_, &QPushButton::clicked, this, [this] { queue(); });
    connect(pause_, &QPushButton::clicked, controller_, &TrainingController::pause);
    connect(resume_, &QPushButton::clicked, controller_, &TrainingController::resume);
    connect(stop_, &QPushButton::clicked, controller_, &TrainingController::stop);
    connect(controller_, &TrainingController::stateChanged, this, &TrainPage::stateChanged);
    connect(controller_, &TrainingController::status, this, [this](const QString& message) {
        log_->add(TrainingLog::Level::Info, message);
        Q_EMIT statusMessage(message);
    });
    connect(controller_, &TrainingController::prepared, this, &TrainPage::prepared);
    connect(controller_, &TrainingController::started, this, [this] { updateProgress(); });
    connect(controller_, &TrainingController::stepsAdded, this, &TrainPage::stepsAdded);
    connect(controller_, &TrainingController::evaluated, this, &TrainPage::evaluated);
    connect(controller_, &TrainingController::checkpointSaved, this, [this](const QString& path, qint64 step) {
        log_->add(TrainingLog::Level::Info, tr("Checkpoint of step %1 saved in %2").arg(step).arg(path));
    });
    connect(controller_, &TrainingController::finished, this, &TrainPage::finished);
    connect(controller_, &TrainingController::failed, this, [this](const QString& message) { failed(message); });

    form_->setValues(defaultHyperparameters(0));
    retranslate();
    updateButtons();
}

TrainPage::~TrainPage() = default;

void TrainPage::setSources(DatasetSession* data, RecipeDocument* recipe) {
    data_ = data;
    recipe_ = recipe;
    connect(data_, &DatasetSession::opened, this, &TrainPage::updateSummary);
    connect(data_, &DatasetSession::mappingChanged, this, &TrainPage::updateSummary);
    connect(recipe_, &RecipeDocument::changed, this, &TrainPage::updateSummary);
    updateSummary();
}

void TrainPage::setModel(const QString& modelDir, qint64 parameters, const QString& name) {
    if (!name.isEmpty() || modelDir != modelDir_) modelName_ = name.isEmpty() ? QFileInfo(modelDir).fileName() : name;
    updateSummary();
    // The same model again only matters when its size has become known (the catalog lists a
    // folder opened from the command line after it was selected).
    if (modelDir == modelDir_ && (parameters == parameters_ || parameters == 0)) return;
    modelDir_ = modelDir;
    parameters_ = parameters;
    TrainHyperparameters defaults = defaultHyperparameters(parameters);
    const TrainHyperparameters current = form_->values();
    if (!current.outputDir.isEmpty()) defaults.outputDir = current.outputDir;
    form_->setValues(defaults);
    updateSummary();
}

void TrainPage::setEvalFile(const QString& path) { form_->setEvalFile(path); }

TrainRequest TrainPage::request() const {
    TrainRequest r;
    r.modelDir = modelDir_;
    r.name = makeRunName(modelName_);
    if (data_) {
        r.trainFile = data_->path();
        r.format = data_->format();
        const DatasetMapping mapping = data_->mapping();
        for (auto it = mapping.cbegin(); it != mapping.cend(); ++it)
            if (!it.value().isEmpty()) r.columns.insert(it.key(), it.value());
        r.maxLength = data_->maxLength();
        r.textSplit = data_->textSplit();
    }
    if (recipe_) r.recipe = recipe_->toJson();
    r.evalFile = form_->evalFile();
    r.hyper = form_->values();
    return r;
}

bool TrainPage::start() {
    if (controller_->isActive()) return false;
    failure_->hide();
    failureText_.clear();
    if (data_ && data_->isOpening()) {
        showFailure(tr("The dataset is still opening on the Data page; start again in a moment."));
        return false;
    }
    const TrainRequest r = request();
    log_->reset();
    if (!controller_->start(r)) return false; // failed() has shown why
    charts_->reset(); // after start(): the history is empty now, so the charts say "No data yet"
    charts_->setModuleParameters({});
    log_->add(TrainingLog::Level::Info, tr("Run %1: %2 on %3").arg(r.name, modelName_, QFileInfo(r.trainFile).fileName()));
    if (!controller_->runFolder().isEmpty()) log_->add(TrainingLog::Level::Info, tr("Writing to %1").arg(controller_->runFolder()));
    Q_EMIT runStarted(r);
    return true;
}

bool TrainPage::queue() {
    failure_->hide();
    failureText_.clear();
    const TrainRequest r = request();
    if (const QString missing = missingTrainInput(r); !missing.isEmpty()) {
        showFailure(missing);
        return false;
    }
    Q_EMIT queueRequested(r);
    return true;
}

void TrainPage::showQueued(const QString& runName, const QString& command) {
    log_->add(TrainingLog::Level::Info, tr("Queued run %1. Train it headless with: %2").arg(runName, command));
}

bool TrainPage::resumeRun(const QJsonObject& config, const QString& name, const QString& folder,
                          const QString& resumeDir, const TrainingHistory& previous) {
    if (controller_->isActive()) return false;
    failure_->hide();
    failureText_.clear();
    log_->reset();
    if (!controller_->startConfig(config, name, folder, resumeDir, previous)) return false;
    charts_->reset();
    const TrainingHistory& h = controller_->history();
    if (!h.steps().isEmpty()) charts_->appendSteps(0, h.steps().size());
    for (const EvalPoint& e : h.evals()) charts_->appendEval(e);
    log_->add(TrainingLog::Level::Info, tr("Resuming run %1 from step %2 (%3)").arg(name).arg(h.lastStep()).arg(resumeDir));
    updateProgress();
    return true;
}

void TrainPage::stateChanged(TrainingController::State state) {
    updateButtons();
    updateProgress();
    if (state == TrainingController::State::Paused) log_->add(TrainingLog::Level::Info, tr("Paused"));
    if (state == TrainingController::State::Running && controller_->history().lastStep() > 0)
        log_->add(TrainingLog::Level::Info, tr("Resumed"));
    if (state == TrainingController::State::Stopping) log_->add(TrainingLog::Level::Info, tr("Stopping after the current step…"));
}

void TrainPage::prepared(const TrainSetupInfo& info) {
    charts_->setModuleParameters(info.moduleParameters);
    const double percent = info.totalParameters > 0 ? 100.0 * double(info.trainableParameters) / double(info.totalParameters) : 0.0;
    const QLocale locale;
    log_->add(TrainingLog::Level::Info,
              tr("%1 training and %2 evaluation examples; %3 of %4 parameters trainable (%5 %); %6 steps on %7; set up in %8 s")
                  .arg(locale.toString(info.trainExamples), locale.toString(info.evalExamples), humanCount(info.trainableParameters),
                       humanCount(info.totalParameters), locale.toString(percent, 'f', 2), locale.toString(info.totalSteps),
                       info.device, locale.toString(info.setupSeconds, 'f', 1)));
    if (info.rowsSkipped > 0)
        log_->add(TrainingLog::Level::Warning, tr("%n row(s) of the dataset could not be used and were skipped", nullptr, int(info.rowsSkipped)));
    if (info.evalExamples == 0)
        log_->add(TrainingLog::Level::Warning, tr("No evaluation file: the run is not evaluated (set one in the form)."));
    updateProgress();
}

void TrainPage::stepsAdded(qsizetype from, qsizetype count) {
    charts_->appendSteps(from, count);
    // A loss that is not finite stops the engine with a message; a loss far above the first ones
    // usually means the learning rate is too high, which the user should hear about while it runs.
    const auto& steps = controller_->history().steps();
    for (qsizetype i = from; i < from + count; ++i)
        if (i >= 10 && steps[i].loss > 4 * steps[0].loss && steps[i - 1].loss <= 4 * steps[0].loss)
            log_->add(TrainingLog::Level::Warning,
                      tr("The loss at step %1 is more than four times the first one: the learning rate may be too high").arg(steps[i].step));
    updateProgress();
}

void TrainPage::evaluated(const EvalPoint& point) {
    charts_->appendEval(point);
    const QLocale locale;
    if (point.classification)
        log_->add(TrainingLog::Level::Info, tr("Evaluation at step %1: loss %2, accuracy %3, F1 %4")
                                                .arg(point.step)
                                                .arg(locale.toString(point.loss, 'f', 4), locale.toString(point.accuracy, 'f', 3),
                                                     locale.toString(point.f1, 'f', 3)));
    else
        log_->add(TrainingLog::Level::Info, tr("Evaluation at step %1: loss %2, perplexity %3")
                                                .arg(point.step)
                                                .arg(locale.toString(point.loss, 'f', 4), locale.toString(point.perplexity, 'f', 2)));
}

void TrainPage::finished(qint64 steps, bool cancelled) {
    if (cancelled) {
        log_->add(TrainingLog::Level::Warning, tr("Stopped at step %1; the last completed step is saved").arg(steps));
        Q_EMIT statusMessage(tr("Training stopped at step %1").arg(steps));
    } else {
        log_->add(TrainingLog::Level::Info, tr("Finished: %n step(s)", nullptr, int(steps)));
        Q_EMIT statusMessage(tr("Training finished: %n step(s)", nullptr, int(steps)));
    }
    updateProgress();
}

void TrainPage::failed(const QString& message) {
    log_->add(TrainingLog::Level::Error, message);
    showFailure(message);
    Q_EMIT statusMessage(tr("Training failed"));
    updateProgress();
}

void TrainPage::showFailure(const QString& message) {
    failureText_ = message;
    failure_->setText(tr("The run failed: %1").arg(message));
    failure_->show();
}

void TrainPage::updateButtons() {
    using State = TrainingController::State;
    const State s = controller_->state();
    const bool active = controller_->isActive();
    start_->setEnabled(!active);
    queue_->setEnabled(!active);
    pause_->setVisible(s != State::Paused);
    pause_->setEnabled(s == State::Running || s == State::Preparing);
    resume_->setVisible(s == State::Paused);
    stop_->setEnabled(active && s != State::Stopping);
    form_->setEnabled(!active);
}

void TrainPage::updateProgress() {
    using State = TrainingController::State;
    const TrainingHistory& h = controller_->history();
    const State s = controller_->state();
    if (s == State::Preparing && h.totalSteps() == 0) {
        progress_->setRange(0, 0); // busy: loading and tokenizing
        eta_->setText(tr("Preparing…"));
        return;
    }
    const qint64 total = h.totalSteps();
    progress_->setRange(0, int(qMax<qint64>(1, total)));
    progress_->setValue(int(qMin(h.lastStep(), qMax<qint64>(1, total))));
    progress_->setFormat(tr("%1 of %2 steps").arg(h.lastStep()).arg(total));
    const QLocale locale;
    QString text;
    switch (s) {
    case State::Idle: text = tr("Not started"); break;
    case State::Paused: text = tr("Paused"); break;
    case State::Stopping: text = tr("Stopping…"); break;
    case State::Cancelled: text = tr("Stopped"); break;
    case State::Failed: text = tr("Failed"); break;
    case State::Finished:
        text = tr("Finished in %1").arg(formatDuration(h.steps().isEmpty() ? 0 : h.steps().last().elapsed));
        break;
    case State::Preparing:
    case State::Running: {
        const double eta = h.etaSeconds();
        text = eta < 0 ? tr("ETA: measuring…") : tr("ETA %1").arg(formatDuration(eta));
        break;
    }
    }
    if (!h.steps().isEmpty())
        text += QStringLiteral(" · ") + tr("%1 tok/s").arg(locale.toString(h.steps().last().tokensPerSecond, 'f', 0));
    eta_->setText(text);
}

void TrainPage::updateSummary() {
    QStringList parts;
    parts << tr("Model: %1").arg(modelDir_.isEmpty() ? tr("none selected") : modelName_);
    const QString file = data_ ? data_->path() : QString();
    parts << (file.isEmpty() ? tr("Data: none open") : tr("Data: %1 (%2)").arg(QFileInfo(file).fileName(), data_->format()));
    const int modules = recipe_ ? recipe_->moduleCount() : 0;
    parts << tr("Recipe: %n module(s)", nullptr, modules);
    summary_->setText(parts.join(QStringLiteral("   ·   ")));
}

QString TrainPage::formatDuration(double seconds) {
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void TrainPage::retranslate() {
    heading_->setText(tr("Train"));
    formGroup_->setTitle(tr("Settings"));
    chartsGroup_->setTitle(tr("Charts"));
    logGroup_->setTitle(tr("Log"));
    start_->setText(tr("Start"));
    start_->setToolTip(tr("Train the Compose page's recipe on the Data page's dataset with these settings"));
    pause_->setText(tr("Pause"));
    pause_->setToolTip(tr("Pause before the next micro-batch; the run keeps its place"));
    resume_->setText(tr("Resume"));
    stop_->setText(tr("Stop"));
    queue_->setText(tr("Queue for Command Line"));
    queue_->setToolTip(tr("Put this run into the project without training it here: run it with "
                          "'peft-studio-cli project run', on this or a bigger machine; this window shows its progress"));
    stop_->setToolTip(tr("Stop the run; a checkpoint of the last completed step is saved"));
    if (!failureText_.isEmpty()) failure_->setText(tr("The run failed: %1").arg(failureText_));
    updateSummary();
    updateProgress();
}

void TrainPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::train
