// SPDX-License-Identifier: MIT
#include "export/export_page.h"

#include "project/project_store.h"
#include "project/project_types.h"
#include "runs/run_format.h"
#include "widgets/page_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>

namespace peft::exportpage {
namespace {

constexpr int kFormatRole = Qt::UserRole;
constexpr int kReasonRole = Qt::UserRole + 1;

QWidget* section(const QString& title, QLayout* layout, QWidget* parent) {
    auto* content = new QWidget(parent);
    auto* v = new QVBoxLayout(content);
    v->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(title, content);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    v->addWidget(label);
    v->addLayout(layout);
    return framedSection(content, parent);
}

} // namespace

ExportPage::ExportPage(QWidget* parent) : QWidget(parent) {
    auto* page = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Export"), this);
    heading->setFont(pageHeadingFont(heading->font()));
    page->addWidget(heading);
    auto* intro = new QLabel(tr("Write a trained adapter where other tools load it. Every export is reloaded and "
                                "checked against the trained model before it is moved into place."),
                             this);
    intro->setWordWrap(true);
    page->addWidget(intro);

    // Source: a run of the project, or a folder.
    auto* source = new QFormLayout;
    runs_ = new QComboBox(this);
    runs_->setObjectName("exportRuns");
    runs_->addItem(tr("(no project run; pick a folder below)"), QVariant::fromValue<qint64>(0));
    source->addRow(tr("Run:"), runs_);
    auto* folderRow = new QHBoxLayout;
    checkpoint_ = new QLineEdit(this);
    checkpoint_->setObjectName("exportCheckpoint");
    checkpoint_->setPlaceholderText(tr("A checkpoint folder (weights.safetensors) or a run folder (run.json)"));
    auto* browseCheckpointButton = new QPushButton(tr("Browse…"), this);
    folderRow->addWidget(checkpoint_, 1);
    folderRow->addWidget(browseCheckpointButton);
    source->addRow(tr("Or folder:"), folderRow);
    sourceInfo_ = new QLabel(tr("Choose a run or a checkpoint folder."), this);
    sourceInfo_->setObjectName("exportSourceInfo");
    sourceInfo_->setWordWrap(true);
    sourceInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    source->addRow(QString(), sourceInfo_);
    page->addWidget(section(tr("Checkpoint"), source, this));

    // Formats.
    auto* formatLayout = new QVBoxLayout;
    formats_ = new QListWidget(this);
    formats_->setObjectName("exportFormats");
    formats_->setWordWrap(true);
    formats_->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const QString& format : ExportBackend::formatNames()) {
        auto* item = new QListWidgetItem(formatTitle(format) + QStringLiteral("\n") + formatDescription(format), formats_);
        item->setData(kFormatRole, format);
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    formats_->setMinimumHeight(4 * formats_->fontMetrics().height() * 2 + 24);
    formatLayout->addWidget(formats_);
    reason_ = new QLabel(this);
    reason_->setObjectName("exportFormatReason");
    reason_->setWordWrap(true);
    reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formatLayout->addWidget(reason_);
    page->addWidget(section(tr("Format"), formatLayout, this));

    // Output.
    auto* outputLayout = new QFormLayout;
    auto* outRow = new QHBoxLayout;
    output_ = new QLineEdit(this);
    output_->setObjectName("exportOutput");
    output_->setPlaceholderText(tr("A new or empty folder"));
    auto* browseOutputButton = new QPushButton(tr("Browse…"), this);
    outRow->addWidget(output_, 1);
    outRow->addWidget(browseOutputButton);
    outputLayout->addRow(tr("Output folder:"), outRow);
    overwrite_ = new QCheckBox(tr("Replace an existing export in this folder"), this);
    outputLayout->addRow(QString(), overwrite_);
    auto* actions = new QHBoxLayout;
    export_ = new QPushButton(tr("Export"), this);
    export_->setObjectName("exportButton");
    export_->setDefault(true);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 0);
    progress_->setVisible(false);
    progress_->setMaximumWidth(240);
    actions->addWidget(export_);
    actions->addWidget(progress_);
    actions->addStretch(1);
    outputLayout->addRow(QString(), actions);
    result_ = new QLabel(this);
    result_->setObjectName("exportResult");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outputLayout->addRow(QString(), result_);
    page->addWidget(section(tr("Output"), outputLayout, this));
    page->addStretch(1);

    connect(runs_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        pendingRun_ = 0; // the user's own choice wins over a run asked for earlier
        onRunChosen(index);
    });
    connect(checkpoint_, &QLineEdit::editingFinished, this, [this] {
        if (checkpoint_->text().trimmed() != source_ || runId_ != 0) setCheckpointPath(checkpoint_->text().trimmed());
    });
    connect(browseCheckpointButton, &QPushButton::clicked, this, &ExportPage::browseCheckpoint);
    connect(browseOutputButton, &QPushButton::clicked, this, &ExportPage::browseOutput);
    connect(formats_, &QListWidget::currentItemChanged, this, [this] {
        suggestOutput();
        updateButtons();
    });
    connect(output_, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    connect(output_, &QLineEdit::textEdited, this, [this] { outputSuggested_ = false; });
    connect(export_, &QPushButton::clicked, this, &ExportPage::startExport);
    connect(&inspectWatcher_, &QFutureWatcher<ExportInspection>::finished, this,
            [this] {
                if (source_.isEmpty()) return; // the source was cleared while it was read
                showInspection(inspectWatcher_.result());
            });
    connect(&exportWatcher_, &QFutureWatcher<ExportOutcome>::finished, this, [this] { showOutcome(exportWatcher_.result()); });
    updateButtons();
}

void ExportPage::setStore(peft::project::ProjectStore* store) {
    for (const auto& c : storeConnections_) disconnect(c);
    storeConnections_.clear();
    store_ = store;
    if (!store_) return;
    storeConnections_ << connect(store_, &peft::project::ProjectStore::runsLoaded, this, &ExportPage::onRunsLoaded);
    storeConnections_ << connect(store_, &peft::project::ProjectStore::checkpointsLoaded, this,
                                 &ExportPage::onCheckpointsLoaded);
    // A project opened later lists its runs then (a run asked for by selectRun() waits for them).
    storeConnections_ << connect(store_, &peft::project::ProjectStore::opened, this, [this] { store_->loadRuns(); });
    if (store_->isOpen()) store_->loadRuns();
}

void ExportPage::onRunsLoaded(const QList<peft::project::RunSummary>& runs) {
    const qint64 current = runs_->currentData().value<qint64>();
    runs_->clear();
    runs_->addItem(tr("(no project run; pick a folder below)"), QVariant::fromValue<qint64>(0));
    for (const auto& run : runs) {
        using peft::project::RunStatus;
        // Only runs that stopped with checkpoints: finished or cancelled (a cancelled run keeps its last one).
        if (run.status != RunStatus::Finished && run.status != RunStatus::Cancelled) continue;
        if (run.outputDir.isEmpty()) continue;
        const QString status = run.status == RunStatus::Finished ? tr("finished") : tr("cancelled");
        runs_->addItem(tr("%1 — %2 (%3)").arg(run.name, run.method, status), QVariant::fromValue<qint64>(run.id));
        runs_->setItemData(runs_->count() - 1, run.outputDir, Qt::UserRole + 1);
    }
    const int again = runs_->findData(QVariant::fromValue<qint64>(current));
    runs_->setCurrentIndex(again >= 0 ? again : 0);
    if (pendingRun_ == 0) return;
    // A run asked for by selectRun() before it was listed.
    const qint64 wanted = pendingRun_;
    const int index = runs_->findData(QVariant::fromValue<qint64>(wanted));
    if (index >= 0) {
        pendingRun_ = 0;
        runs_->setCurrentIndex(index);
        onRunChosen(index);
        return;
    }
    for (const auto& run : runs)
        if (run.id == wanted) { // in the project, but with nothing to export
            pendingRun_ = 0;
            explainUnexportable(run);
            return;
        }
}

void ExportPage::selectRun(qint64 runId) {
    if (runId <= 0) return;
    const int index = runs_->findData(QVariant::fromValue<qint64>(runId));
    if (index > 0) {
        pendingRun_ = 0;
        runs_->setCurrentIndex(index);
        onRunChosen(index);
        return;
    }
    // Not listed (yet): the runs arrive from the store's thread, or the run ended since they did.
    pendingRun_ = runId;
    if (store_ && store_->isOpen()) store_->loadRuns();
}

void ExportPage::explainUnexportable(const peft::project::RunSummary& run) {
    runId_ = 0;
    runs_->setCurrentIndex(0);
    checkpoint_->clear();
    inspect(QString());
    sourceInfo_->setText(tr("Run %1 cannot be exported (%2): only finished or cancelled runs have a checkpoint "
                            "to export. Resume an interrupted run on the Runs page first.")
                             .arg(run.name, peft::runs::RunFormat::statusText(run.status)));
    Q_EMIT inspected(false);
}

void ExportPage::onRunChosen(int index) {
    const qint64 id = runs_->itemData(index).value<qint64>();
    if (id == 0) return;
    runId_ = id;
    source_ = runs_->itemData(index, Qt::UserRole + 1).toString();
    sourceInfo_->setText(tr("Looking for the run's checkpoints…"));
    if (store_) store_->loadCheckpoints(id);
    else inspect(source_);
}

void ExportPage::onCheckpointsLoaded(qint64 runId, const QList<peft::project::CheckpointRecord>& checkpoints) {
    if (runId != runId_) return;
    // The newest checkpoint that still exists; else the run folder (its best or last checkpoint).
    QString path = source_;
    qint64 best = -1;
    for (const auto& c : checkpoints)
        if (c.step > best && QDir(c.path).exists()) {
            best = c.step;
            path = c.path;
        }
    checkpoint_->setText(path);
    inspect(path);
}

void ExportPage::setCheckpointPath(const QString& path) {
    runId_ = 0;
    pendingRun_ = 0;
    runs_->setCurrentIndex(0);
    checkpoint_->setText(path);
    inspect(path);
}

void ExportPage::inspect(const QString& path) {
    source_ = path;
    inspection_ = ExportInspection{};
    for (int i = 0; i < formats_->count(); ++i) {
        QListWidgetItem* item = formats_->item(i);
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        item->setData(kReasonRole, QString());
    }
    reason_->clear();
    result_->clear();
    if (path.isEmpty()) {
        sourceInfo_->setText(tr("Choose a run or a checkpoint folder."));
        updateButtons();
        return;
    }
    sourceInfo_->setText(tr("Reading %1…").arg(path));
    ++inspectGeneration_;
    inspectWatcher_.setFuture(QtConcurrent::run([path] { return ExportBackend::inspect(path); }));
    updateButtons();
}

void ExportPage::showInspection(const ExportInspection& inspection) {
    inspection_ = inspection;
    if (!inspection.ok) {
        sourceInfo_->setText(tr("Cannot export from here: %1").arg(inspection.error));
        updateButtons();
        Q_EMIT inspected(false);
        return;
    }
    sourceInfo_->setText(tr("Checkpoint %1\nRecipe %2 on %3")
                             .arg(inspection.checkpoint, inspection.recipeName.isEmpty() ? tr("(unnamed)") : inspection.recipeName,
                                  inspection.modelDir));
    int firstValid = -1;
    for (int i = 0; i < formats_->count(); ++i) {
        QListWidgetItem* item = formats_->item(i);
        const QString format = item->data(kFormatRole).toString();
        for (const ExportFormatChoice& choice : inspection.formats) {
            if (choice.format != format) continue;
            if (choice.valid) {
                item->setFlags(item->flags() | Qt::ItemIsEnabled);
                item->setText(formatTitle(format) + QStringLiteral("\n") + formatDescription(format));
                item->setToolTip(QString());
                if (firstValid < 0) firstValid = i;
            } else {
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
                item->setText(formatTitle(format) + QStringLiteral("\n") + tr("Not available: %1").arg(choice.reason));
                item->setToolTip(choice.reason);
            }
            item->setData(kReasonRole, choice.valid ? QString() : choice.reason);
        }
    }
    QListWidgetItem* current = formats_->currentItem();
    if ((!current || !(current->flags() & Qt::ItemIsEnabled)) && firstValid >= 0) formats_->setCurrentRow(firstValid);
    suggestOutput();
    updateButtons();
    Q_EMIT inspected(true);
}

void ExportPage::suggestOutput() {
    if (!outputSuggested_ && !output_->text().trimmed().isEmpty()) return; // the user's folder stays
    const QString format = selectedFormat();
    if (!inspection_.ok || format.isEmpty() || !isFormatEnabled(format)) return;
    // Beside the checkpoints, in the run's folder: <run>/exports/<format>, -2, -3… when taken.
    const QDir runFolder = QFileInfo(inspection_.checkpoint).dir();
    QString path = runFolder.filePath(QStringLiteral("exports/") + format);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = runFolder.filePath(QStringLiteral("exports/%1-%2").arg(format).arg(n));
    output_->setText(QDir::cleanPath(path));
    outputSuggested_ = true;
}

bool ExportPage::isFormatEnabled(const QString& format) const {
    for (int i = 0; i < formats_->count(); ++i)
        if (formats_->item(i)->data(kFormatRole).toString() == format)
            return (formats_->item(i)->flags() & Qt::ItemIsEnabled) != 0;
    return false;
}

QString ExportPage::formatReason(const QString& format) const {
    for (int i = 0; i < formats_->count(); ++i)
        if (formats_->item(i)->data(kFormatRole).toString() == format) return formats_->item(i)->data(kReasonRole).toString();
    return {};
}

void ExportPage::selectFormat(const QString& format) {
    for (int i = 0; i < formats_->count(); ++i)
        if (formats_->item(i)->data(kFormatRole).toString() == format) formats_->setCurrentRow(i);
}

QString ExportPage::selectedFormat() const {
    const QListWidgetItem* item = formats_->currentItem();
    return item ? item->data(kFormatRole).toString() : QString();
}

void ExportPage::setOutputDir(const QString& path) {
    outputSuggested_ = false;
    output_->setText(path);
}

bool ExportPage::isBusy() const { return exportWatcher_.isRunning() || inspectWatcher_.isRunning(); }

QString ExportPage::resultText() const { return result_->text(); }

void ExportPage::updateButtons() {
    const QString format = selectedFormat();
    const bool valid = inspection_.ok && !format.isEmpty() && isFormatEnabled(format);
    export_->setEnabled(valid && !output_->text().trimmed().isEmpty() && !isBusy());
    QString why;
    if (!format.isEmpty() && inspection_.ok && !isFormatEnabled(format)) why = formatReason(format);
    reason_->setText(why);
    reason_->setVisible(!why.isEmpty());
}

void ExportPage::startExport() {
    if (isBusy()) return;
    const QString format = selectedFormat();
    const QString out = output_->text().trimmed();
    if (!inspection_.ok || format.isEmpty() || !isFormatEnabled(format) || out.isEmpty()) {
        result_->setText(tr("Choose a checkpoint, an available format and an output folder first."));
        return;
    }
    const QString checkpoint = inspection_.checkpoint;
    const bool overwrite = overwrite_->isChecked();
    progress_->setVisible(true);
    result_->setText(tr("Exporting %1 and checking it by reloading…").arg(formatTitle(format)));
    exportWatcher_.setFuture(QtConcurrent::run([checkpoint, format, out, overwrite] {
        return ExportBackend::exportCheckpoint(checkpoint, format, out, overwrite);
    }));
    updateButtons();
}

void ExportPage::showOutcome(const ExportOutcome& outcome) {
    lastOutcome_ = outcome;
    progress_->setVisible(false);
    if (!outcome.ok) {
        result_->setText(tr("Export failed; nothing was written.\n%1").arg(outcome.error));
    } else {
        result_->setText(tr("Exported %1 to %2\nFiles: %3\nVerified by reloading: largest logit difference %4 "
                            "(tolerance 1e-4)")
                             .arg(formatTitle(outcome.format), outcome.outDir, outcome.files.join(QStringLiteral(", ")))
                             .arg(outcome.maxLogitDifference, 0, 'g', 3));
        if (store_) {
            peft::project::ExportRecord record;
            record.runId = runId_;
            record.format = outcome.format;
            record.path = outcome.outDir;
            record.maxLogitDifference = outcome.maxLogitDifference;
            record.createdAt = QDateTime::currentDateTimeUtc();
            store_->addExport(record);
        }
    }
    updateButtons();
    Q_EMIT exportFinished(outcome.ok);
}

void ExportPage::browseCheckpoint() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint or run folder"), checkpoint_->text());
    if (!dir.isEmpty()) setCheckpointPath(dir);
}

void ExportPage::browseOutput() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), output_->text());
    if (dir.isEmpty()) return;
    outputSuggested_ = false;
    output_->setText(dir);
}

QString ExportPage::formatTitle(const QString& format) {
    if (format == QLatin1String("peft")) return tr("PEFT adapter");
    if (format == QLatin1String("adapterhub")) return tr("AdapterHub adapter");
    if (format == QLatin1String("merged")) return tr("Merged model");
    if (format == QLatin1String("studio")) return tr("Studio adapter");
    return format;
}

QString ExportPage::formatDescription(const QString& format) {
    if (format == QLatin1String("peft"))
        return tr("adapter_config.json + adapter_model.safetensors, for PeftModel.from_pretrained");
    if (format == QLatin1String("adapterhub"))
        return tr("adapter_config.json + adapter.safetensors (+ head files), for the adapters library's load_adapter");
    if (format == QLatin1String("merged"))
        return tr("a Hugging Face model folder with the adapter folded into the weights");
    if (format == QLatin1String("studio")) return tr("the recipe and its tensors, for any recipe; loads in the studio and CLI");
    return {};
}

} // namespace peft::exportpage
