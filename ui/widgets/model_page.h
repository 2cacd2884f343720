// SPDX-License-Identifier: MIT
// The Model page ("model inspector"): every model the catalog knows, and the details of the
// selected one with its parameters per component.
#pragma once

#include <QWidget>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace peft {

class ModelCatalog;
class ModelTableModel;
struct ModelRow;

class ModelPage final : public QWidget {
    Q_OBJECT
public:
    explicit ModelPage(ModelCatalog* catalog, QWidget* parent = nullptr);

    /// Selects the model at `path`, now or as soon as the catalog lists it.
    void selectModel(const QString& path);
    QString selectedPath() const;
    /// Marks `path` as the studio's demo model (its name, a "Demo" badge on the details).
    void setDemoModel(const QString& path);
    QString demoModel() const { return demoPath_; }
    QLabel* demoBadge() const { return demoBadge_; }
    QTableView* table() const { return table_; }
    QLabel* detailTitle() const { return title_; }
    QLabel* detailReason() const { return reason_; }

Q_SIGNALS:
    void modelSelected(const QString& path);
    void addFolderRequested();
    void openModelRequested();
    void loadDemoRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void showDetails(int row);
    void plotComponents(const ModelRow& row);
    void retranslate();
    void showScanProgress(int done, int total);

    ModelCatalog* catalog_;
    ModelTableModel* model_;
    QTableView* table_;
    QLabel* heading_;
    QLabel* scanState_;
    QProgressBar* progress_;
    QLabel* title_;
    QLabel* details_;
    QLabel* reason_;
    QCustomPlot* chart_;
    QPushButton* addFolder_;
    QPushButton* openModel_;
    QPushButton* rescan_;
    QPushButton* loadDemo_;
    QLabel* demoBadge_;
    QString demoPath_;
    QString pendingSelection_;
    int shownRow_ = -1;
};

} // namespace peft
