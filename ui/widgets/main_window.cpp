// SPDX-License-Identifier: MIT
#include "widgets/main_window.h"

#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/studio_settings.h"
#include "compose/compose_page.h"
#include "data/data_page.h"
#include "export/export_page.h"
#include "project/project_store.h"
#include "runs/run_format.h"
#include "runs/runs_page.h"
#include "runs/runs_table_model.h"
#include "train/train_page.h"
#include "widgets/demo_banner.h"
#include "widgets/demo_controller.h"
#include "widgets/model_page.h"
#include "widgets/model_table_model.h"
#include "widgets/placeholder_page.h"
#include "widgets/project_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace peft {

namespace {
// Page titles are translated in the "Pages" context (see PlaceholderPage).
struct PageSpec {
    const char* key;
    const char* title;
    const char* description;
};
const PageSpec kPages[] = {
    {"model", QT_TRANSLATE_NOOP("Pages", "Model"), ""},
    {"data", QT_TRANSLATE_NOOP("Pages", "Data"),
     QT_TRANSLATE_NOOP("Pages", "Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.")},
    {"compose", QT_TRANSLATE_NOOP("Pages", "Compose"),
     QT_TRANSLATE_NOOP("Pages", "Drag PEFT modules onto a picture of the transformer block and see their cost before training.")},
    {"train", QT_TRANSLATE_NOOP("Pages", "Train"),
     QT_TRANSLATE_NOOP("Pages", "Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.")},
    {"runs", QT_TRANSLATE_NOOP("Pages", "Runs"), QT_TRANSLATE_NOOP("Pages", "Compare runs, overlay their curves and diff their settings.")},
    {"export", QT_TRANSLATE_NOOP("Pages", "Export"),
     QT_TRANSLATE_NOOP("Pages", "Export adapters that Python's PEFT and AdapterHub load as they are, or merged models.")},
    {"playground", QT_TRANSLATE_NOOP("Pages", "Playground"),
     QT_TRANSLATE_NOOP("Pages", "Generate text with the base model and the fine-tuned one side by side.")},
};
} // namespace

MainWindow::MainWindow(ModelCatalog* catalog, LanguageManager* languages, StudioSettings* settings, QWidget* parent)
    : QMainWindow(parent), catalog_(catalog), languages_(languages), settings_(settings) {
    setObjectName(QStringLiteral("MainWindow"));
    nav_ = new QListWidget(this);
    nav_->setObjectName(QStringLiteral("navigation"));
    nav_->setFixedWidth(160);
    nav_->setSpacing(2);
    nav_->setFrameShape(QFrame::NoFrame);
    nav_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont navFont = nav_->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    nav_->setFont(navFont);
    pages_ = new QStackedWidget(this);
    modelPage_ = new ModelPage(catalog_, pages_);
    composePage_ = new compose::ComposePage(pages_);
    dataPage_ = new datapage::DataPage(pages_);
    trainPage_ = new train::TrainPage(pages_);
    trainPage_->setSources(dataPage_->session(), composePage_->document());
    runsPage_ = new runs::RunsPage(pages_);
    exportPage_ = new exportpage::ExportPage(pages_);
    for (const auto& spec : kPages) {
        pageKeys_ << QString::fromLatin1(spec.key);
        nav_->addItem(QString());
        const QLatin1String key(spec.key);
        QWidget* page = key == QLatin1String("model")     ? static_cast<QWidget*>(modelPage_)
                        : key == QLatin1String("data")    ? static_cast<QWidget*>(dataPage_)
                        : key == QLatin1String("compose") ? static_cast<QWidget*>(composePage_)
                        : key == QLatin1String("train")   ? static_cast<QWidget*>(trainPage_)
                        : key == QLatin1String("runs")    ? static_cast<QWidget*>(runsPage_)
                        : key == QLatin1String("export")  ? static_cast<QWidget*>(exportPage_)
                                                          : new PlaceholderPage(spec.title, spec.description, pages_);
        pages_->addWidget(page);
    }
    connect(nav_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    // The navigation has a fixed width (a splitter would only leave a gap beside it).
    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(nav_);
    auto* rule = new QFrame(central);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    row->addWidget(rule);
    // The demo's banner sits above the pages, so it is seen whichever page is open.
    auto* pageColumn = new QVBoxLayout;
    pageColumn->setContentsMargins(0, 0, 0, 0);
    pageColumn->setSpacing(0);
    demoBanner_ = new DemoBanner(central);
    demoBanner_->hide();
    pageColumn->addWidget(demoBanner_);
    pageColumn->addWidget(pages_, 1);
    row->addLayout(pageColumn, 1);
    setCentralWidget(central);
    demo_ = new DemoController(this, catalog_, demoBanner_);
    projects_ = new ProjectController(this, settings_, this);
    runsPage_->setStore(projects_->store());
    exportPage_->setStore(projects_->store());
    connect(runsPage_, &runs::RunsPage::resumeRequested, projects_, &ProjectController::resumeRun);
    connect(runsPage_, &runs::RunsPage::exportRequested, this, &MainWindow::exportRun);
    // Opening a run: one with a checkpoint (finished or cancelled) goes to the Export page; for
    // the others the status bar says why not.
    connect(runsPage_, &runs::RunsPage::runActivated, this, [this](qint64 runId) {
        const project::RunSummary* run = runsPage_->model()->run(runId);
        if (!run) return;
        if (run->status == project::RunStatus::Finished || run->status == project::RunStatus::Cancelled) {
            exportRun(runId);
            return;
        }
        statusBar()->showMessage(tr("Run %1 (%2) has no checkpoint to export: only finished or cancelled runs do.")
                                     .arg(run->name, runs::RunFormat::statusText(run->status)),
                                 8000);
    });
    connect(projects_, &ProjectController::runsChanged, runsPage_, &runs::RunsPage::reload);
    connect(projects_, &ProjectController::statusMessage, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(projects_, &ProjectController::projectOpened, this, [this] {
        rebuildRecentProjectsMenu();
        retranslate(); // the title names the project
    });

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("mainToolbar"));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    buildMenus();
    connect(modelPage_, &ModelPage::openModelRequested, this, &MainWindow::openModelFolder);
    connect(modelPage_, &ModelPage::addFolderRequested, this, &MainWindow::addModelsFolder);
    connect(modelPage_, &ModelPage::loadDemoRequested, this, &MainWindow::loadDemo);
    connect(demo_, &DemoController::statusMessage, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(demo_, &DemoController::loaded, this, [this] { retranslate(); }); // the title says "Demo"
    connect(modelPage_, &ModelPage::modelSelected, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Selected %1").arg(path), 5000);
        if (path == trainPage_->modelDir()) return; // already in use (a restored project selects it too)
        composePage_->setModel(path);
        dataPage_->setModel(path); // its tokenizer counts the Data page's tokens
        // Runs are named after the model as the Model page names it (the demo's folder is "model").
        const ModelRow row = catalogRow(path);
        trainPage_->setModel(path, row.parameters, path == modelPage_->demoModel() ? ModelTableModel::demoDisplayName() : row.name);
    });
    // The demo's sentiment set has a held-out twin: evaluate on it.
    connect(demo_, &DemoController::loaded, this, [this](const DemoInfo& info) { trainPage_->setEvalFile(info.sentimentDev); });
    connect(trainPage_, &train::TrainPage::statusMessage, this, [this](const QString& message) {
        statusBar()->showMessage(message, 6000);
    });
    connect(dataPage_, &datapage::DataPage::statusMessage, this, [this](const QString& message) {
        statusBar()->showMessage(message, 6000);
    });
    connect(composePage_, &compose::ComposePage::statusMessage, this, [this](const QString& message) {
        statusBar()->showMessage(message, 6000);
    });
    connect(catalog_, &ModelCatalog::scanStarted, this, [this] { statusBar()->showMessage(tr("Scanning model folders…")); });
    connect(catalog_, &ModelCatalog::scanFinished, this, [this] {
        statusBar()->showMessage(tr("%n model(s) found", nullptr, int(catalog_->rows().size())), 5000);
    });
    nav_->setCurrentRow(0);
    retranslate();
    resize(1280, 820);
    restoreGeometry(settings_->windowGeometry());
    restoreState(settings_->windowState());
}

MainWindow::~MainWindow() { projects_->autosave(); }

void MainWindow::buildMenus() {
    // Icons come from the platform theme, with the style's own as fallback, so they follow the
    // system's light or dark look.
    openAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DirOpenIcon)), QString(), this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::openModelFolder);
    addFolderAction_ = new QAction(QIcon::fromTheme(QStringLiteral("folder-new"), style()->standardIcon(QStyle::SP_FileDialogNewFolder)), QString(), this);
    addFolderAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(addFolderAction_, &QAction::triggered, this, &MainWindow::addModelsFolder);
    rescanAction_ = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)), QString(), this);
    rescanAction_->setShortcut(QKeySequence::Refresh);
    connect(rescanAction_, &QAction::triggered, catalog_, &ModelCatalog::rescan);
    quitAction_ = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), QString(), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);
    loadDemoAction_ = new QAction(QIcon::fromTheme(QStringLiteral("applications-science")), QString(), this);
    connect(loadDemoAction_, &QAction::triggered, this, &MainWindow::loadDemo);
    aboutAction_ = new QAction(this);
    connect(aboutAction_, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About PEFT Studio"),
                           tr("<b>PEFT Studio</b> %1<br>Parameter-efficient fine-tuning of transformer models: "
                              "compose adapters, LoRA, prefix tuning and more, train and export them.")
                               .arg(QApplication::applicationVersion()));
    });

    // Datasets belong to the Data page; opening one shows it.
    openDatasetAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open-data"), style()->standardIcon(QStyle::SP_FileIcon)), QString(), this);
    openDatasetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(openDatasetAction_, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("data"));
        dataPage_->openFileDialog();
    });
    // Recipes belong to the Compose page; opening one shows it.
    openRecipeAction_ = new QAction(this);
    connect(openRecipeAction_, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("compose"));
        composePage_->openRecipeDialog();
    });
    saveRecipeAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), QString(), this);
    saveRecipeAction_->setShortcut(QKeySequence::Save);
    connect(saveRecipeAction_, &QAction::triggered, this, [this] {
        showPage(QStringLiteral("compose"));
        composePage_->saveRecipeDialog();
    });
    // Undo and redo act on the recipe being composed (the only editable document so far).
    QUndoStack* undo = composePage_->undoStack();
    undoAction_ = new QAction(QIcon::fromTheme(QStringLiteral("edit-undo")), QString(), this);
    undoAction_->setShortcut(QKeySequence::Undo);
    connect(undoAction_, &QAction::triggered, undo, &QUndoStack::undo);
    redoAction_ = new QAction(QIcon::fromTheme(QStringLiteral("edit-redo")), QString(), this);
    redoAction_->setShortcut(QKeySequence::Redo);
    connect(redoAction_, &QAction::triggered, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);
    connect(undo, &QUndoStack::cleanChanged, this, &MainWindow::updateUndoActions);

    // Projects: one SQLite file holding the pages' state, recipes and every run.
    newProjectAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-new"), style()->standardIcon(QStyle::SP_FileIcon)), QString(), this);
    newProjectAction_->setShortcut(QKeySequence::New);
    connect(newProjectAction_, &QAction::triggered, this, [this] { projects_->newProjectDialog(); });
    openProjectAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), QString(), this);
    openProjectAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    connect(openProjectAction_, &QAction::triggered, this, [this] { projects_->openProjectDialog(); });
    saveProjectAsAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), QString(), this);
    saveProjectAsAction_->setShortcut(QKeySequence::SaveAs);
    connect(saveProjectAsAction_, &QAction::triggered, this, [this] { projects_->saveAsDialog(); });

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(newProjectAction_);
    fileMenu_->addAction(openProjectAction_);
    recentProjectsMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(saveProjectAsAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(openAction_);
    fileMenu_->addAction(addFolderAction_);
    recentMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addSeparator();
    fileMenu_->addAction(openDatasetAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(openRecipeAction_);
    fileMenu_->addAction(saveRecipeAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);
    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(undoAction_);
    editMenu_->addAction(redoAction_);
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(rescanAction_);
    viewMenu_->addSeparator();
    for (int i = 0; i < pageKeys_.size(); ++i) {
        auto* action = viewMenu_->addAction(QString());
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { nav_->setCurrentRow(i); });
    }
    languageMenu_ = menuBar()->addMenu(QString());
    languageGroup_ = new QActionGroup(this);
    for (const auto& [code, name] : LanguageManager::available()) {
        auto* action = languageMenu_->addAction(name);
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == languages_->current());
        languageGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, c = code] { setLanguage(c); });
    }
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(loadDemoAction_);
    helpMenu_->addSeparator();
    helpMenu_->addAction(aboutAction_);
    toolbar_->addAction(openAction_);
    toolbar_->addAction(addFolderAction_);
    toolbar_->addAction(rescanAction_);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = settings_->recentModels();
    for (const auto& path : recent) {
        auto* action = recentMenu_->addAction(path);
        connect(action, &QAction::triggered, this, [this, path] {
            catalog_->addModelFolder(path);
            nav_->setCurrentRow(0);
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::rebuildRecentProjectsMenu() {
    recentProjectsMenu_->clear();
    const QStringList recent = settings_->recentProjects();
    for (const auto& path : recent) {
        auto* action = recentProjectsMenu_->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { projects_->openProject(path); });
    }
    recentProjectsMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::useModel(const QString& path) {
    modelPage_->selectModel(path); // when the catalog lists it, its modelSelected sets the pages
    if (trainPage_->modelDir() != path) {
        composePage_->setModel(path);
        dataPage_->setModel(path);
        const ModelRow row = catalogRow(path);
        trainPage_->setModel(path, row.parameters, path == modelPage_->demoModel() ? ModelTableModel::demoDisplayName() : row.name);
    }
    catalog_->addModelFolder(path);
}

void MainWindow::updateUndoActions() {
    const QUndoStack* undo = composePage_->undoStack();
    undoAction_->setEnabled(undo->canUndo());
    redoAction_->setEnabled(undo->canRedo());
    undoAction_->setText(undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    redoAction_->setText(undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
}

void MainWindow::retranslate() {
    const QString project = projects_->path().isEmpty() ? QString() : QFileInfo(projects_->path()).completeBaseName();
    QString title = demo_->isLoaded() ? tr("PEFT Studio — Demo") : tr("PEFT Studio");
    if (!project.isEmpty()) title = tr("%1 — %2").arg(project, title);
    setWindowTitle(title);
    for (int i = 0; i < pageKeys_.size(); ++i) {
        const QString title = QCoreApplication::translate("Pages", kPages[i].title);
        nav_->item(i)->setText(title);
        viewMenu_->actions().at(i + 2)->setText(title);
    }
    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent Model"));
    recentProjectsMenu_->setTitle(tr("Open Recent &Project"));
    newProjectAction_->setText(tr("&New Project…"));
    newProjectAction_->setToolTip(tr("Start an empty project file: its recipes, runs and metrics are kept in it"));
    openProjectAction_->setText(tr("Open &Project…"));
    saveProjectAsAction_->setText(tr("Save Project &As…"));
    saveProjectAsAction_->setToolTip(tr("Copy the project, with every run and metric, to a new file and continue there"));
    editMenu_->setTitle(tr("&Edit"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    openAction_->setText(tr("&Open Model Folder…"));
    openAction_->setToolTip(tr("Open a Hugging Face model folder (config.json and safetensors weights)"));
    // Short toolbar labels without mnemonics (CJK menus write them as "(&O)", which would show).
    openAction_->setIconText(tr("Open Model"));
    addFolderAction_->setText(tr("&Add Models Folder…"));
    addFolderAction_->setIconText(tr("Add Folder"));
    rescanAction_->setText(tr("&Rescan Models"));
    rescanAction_->setIconText(tr("Rescan"));
    quitAction_->setText(tr("&Quit"));
    openDatasetAction_->setText(tr("Open &Dataset…"));
    openDatasetAction_->setToolTip(tr("Open a CSV, TSV, JSON, JSONL or text dataset on the Data page"));
    openRecipeAction_->setText(tr("Open &Recipe…"));
    saveRecipeAction_->setText(tr("&Save Recipe As…"));
    updateUndoActions();
    aboutAction_->setText(tr("&About PEFT Studio"));
    loadDemoAction_->setText(tr("Load &Demo"));
    loadDemoAction_->setToolTip(tr("Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets"));
    toolbar_->setWindowTitle(tr("Main Toolbar"));
}

void MainWindow::loadDemo() { demo_->start(); }

ModelRow MainWindow::catalogRow(const QString& path) const {
    for (const auto& row : catalog_->rows())
        if (row.path == path) return row;
    return {};
}

bool MainWindow::showPage(const QString& key) {
    const int index = int(pageKeys_.indexOf(key));
    if (index < 0) return false;
    nav_->setCurrentRow(index);
    return true;
}

void MainWindow::exportRun(qint64 runId) {
    showPage(QStringLiteral("export"));
    exportPage_->selectRun(runId);
}

QString MainWindow::currentPageKey() const { return pageKeys_.value(nav_->currentRow()); }

void MainWindow::setLanguage(const QString& code) {
    if (!languages_->apply(code)) {
        statusBar()->showMessage(tr("No translation for %1").arg(code), 5000);
        return;
    }
    settings_->setLanguage(code);
    for (auto* action : languageGroup_->actions()) action->setChecked(action->data().toString() == languages_->current());
}

void MainWindow::openModelFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Model Folder"));
    if (dir.isEmpty()) return;
    settings_->addRecentModel(dir);
    rebuildRecentMenu();
    catalog_->addModelFolder(dir);
    nav_->setCurrentRow(0);
}

void MainWindow::addModelsFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Models Folder"));
    if (dir.isEmpty()) return;
    QStringList folders = settings_->modelFolders();
    if (!folders.contains(dir)) folders << dir;
    settings_->setModelFolders(folders);
    QStringList scan = catalog_->folders();
    if (!scan.contains(dir)) scan << dir;
    catalog_->setFolders(scan);
    catalog_->rescan();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    settings_->setWindow(saveGeometry(), saveState());
    projects_->autosave();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace peft
