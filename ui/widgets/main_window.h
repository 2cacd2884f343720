// SPDX-License-Identifier: MIT
// The studio's main window: navigation between pages, menus, toolbar, status bar.
#pragma once

#include "core/model_row.h"

#include <QMainWindow>

class QActionGroup;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace peft {
namespace compose {
class ComposePage;
}
namespace datapage {
class DataPage;
}
namespace exportpage {
class ExportPage;
}
namespace runs {
class RunsPage;
}
namespace train {
class TrainPage;
}

class DemoBanner;
class DemoController;
class LanguageManager;
class ModelCatalog;
class ModelPage;
class ProjectController;
class StudioSettings;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(ModelCatalog* catalog, LanguageManager* languages, StudioSettings* settings, QWidget* parent = nullptr);
    /// Saves the pages' state into the project while every page still exists.
    ~MainWindow() override;

    ModelPage* modelPage() const { return modelPage_; }
    compose::ComposePage* composePage() const { return composePage_; }
    datapage::DataPage* dataPage() const { return dataPage_; }
    train::TrainPage* trainPage() const { return trainPage_; }
    runs::RunsPage* runsPage() const { return runsPage_; }
    exportpage::ExportPage* exportPage() const { return exportPage_; }
    /// The open project (File > New / Open / Save As; autosave; run recording).
    ProjectController* projects() const { return projects_; }
    /// Selects the model in `path` on every page that uses one (and lists it on the Model page).
    void useModel(const QString& path);
    DemoController* demoController() const { return demo_; }
    DemoBanner* demoBanner() const { return demoBanner_; }
    /// Builds or finds the demo and shows it on every page (Help > Load Demo, --demo).
    void loadDemo();
    /// Shows a page by its key ("model", "data", "compose", "train", "runs", "export", "playground").
    bool showPage(const QString& key);
    QString currentPageKey() const;
    /// Shows the Export page with the project's run `runId` chosen as its source (the Runs
    /// page's Export…, a run double-clicked there); the run's checkpoint is inspected.
    void exportRun(qint64 runId);
    /// Switches the language and remembers the choice.
    void setLanguage(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void openModelFolder();
    void addModelsFolder();
    void rebuildRecentMenu();
    void rebuildRecentProjectsMenu();
    void updateUndoActions();
    /// The catalog's row of `path` (an empty row when it is not listed yet).
    ModelRow catalogRow(const QString& path) const;

    ModelCatalog* catalog_;
    LanguageManager* languages_;
    StudioSettings* settings_;
    QListWidget* nav_;
    QStackedWidget* pages_;
    ModelPage* modelPage_;
    compose::ComposePage* composePage_;
    datapage::DataPage* dataPage_;
    train::TrainPage* trainPage_;
    runs::RunsPage* runsPage_;
    exportpage::ExportPage* exportPage_;
    ProjectController* projects_;
    DemoBanner* demoBanner_;
    DemoController* demo_;
    QStringList pageKeys_;
    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* recentProjectsMenu_ = nullptr;
    QAction* newProjectAction_ = nullptr;
    QAction* openProjectAction_ = nullptr;
    QAction* saveProjectAsAction_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* addFolderAction_ = nullptr;
    QAction* rescanAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* openDatasetAction_ = nullptr;
    QAction* openRecipeAction_ = nullptr;
    QAction* saveRecipeAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* loadDemoAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    QToolBar* toolbar_ = nullptr;
};

} // namespace peft
