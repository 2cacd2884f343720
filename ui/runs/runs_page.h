// SPDX-License-Identifier: MIT
// The Runs page: every run of the open project in a sortable table (method, trainable share,
// best metric, steps, training time, status), and below it the checked runs' curves over one
// another, the parameter-budget vs metric scatter plot, and a side-by-side diff of two runs'
// configurations. All reads go through the ProjectStore's queued calls: the page asks, the
// store's storage thread answers with signals, the GUI thread never waits on the database.
#pragma once

#include "project/project_types.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QModelIndex;
class QPoint;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace peft::project {
class ProjectStore;
}

namespace peft::runs {

class BudgetScatter;
class ConfigDiffView;
class RunOverlayChart;
class RunsTableModel;

class RunsPage final : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(QWidget* parent = nullptr);
    ~RunsPage() override;

    /// The project whose runs are shown (not owned). The page reloads when it opens or another
    /// process writes into it.
    void setStore(project::ProjectStore* store);
    /// Asks the store for the runs again (after a run of this studio started or ended).
    void reload();

    /// Draws exactly these runs' curves (as if the user had checked them).
    void setCheckedRuns(const QList<qint64>& runIds);
    QList<qint64> checkedRuns() const;
    /// True while checked runs' points are still being loaded.
    bool isLoadingCurves() const { return !pending_.isEmpty(); }

    RunsTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    RunOverlayChart* curves() const { return curves_; }
    BudgetScatter* scatter() const { return scatter_; }
    ConfigDiffView* configDiff() const { return diff_; }
    QTabWidget* tabs() const { return tabs_; }
    QPushButton* resumeButton() const { return resume_; }
    /// "Export…": enabled when exactly one finished or cancelled run is selected.
    QPushButton* exportButton() const { return export_; }

Q_SIGNALS:
    /// The user asked to continue an interrupted or cancelled run from its last checkpoint.
    void resumeRequested(qint64 runId);
    /// The user asked to export the selected run (Export… button or the table's context menu).
    void exportRequested(qint64 runId);
    /// A run was double-clicked or Enter was pressed on it (the main window opens it for export).
    void runActivated(qint64 runId);
    /// The table and the scatter plot show the runs just loaded.
    void runsShown(int count);
    /// Every checked run's curve is drawn (the points have arrived and a replot is queued).
    void curvesShown(int runs);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runsLoaded(const QList<project::RunSummary>& runs);
    void seriesLoaded(const QList<project::RunSeries>& series);
    void checkedChanged();
    void requestMissingSeries();
    void updateCurves();
    void selectionChanged();
    void clearProject();
    QList<qint64> selectedRuns() const;
    /// The one selected run when it has a checkpoint to export (finished or cancelled); else nullptr.
    const project::RunSummary* exportableSelection() const;
    void showContextMenu(const QPoint& pos);
    void updateExportButton();
    void retranslate();
    void updateSummary();

    QPointer<project::ProjectStore> store_;
    QLabel* heading_;
    QLabel* summary_;
    QPushButton* showAll_;
    QPushButton* showRecent_;
    QPushButton* resume_;
    QPushButton* export_;
    QStackedWidget* stack_;
    QLabel* empty_;
    RunsTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QTabWidget* tabs_;
    RunOverlayChart* curves_;
    BudgetScatter* scatter_;
    ConfigDiffView* diff_;
    QHash<qint64, project::RunSeries> series_;      ///< points loaded, by run
    QHash<qint64, project::RunSummary> seriesOf_;   ///< the run as it was when its points were loaded
    QSet<qint64> pending_;                          ///< points asked for, not yet arrived
    bool loaded_ = false;                           ///< runs have been loaded once
};

} // namespace peft::runs
