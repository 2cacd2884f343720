// SPDX-License-Identifier: MIT
// The Data page: open a dataset file (button, File menu, or drop it on the page), see the
// format the engine detects and edit the column mapping, preview its rows lazily, list its
// malformed rows, and see token statistics for the selected model's tokenizer. Reading and
// counting run on worker threads through the DatasetSession; this page only shows results.
#pragma once

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace peft {
class DatasetSession;
}

namespace peft::datapage {

class ColumnMappingEditor;
class DatasetTableModel;
class LabelBalanceChart;
class LengthHistogram;
class RowErrorList;
class StatisticsPanel;

class DataPage final : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget* parent = nullptr);
    ~DataPage() override;

    /// Opens `path` (asynchronously: the session's opened() or openFailed() follows).
    void openFile(const QString& path);
    /// The model whose tokenizer counts tokens (the Model page's selection).
    void setModel(const QString& modelDir);

    DatasetSession* session() const { return session_; }
    DatasetTableModel* tableModel() const { return model_; }
    QTableView* table() const { return table_; }
    QComboBox* formatBox() const { return format_; }
    ColumnMappingEditor* mappingEditor() const { return mapping_; }
    StatisticsPanel* statisticsPanel() const { return stats_; }
    LengthHistogram* histogram() const { return histogram_; }
    LabelBalanceChart* labelChart() const { return labels_; }
    RowErrorList* errorList() const { return errors_; }
    /// Selects and scrolls to preview row `row`, fetching rows up to it.
    void showRow(qint64 row);

public Q_SLOTS:
    void openFileDialog();

Q_SIGNALS:
    /// For the status bar.
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void retranslate();
    void fileOpened();
    void mappingChanged();
    void statisticsChanged();
    void rowErrorsChanged();
    void updateFileLine();
    void fitColumns();

    DatasetSession* session_;
    DatasetTableModel* model_;
    QLabel* heading_;
    QLabel* fileLine_;
    QPushButton* open_;
    QGroupBox* formatGroup_;
    QComboBox* format_;
    QLabel* detected_;
    QGroupBox* mappingGroup_;
    ColumnMappingEditor* mapping_;
    QGroupBox* statsGroup_;
    StatisticsPanel* stats_;
    QGroupBox* previewGroup_;
    QTableView* table_;
    QGroupBox* errorsGroup_;
    RowErrorList* errors_;
    QGroupBox* histogramGroup_;
    LengthHistogram* histogram_;
    QGroupBox* labelsGroup_;
    LabelBalanceChart* labels_;
    QString lastError_;
};

} // namespace peft::datapage
