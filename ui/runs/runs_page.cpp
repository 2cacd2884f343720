// SPDX-License-Identifier: MIT
#include "runs/runs_page.h"

#include "project/project_store.h"
#include "runs/budget_scatter.h"
#include "runs/config_diff_view.h"
#include "runs/run_format.h"
#include "runs/run_overlay_chart.h"
#include "runs/runs_table_model.h"
#include "widgets/page_style.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace peft::runs {

using project::ProjectStore;
using project::RunSeries;
using project::RunSummary;

namespace {
constexpr int kDefaultChecked = 10;
} // namespace

RunsPage::RunsPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runsPage"));
    heading_ = new QLabel(this);
    heading_->setFont(pageHeadingFont(heading_->font()));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("runsSummary"));
    summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    showAll_ = new QPushButton(this);
    showAll_->setObjectName(QStringLiteral("showAllRuns"));
    showRecent_ = new QPushButton(this);
    showRecent_->setObjectName(QStringLiteral("showRecentRuns"));
    resume_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    resume_->setObjectName(QStringLiteral("resumeRun"));
    resume_->setEnabled(false);
    export_ = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), QString(), this);
    export_->setObjectName(QStringLiteral("exportRun"));
    export_->setEnabled(false);
    auto* top = new QHBoxLayout;
    top->addWidget(heading_);
    top->addSpacing(12);
    top->addWidget(summary_, 1);
    top->addWidget(showAll_);
    top->addWidget(showRecent_);
    top->addSpacing(12);
    top->addWidget(resume_);
    top->addWidget(export_);

    model_ = new RunsTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RunsTableModel::SortRole);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("runsTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RunsTableModel::Started, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(RunsTableModel::Name, QHeaderView::Stretch);
    table_->setMinimumHeight(120);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->installEventFilter(this);

    curves_ = new RunOverlayChart(this);
    scatter_ = new BudgetScatter(this);
    diff_ = new ConfigDiffView(this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("runsTabs"));
    tabs_->addTab(curves_, QString());
    tabs_->addTab(scatter_, QString());
    tabs_->addTab(diff_, QString());

    auto* body = new QSplitter(Qt::Vertical, this);
    body->addWidget(framedSection(table_, this));
    body->addWidget(tabs_);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 2);
    body->setChildrenCollapsible(false);

    empty_ = new QLabel(this);
    empty_->setObjectName(QStringLiteral("runsEmpty"));
    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    empty_->setMargin(24);
    stack_ = new QStackedWidget(this);
    stack_->setObjectName(QStringLiteral("runsStack"));
    stack_->addWidget(empty_);
    stack_->addWidget(body);

    auto* column = new QVBoxLayout(this);
    column->addLayout(top);
    column->addWidget(stack_, 1);

    connect(model_, &RunsTableModel::checkedChanged, this, &RunsPage::checkedChanged);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::selectionChanged);
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.column() != RunsTableModel::Checked)
            Q_EMIT runActivated(index.data(RunsTableModel::RunIdRole).toLongLong());
    });
    connect(resume_, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRuns();
        if (ids.size() != 1) return;
        const RunSummary* run = model_->run(ids.first());
        if (run && RunFormat::canResume(run->status)) Q_EMIT resumeRequested(run->id);
    });
    connect(export_, &QPushButton::clicked, this, [this] {
        if (const RunSummary* run = exportableSelection()) Q_EMIT exportRequested(run->id);
    });
    connect(table_, &QTableView::customContextMenuRequested, this, &RunsPage::showContextMenu);
    connect(showAll_, &QPushButton::clicked, this, [this] {
        QList<qint64> all;
        for (const RunSummary& r : model_->runs()) all << r.id;
        setCheckedRuns(all);
    });
    connect(showRecent_, &QPushButton::clicked, this, [this] {
        QList<RunSummary> runs = model_->runs();
        std::sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
        QList<qint64> recent;
        for (int i = 0; i < runs.size() && i < kDefaultChecked; ++i) recent << runs[i].id;
        setCheckedRuns(recent);
    });
    connect(diff_, &ConfigDiffView::configRequested, this, [this](qint64 runId) {
        if (store_) store_->loadRunConfig(runId);
    });
    retranslate();
    clearProject();
}

RunsPage::~RunsPage() = default;

void RunsPage::setStore(ProjectStore* store) {
    if (store_) disconnect(store_.data(), nullptr, this, nullptr);
    store_ = store;
    clearProject();
    if (!store_) return;
    connect(store_, &ProjectStore::opened, this, [this] {
        clearProject();
        reload();
    });
    connect(store_, &ProjectStore::closed, this, &RunsPage::clearProject);
    connect(store_, &ProjectStore::externalChange, this, &RunsPage::reload);
    connect(store_, &ProjectStore::runsLoaded, this, &RunsPage::runsLoaded);
    connect(store_, &ProjectStore::seriesLoaded, this, &RunsPage::seriesLoaded);
    connect(store_, &ProjectStore::runConfigLoaded, diff_, &ConfigDiffView::setConfig);
    if (store_->isOpen()) reload();
}

void RunsPage::reload() {
    if (store_ && store_->isOpen()) store_->loadRuns();
}

void RunsPage::clearProject() {
    loaded_ = false;
    series_.clear();
    seriesOf_.clear();
    pending_.clear();
    model_->forgetChecks();
    model_->setRuns({}, kDefaultChecked);
    scatter_->setRuns({});
    diff_->clear();
    curves_->setRuns({}, {});
    stack_->setCurrentIndex(0);
    retranslate();
}

void RunsPage::runsLoaded(const QList<RunSummary>& runs) {
    loaded_ = true;
    // Points of a run that moved on since they were read (a run training now, here or in the
    // CLI) are read again.
    for (const RunSummary& r : runs) {
        const auto old = seriesOf_.constFind(r.id);
        if (old != seriesOf_.cend() && (old->stepsDone != r.stepsDone || old->status != r.status ||
                                        old->bestStep != r.bestStep || old->bestMetric != r.bestMetric)) {
            series_.remove(r.id);
            seriesOf_.remove(r.id);
        }
    }
    const QList<qint64> selected = selectedRuns();
    model_->setRuns(runs, kDefaultChecked); // -> checkedChanged -> curves
    // Keep the selection across reloads.
    for (qint64 id : selected) {
        const int row = model_->rowOf(id);
        if (row < 0) continue;
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        table_->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (table_->horizontalHeader()->sectionSize(RunsTableModel::Method) < 40 || selected.isEmpty()) {
        for (int c = 0; c < RunsTableModel::ColumnCount; ++c)
            if (c != RunsTableModel::Name) table_->resizeColumnToContents(c);
    }
    scatter_->setRuns(runs);
    diff_->setRuns(runs);
    stack_->setCurrentIndex(runs.isEmpty() ? 0 : 1);
    if (runs.isEmpty()) retranslate(); // the empty page's text for an open project
    updateSummary();
    selectionChanged();
    Q_EMIT runsShown(int(runs.size()));
}

void RunsPage::setCheckedRuns(const QList<qint64>& runIds) { model_->setChecked(runIds); }

QList<qint64> RunsPage::checkedRuns() const { return model_->checkedRuns(); }

void RunsPage::checkedChanged() {
    requestMissingSeries();
    updateCurves();
}

void RunsPage::requestMissingSeries() {
    if (!store_ || !loaded_) return;
    QList<qint64> missing;
    for (qint64 id : model_->checkedRuns())
        if (!series_.contains(id) && !pending_.contains(id)) missing << id;
    if (missing.isEmpty()) return;
    for (qint64 id : std::as_const(missing)) pending_.insert(id);
    store_->loadSeries(missing);
}

void RunsPage::seriesLoaded(const QList<RunSeries>& series) {
    bool shown = false;
    for (const RunSeries& s : series) {
        const RunSummary* run = model_->run(s.runId);
        pending_.remove(s.runId);
        if (!run) continue;
        series_.insert(s.runId, s);
        seriesOf_.insert(s.runId, *run);
        shown = shown || model_->isChecked(s.runId);
    }
    if (shown) updateCurves();
}

void RunsPage::updateCurves() {
    QList<RunSummary> checked;
    for (const RunSummary& r : model_->runs())
        if (model_->isChecked(r.id)) checked << r;
    curves_->setRuns(checked, series_);
    if (loaded_ && pending_.isEmpty()) Q_EMIT curvesShown(int(curves_->drawnRuns().size()));
}

QList<qint64> RunsPage::selectedRuns() const {
    QList<qint64> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        ids << index.data(RunsTableModel::RunIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

const RunSummary* RunsPage::exportableSelection() const {
    const QList<qint64> ids = selectedRuns();
    const RunSummary* run = ids.size() == 1 ? model_->run(ids.first()) : nullptr;
    if (!run || run->outputDir.isEmpty()) return nullptr;
    return run->status == project::RunStatus::Finished || run->status == project::RunStatus::Cancelled ? run : nullptr;
}

void RunsPage::showContextMenu(const QPoint& pos) {
    const QModelIndex index = table_->indexAt(pos);
    if (!index.isValid()) return;
    // A right click on a row outside the selection selects that row alone first.
    if (!table_->selectionModel()->isRowSelected(index.row(), index.parent()))
        table_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    QAction* exportAction = menu.addAction(export_->icon(), export_->text());
    exportAction->setEnabled(export_->isEnabled());
    connect(exportAction, &QAction::triggered, export_, &QPushButton::click);
    QAction* resumeAction = menu.addAction(resume_->icon(), resume_->text());
    resumeAction->setEnabled(resume_->isEnabled());
    connect(resumeAction, &QAction::triggered, resume_, &QPushButton::click);
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

bool RunsPage::eventFilter(QObject* watched, QEvent* event) {
    // Enter on a row opens it, as a double-click does.
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QModelIndex current = table_->currentIndex();
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && current.isValid()) {
            Q_EMIT runActivated(current.data(RunsTableModel::RunIdRole).toLongLong());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RunsPage::updateExportButton() {
    export_->setEnabled(exportableSelection() != nullptr);
    if (selectedRuns().size() == 1 && !export_->isEnabled())
        export_->setToolTip(tr("Only a finished or cancelled run has a checkpoint to export"));
    else
        export_->setToolTip(tr("Export the selected run's adapter on the Export page (PEFT, AdapterHub, merged or studio)"));
}

void RunsPage::selectionChanged() {
    const QList<qint64> ids = selectedRuns();
    const RunSummary* run = ids.size() == 1 ? model_->run(ids.first()) : nullptr;
    resume_->setEnabled(run && RunFormat::canResume(run->status));
    updateExportButton();
    // Two rows selected: compare them, the older on the left.
    if (ids.size() == 2) diff_->setPair(ids[0], ids[1]);
}

void RunsPage::updateSummary() {
    const QList<RunSummary>& runs = model_->runs();
    int interrupted = 0, failed = 0, running = 0;
    for (const RunSummary& r : runs) {
        interrupted += r.status == project::RunStatus::Interrupted;
        failed += r.status == project::RunStatus::Failed;
        running += r.status == project::RunStatus::Running;
    }
    QStringList parts;
    if (!runs.isEmpty()) parts << tr("%n run(s)", nullptr, int(runs.size()));
    if (running) parts << tr("%n running", nullptr, running);
    if (interrupted) parts << tr("%n interrupted", nullptr, interrupted);
    if (failed) parts << tr("%n failed", nullptr, failed);
    summary_->setText(parts.join(QStringLiteral(" · ")));
    showAll_->setEnabled(!runs.isEmpty());
    showRecent_->setEnabled(!runs.isEmpty());
}

void RunsPage::retranslate() {
    heading_->setText(tr("Runs"));
    showAll_->setText(tr("Draw all"));
    showAll_->setToolTip(tr("Check every run: draw all their curves"));
    showRecent_->setText(tr("Draw recent"));
    showRecent_->setToolTip(tr("Check the %n most recent run(s) only", nullptr, kDefaultChecked));
    resume_->setText(tr("Resume"));
    resume_->setToolTip(tr("Continue the selected interrupted or cancelled run from its last checkpoint"));
    export_->setText(tr("Export…"));
    updateExportButton();
    tabs_->setTabText(0, tr("Curves"));
    tabs_->setTabText(1, tr("Budget vs metric"));
    tabs_->setTabText(2, tr("Compare configs"));
    tabs_->setTabToolTip(1, tr("Each run's share of trainable parameters against its best evaluation, as in the PEFT papers"));
    tabs_->setTabToolTip(2, tr("The settings of two runs side by side (select two rows to compare them)"));
    if (!store_ || !store_->isOpen())
        empty_->setText(tr("Open or create a project to keep its runs. Runs you train are recorded in the project "
                           "with their settings and every metric point, and appear here for comparison."));
    else
        empty_->setText(tr("Runs you train appear here. Start one on the Train page: the project keeps its settings, "
                           "every metric point and its checkpoints, so you can compare runs and resume interrupted ones."));
    model_->retranslate();
    updateSummary();
}

void RunsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::runs
