// SPDX-License-Identifier: MIT
// The Export page: a finished (or cancelled) run's checkpoint, or a checkpoint folder picked by
// hand, exported as PEFT, AdapterHub, a merged model or the studio's format. Formats the recipe
// cannot use are disabled with the engine's reason. The export (and the reload check that
// verifies it) runs off the GUI thread; the result lists the files written and the largest logit
// difference the check measured, and is recorded in the project (ProjectStore::addExport).
#pragma once

#include "core/export_backend.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QCheckBox;

namespace peft::project {
class ProjectStore;
struct RunSummary;
struct CheckpointRecord;
} // namespace peft::project

namespace peft::exportpage {

class ExportPage : public QWidget {
    Q_OBJECT
public:
    explicit ExportPage(QWidget* parent = nullptr);
    /// Lists the store's runs (loadRuns, again whenever a project opens) and records exports in it;
    /// nullptr detaches.
    void setStore(peft::project::ProjectStore* store);
    /// Chooses the project run `runId` as the source, as if picked in the run list (its newest
    /// checkpoint is inspected -> inspected()). A run not listed yet (the store's runs arrive
    /// asynchronously) is remembered and chosen when a run list holding it arrives; a run that
    /// cannot be exported (still running, failed, interrupted) is explained instead.
    void selectRun(qint64 runId);
    /// The project run chosen as the source (0 = none, or a folder picked by hand).
    qint64 selectedRun() const { return runId_; }

    /// A checkpoint or run folder chosen by hand; inspects it off the GUI thread (-> inspected()).
    void setCheckpointPath(const QString& path);
    void setOutputDir(const QString& path);
    /// Formats by engine name ("peft", "adapterhub", "merged", "studio").
    bool isFormatEnabled(const QString& format) const;
    QString formatReason(const QString& format) const; ///< empty when enabled
    void selectFormat(const QString& format);
    QString selectedFormat() const;
    /// Starts the export of the selected format (-> exportFinished()). No-op while busy.
    void startExport();
    bool isBusy() const;
    QString resultText() const;
    const ExportOutcome& lastOutcome() const { return lastOutcome_; }

Q_SIGNALS:
    void inspected(bool ok);
    void exportFinished(bool ok);

private:
    void onRunsLoaded(const QList<peft::project::RunSummary>& runs);
    void onCheckpointsLoaded(qint64 runId, const QList<peft::project::CheckpointRecord>& checkpoints);
    void onRunChosen(int index);
    /// Says why a project run asked for by selectRun() is not offered (running, failed...).
    void explainUnexportable(const peft::project::RunSummary& run);
    /// Fills the output folder with `<run folder>/exports/<format>` unless the user chose one.
    void suggestOutput();
    void inspect(const QString& path);
    void showInspection(const ExportInspection& inspection);
    void showOutcome(const ExportOutcome& outcome);
    void updateButtons();
    void browseCheckpoint();
    void browseOutput();
    static QString formatTitle(const QString& format);
    static QString formatDescription(const QString& format);

    peft::project::ProjectStore* store_ = nullptr;
    QList<QMetaObject::Connection> storeConnections_;
    QComboBox* runs_ = nullptr;
    QLineEdit* checkpoint_ = nullptr;
    QLabel* sourceInfo_ = nullptr;
    QListWidget* formats_ = nullptr;
    QLabel* reason_ = nullptr;
    QLineEdit* output_ = nullptr;
    QCheckBox* overwrite_ = nullptr;
    QPushButton* export_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* result_ = nullptr;

    QString source_;        ///< what is inspected / exported
    qint64 runId_ = 0;      ///< the run of source_ (0 = a folder picked by hand)
    qint64 pendingRun_ = 0; ///< selectRun() before the store listed that run
    bool outputSuggested_ = false; ///< the output folder is our suggestion, not the user's choice
    ExportInspection inspection_;
    ExportOutcome lastOutcome_;
    QFutureWatcher<ExportInspection> inspectWatcher_;
    QFutureWatcher<ExportOutcome> exportWatcher_;
    int inspectGeneration_ = 0;
};

} // namespace peft::exportpage
