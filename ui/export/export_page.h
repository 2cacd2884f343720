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
    /// Lists the store's runs (loadRuns) and records exports in it; nullptr detaches.
    void setStore(peft::project::ProjectStore* store);

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
    ExportInspection inspection_;
    ExportOutcome lastOutcome_;
    QFutureWatcher<ExportInspection> inspectWatcher_;
    QFutureWatcher<ExportOutcome> exportWatcher_;
    int inspectGeneration_ = 0;
};

} // namespace peft::exportpage
