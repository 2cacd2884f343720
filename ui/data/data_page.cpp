// SPDX-License-Identifier: MIT
#include "data/data_page.h"
#include "widgets/page_style.h"

#include "core/dataset_backend.h"
#include "core/dataset_session.h"
#include "data/column_mapping_editor.h"
#include "data/data_names.h"
#include "data/dataset_table_model.h"
#include "data/label_balance_chart.h"
#include "data/length_histogram.h"
#include "data/row_error_list.h"
#include "data/statistics_panel.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace peft::datapage {

namespace {

/// The first local file among dragged URLs; empty when there is none.
QString droppedFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const auto& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) return url.toLocalFile();
    return {};
}

// A wide text column would push the others out of sight; the tooltip shows the whole cell.
constexpr int kMaxColumnWidth = 520;
constexpr int kMinColumnWidth = 160;

} // namespace

DataPage::DataPage(QWidget* parent)
    : QWidget(parent), session_(new DatasetSession(this)), model_(new DatasetTableModel(this)) {
    setObjectName(QStringLiteral("dataPage"));
    setAcceptDrops(true);
    heading_ = new QLabel(this);
    heading_->setFont(pageHeadingFont(heading_->font()));
    fileLine_ = new QLabel(this);
    fileLine_->setObjectName(QStringLiteral("dataFile"));
    fileLine_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fileLine_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long paths must not widen the window
    open_ = new QPushButton(this);
    open_->setObjectName(QStringLiteral("openDataset"));
    auto* top = new QHBoxLayout;
    top->addWidget(heading_);
    top->addSpacing(12);
    top->addWidget(fileLine_, 1);
    top->addWidget(open_);

    // Left: what the file is and how it maps, and the statistics settings and figures.
    auto* formatBox = new QWidget(this);
    format_ = new QComboBox(formatBox);
    format_->setObjectName(QStringLiteral("datasetFormat"));
    for (const auto& key : DatasetFile::formats()) format_->addItem(QString(), key);
    format_->setEnabled(false);
    detected_ = new QLabel(formatBox);
    detected_->setWordWrap(true);
    auto* fl = new QVBoxLayout(formatBox);
    fl->setContentsMargins(0, 0, 0, 0);
    fl->addWidget(format_);
    fl->addWidget(detected_);
    formatGroup_ = framedSection(formatBox, this);
    mapping_ = new ColumnMappingEditor(this);
    mappingGroup_ = framedSection(mapping_, this);
    stats_ = new StatisticsPanel(this);
    statsGroup_ = framedSection(stats_, this);
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(formatGroup_);
    ll->addWidget(mappingGroup_);
    ll->addWidget(statsGroup_, 1);
    auto* leftScroll = new QScrollArea(this);
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftScroll->setMinimumWidth(300);
    leftScroll->setMaximumWidth(380);

    // Right: the preview, its row errors, and the two charts.
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("datasetPreview"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    previewGroup_ = framedSection(table_, this);
    errors_ = new RowErrorList(this);
    errorsGroup_ = framedSection(errors_, this);
    histogram_ = new LengthHistogram(this);
    histogramGroup_ = framedSection(histogram_, this);
    labels_ = new LabelBalanceChart(this);
    labelsGroup_ = framedSection(labels_, this);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(histogramGroup_);
    lower->addWidget(labelsGroup_);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    // Error messages are long sentences: they get the full width, under the rows they point to.
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(previewGroup_);
    right->addWidget(errorsGroup_);
    right->addWidget(lower);
    right->setStretchFactor(0, 5);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 4);
    right->setSizes({340, 110, 280});

    auto* body = new QHBoxLayout;
    body->addWidget(leftScroll);
    body->addWidget(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(open_, &QPushButton::clicked, this, &DataPage::openFileDialog);
    connect(format_, &QComboBox::activated, this, [this](int i) { session_->setFormat(format_->itemData(i).toString()); });
    connect(mapping_, &ColumnMappingEditor::roleChanged, session_, &DatasetSession::setRole);
    connect(stats_, &StatisticsPanel::maxLengthChanged, session_, &DatasetSession::setMaxLength);
    connect(stats_, &StatisticsPanel::textSplitChanged, session_, &DatasetSession::setTextSplit);
    connect(errors_, &RowErrorList::rowRequested, this, &DataPage::showRow);
    connect(session_, &DatasetSession::openStarted, this, [this](const QString& path) {
        lastError_.clear();
        Q_EMIT statusMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
        updateFileLine();
    });
    connect(session_, &DatasetSession::opened, this, &DataPage::fileOpened);
    connect(session_, &DatasetSession::openFailed, this, [this](const QString& path, const QString& message) {
        lastError_ = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), message);
        Q_EMIT statusMessage(lastError_);
        updateFileLine();
    });
    connect(session_, &DatasetSession::mappingChanged, this, &DataPage::mappingChanged);
    connect(session_, &DatasetSession::statisticsStarted, this, [this] { stats_->setRunning(true); });
    connect(session_, &DatasetSession::statisticsFinished, this, &DataPage::statisticsChanged);
    connect(session_, &DatasetSession::rowErrorsChanged, this, &DataPage::rowErrorsChanged);
    stats_->setMaxLength(session_->maxLength());
    retranslate();
}

DataPage::~DataPage() = default;

void DataPage::openFile(const QString& path) { session_->open(QFileInfo(path).absoluteFilePath()); }

void DataPage::setModel(const QString& modelDir) {
    stats_->setModel(modelDir);
    session_->setModelDir(modelDir);
}

void DataPage::openFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Dataset"), QFileInfo(session_->path()).absolutePath(),
        tr("Datasets (*.csv *.tsv *.tab *.json *.jsonl *.ndjson *.txt *.md *.text);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void DataPage::fileOpened() {
    const auto file = session_->file();
    model_->setFile(file);
    stats_->setTextFile(file->isTextFile());
    stats_->setStatistics({});
    histogram_->setStatistics({});
    labels_->setStatistics({});
    format_->setEnabled(true);
    fitColumns();
    table_->scrollToTop();
    updateFileLine();
    Q_EMIT statusMessage(tr("Opened %1").arg(QFileInfo(file->path()).fileName()));
}

void DataPage::fitColumns() {
    // Widths from the first rows only (the rest are not read yet), within reason. The widest
    // column (the text, usually) then takes whatever room the window has, so a short label
    // beside a long sentence stays in view however the page is resized.
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    table_->resizeColumnsToContents();
    const int columns = model_->columnCount();
    // Several long columns (instruction, input, output) share the width rather than the first
    // one taking it all.
    const int cap = columns > 0 ? std::clamp(table_->viewport()->width() / columns, kMinColumnWidth, kMaxColumnWidth)
                                : kMaxColumnWidth;
    int widest = -1;
    for (int c = 0; c < columns; ++c) {
        table_->setColumnWidth(c, std::min(table_->columnWidth(c), cap));
        if (widest < 0 || table_->columnWidth(c) > table_->columnWidth(widest)) widest = c;
    }
    if (widest >= 0) header->setSectionResizeMode(widest, QHeaderView::Stretch);
}

void DataPage::mappingChanged() {
    const auto file = session_->file();
    if (!file) return;
    const int at = format_->findData(session_->format());
    format_->setCurrentIndex(at);
    mapping_->setState(session_->format(), file->isTextFile() ? QStringList() : file->columns(), session_->mapping());
    retranslate();
}

void DataPage::statisticsChanged() {
    const auto& s = session_->statistics();
    stats_->setRunning(session_->statisticsRunning());
    stats_->setStatistics(s);
    histogram_->setStatistics(s);
    labels_->setStatistics(s);
}

void DataPage::rowErrorsChanged() {
    errors_->setErrors(session_->rowErrors(), session_->errorsScanned());
    retranslate();
}

void DataPage::showRow(qint64 row) {
    if (row < 0 || row >= model_->totalRows()) return;
    model_->ensureFetched(row);
    const QModelIndex index = model_->index(int(row), 0);
    table_->setCurrentIndex(index);
    table_->selectRow(int(row));
    table_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void DataPage::updateFileLine() {
    const auto file = session_->file();
    QStringList parts;
    if (!lastError_.isEmpty()) {
        parts << lastError_;
    } else if (session_->isOpening()) {
        parts << tr("Reading…");
    } else if (!file) {
        parts << tr("No dataset open. Open a CSV, TSV, JSON, JSONL or text file, or drop one here.");
    }
    if (file && lastError_.isEmpty()) {
        const QLocale l;
        const auto& d = file->detection();
        QString rows = file->isTextFile() ? tr("%Ln non-blank line(s)", nullptr, int(file->rowCount()))
                                          : tr("%Ln row(s)", nullptr, int(file->rowCount()));
        if (!file->complete()) rows = tr("first %1 rows indexed").arg(l.toString(file->rowCount()));
        QString kind = DataNames::fileKind(d.fileKind);
        if (d.fileKind == QLatin1String("csv") || d.fileKind == QLatin1String("tsv"))
            kind = d.hasHeader ? tr("%1 with a header").arg(kind) : tr("%1 without a header").arg(kind);
        parts.prepend(QStringLiteral("<b>%1</b> · %2 · %3").arg(QFileInfo(file->path()).fileName().toHtmlEscaped(), kind, rows));
    }
    fileLine_->setText(parts.join(QStringLiteral(" — ")));
    fileLine_->setToolTip(file ? file->path() : QString());
}

void DataPage::retranslate() {
    heading_->setText(tr("Data"));
    open_->setText(tr("Open Dataset…"));
    open_->setToolTip(tr("Open a CSV, TSV, JSON, JSONL or text file (or drop one on this page)"));
    formatGroup_->setTitle(tr("Format"));
    for (int i = 0; i < format_->count(); ++i) {
        const QString key = format_->itemData(i).toString();
        format_->setItemText(i, DataNames::format(key));
        format_->setItemData(i, DataNames::formatHint(key), Qt::ToolTipRole);
    }
    const auto file = session_->file();
    if (file) {
        const auto& d = file->detection();
        detected_->setText(d.format == session_->format() ? tr("Detected: %1").arg(DataNames::format(d.format))
                                                          : tr("Detected: %1 (changed by you)").arg(DataNames::format(d.format)));
        detected_->setToolTip(tr("Detection looked at the first %n record(s): %1", nullptr, int(d.sampledRows)).arg(d.reason));
    } else {
        detected_->setText(tr("Detected when a file is opened."));
        detected_->setToolTip({});
    }
    format_->setToolTip(DataNames::formatHint(session_->format()));
    mappingGroup_->setTitle(tr("Columns"));
    statsGroup_->setTitle(tr("Statistics"));
    previewGroup_->setTitle(tr("Preview"));
    const auto count = session_->rowErrors().size();
    errorsGroup_->setTitle(!file ? tr("Row errors")
                           : !session_->errorsScanned() ? tr("Row errors (checking…)")
                                                        : tr("Row errors (%1)").arg(QLocale().toString(count)));
    histogramGroup_->setTitle(tr("Token lengths"));
    labelsGroup_->setTitle(tr("Label balance"));
    updateFileLine();
}

void DataPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DataPage::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void DataPage::dropEvent(QDropEvent* event) {
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace peft::datapage
