// SPDX-License-Identifier: MIT
#include "widgets/model_page.h"
#include "widgets/page_style.h"

#include "core/model_catalog.h"
#include "widgets/model_table_model.h"

#include "widgets/qcustomplot_include.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace peft {

ModelPage::ModelPage(ModelCatalog* catalog, QWidget* parent)
    : QWidget(parent), catalog_(catalog), model_(new ModelTableModel(this)) {
    heading_ = new QLabel(this);
    heading_->setFont(pageHeadingFont(heading_->font()));
    scanState_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(200);
    progress_->setTextVisible(false);
    progress_->hide();
    addFolder_ = new QPushButton(this);
    openModel_ = new QPushButton(this);
    rescan_ = new QPushButton(this);
    // The welcome action: with no models of one's own, the demo is one click away.
    loadDemo_ = new QPushButton(this);
    loadDemo_->setObjectName(QStringLiteral("loadDemoButton"));
    auto* top = new QHBoxLayout;
    top->addWidget(heading_);
    top->addSpacing(12);
    top->addWidget(scanState_);
    top->addWidget(progress_);
    top->addStretch(1);
    top->addWidget(loadDemo_);
    top->addWidget(openModel_);
    top->addWidget(addFolder_);
    top->addWidget(rescan_);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("modelTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    auto* detail = new QWidget(this);
    title_ = new QLabel(detail);
    title_->setFont(pageHeadingFont(title_->font()));
    // A badge in the palette's highlight colours, so it reads in light and dark themes.
    demoBadge_ = new QLabel(detail);
    demoBadge_->setObjectName(QStringLiteral("demoBadge"));
    demoBadge_->setStyleSheet(QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text);"
                                             " border-radius: 4px; padding: 1px 6px; font-weight: bold; }"));
    demoBadge_->hide();
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title_);
    titleRow->addWidget(demoBadge_);
    titleRow->addStretch(1);
    details_ = new QLabel(detail);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setWordWrap(true);
    reason_ = new QLabel(detail);
    reason_->setWordWrap(true);
    reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chart_ = new QCustomPlot(detail);
    chart_->setMinimumHeight(180);
    auto* text = new QVBoxLayout;
    text->addLayout(titleRow);
    text->addWidget(details_);
    text->addWidget(reason_);
    text->addStretch(1);
    auto* dl = new QHBoxLayout(detail);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addLayout(text, 3);
    dl->addWidget(chart_, 2);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(catalog_, &ModelCatalog::scanStarted, this, [this] { showScanProgress(0, 0); });
    connect(catalog_, &ModelCatalog::scanProgress, this, &ModelPage::showScanProgress);
    connect(catalog_, &ModelCatalog::scanFinished, this, &ModelPage::refresh);
    connect(catalog_, &ModelCatalog::modelAdded, this, [this](const ModelRow& row) {
        pendingSelection_ = row.path;
        refresh();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetails(current.row()); });
    connect(addFolder_, &QPushButton::clicked, this, &ModelPage::addFolderRequested);
    connect(openModel_, &QPushButton::clicked, this, &ModelPage::openModelRequested);
    connect(rescan_, &QPushButton::clicked, catalog_, &ModelCatalog::rescan);
    connect(loadDemo_, &QPushButton::clicked, this, &ModelPage::loadDemoRequested);
    retranslate();
}

void ModelPage::showScanProgress(int done, int total) {
    progress_->setVisible(catalog_->scanning());
    progress_->setRange(0, total); // 0..0: busy indicator while folders are listed
    progress_->setValue(done);
    scanState_->setText(total > 0 ? tr("Reading model %1 of %2…").arg(done + 1 > total ? total : done + 1).arg(total)
                                  : tr("Scanning model folders…"));
}

void ModelPage::refresh() {
    const QString keep = pendingSelection_.isEmpty() ? selectedPath() : pendingSelection_;
    model_->setRows(catalog_->rows());
    table_->resizeColumnsToContents();
    progress_->setVisible(catalog_->scanning());
    scanState_->setText(tr("%n model(s) found", nullptr, int(catalog_->rows().size())));
    if (!keep.isEmpty()) selectModel(keep);
    else showDetails(-1);
}

void ModelPage::selectModel(const QString& path) {
    const int row = model_->indexOfPath(path);
    if (row < 0) {
        pendingSelection_ = path;
        return;
    }
    pendingSelection_.clear();
    table_->setCurrentIndex(model_->index(row, 0));
    table_->selectRow(row);
    showDetails(row);
}

void ModelPage::setDemoModel(const QString& path) {
    const QString keep = selectedPath();
    demoPath_ = path;
    model_->setDemoPath(path); // resets the table: select again
    if (!keep.isEmpty()) selectModel(keep);
    showDetails(shownRow_);
}

QString ModelPage::selectedPath() const {
    const QModelIndex current = table_->currentIndex();
    return current.isValid() ? model_->row(current.row()).path : QString();
}

void ModelPage::showDetails(int row) {
    const bool changed = row != shownRow_;
    shownRow_ = row;
    if (row < 0 || row >= model_->rowCount()) {
        shownRow_ = -1;
        demoBadge_->hide();
        title_->setText(tr("No model selected"));
        details_->setText(tr("Select a model above, open a model folder, or add a folder to scan."));
        reason_->clear();
        reason_->hide();
        chart_->clearPlottables();
        chart_->replot();
        return;
    }
    const ModelRow& r = model_->row(row);
    const QLocale locale;
    const QString none = tr("none");
    auto number = [&](qint64 v) { return v ? locale.toString(v) : QStringLiteral("—"); };
    const bool demo = model_->isDemo(row);
    title_->setText(demo ? ModelTableModel::demoDisplayName() : r.name);
    demoBadge_->setVisible(demo);
    QStringList lines;
    if (demo) lines << tr("Pretrained on this computer from generated stories, nothing downloaded: small enough to fine-tune in seconds.");
    lines << tr("Architecture: %1 (model_type %2)").arg(r.architecture.isEmpty() ? none : r.architecture,
                                                         r.modelType.isEmpty() ? none : r.modelType);
    lines << tr("Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5")
                 .arg(number(r.layers), number(r.hiddenSize), number(r.heads), number(r.kvHeads), number(r.intermediateSize));
    lines << tr("Vocabulary: %1 · positions %2").arg(number(r.vocabSize), number(r.maxPositions));
    if (r.parameters <= 0)
        lines << tr("Parameters: unknown");
    else
        lines << (r.parametersFromWeights ? tr("Parameters: %1 (%2, counted in the weights)")
                                          : tr("Parameters: %1 (%2, computed from config.json)"))
                     .arg(locale.toString(r.parameters), humanCount(r.parameters));
    lines << (r.weightFiles > 0 ? tr("Weights: %1 · %2 · weight files: %3")
                                      .arg(r.dtype.isEmpty() ? none : r.dtype, locale.formattedDataSize(qint64(r.weightBytes)),
                                           locale.toString(r.weightFiles))
                                : tr("Weights: none"));
    lines << tr("Tokenizer: %1").arg(r.tokenizer.isEmpty() ? none : r.tokenizer);
    if (demo) {
        lines << tr("Built by the studio's demo mode");
    } else {
        switch (r.source) {
        case ModelRow::Source::HubCache: lines << tr("Found in the Hugging Face cache %1").arg(r.origin); break;
        case ModelRow::Source::Folder: lines << tr("Found in %1").arg(r.origin); break;
        case ModelRow::Source::Opened: lines << tr("Opened by hand"); break;
        }
    }
    lines << tr("Folder: %1").arg(r.path);
    QStringList escaped;
    for (const auto& line : std::as_const(lines)) escaped << line.toHtmlEscaped();
    details_->setText(escaped.join(QStringLiteral("<br>")));
    reason_->setVisible(!r.supported);
    // Bold rather than a hard-coded colour, so light and dark palettes both read well.
    reason_->setText(r.supported ? QString()
                                 : QStringLiteral("<b>%1</b> %2").arg(tr("Cannot be fine-tuned as is:").toHtmlEscaped(),
                                                                      r.reason.toHtmlEscaped()));
    plotComponents(r);
    if (changed) Q_EMIT modelSelected(r.path);
}

void ModelPage::plotComponents(const ModelRow& r) {
    chart_->clearPlottables();
    chart_->setVisible(!r.components.isEmpty()); // nothing to draw without weights or a known config
    const QPalette pal = palette();
    chart_->setBackground(pal.window()); // blends with the page in light and dark palettes
    auto* bars = new QCPBars(chart_->xAxis, chart_->yAxis);
    bars->setBrush(pal.highlight());
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.6);
    QVector<double> ticks, values;
    QVector<QString> labels;
    for (int i = 0; i < r.components.size(); ++i) {
        ticks << i + 1;
        values << double(r.components[i].second);
        labels << ModelTableModel::componentName(r.components[i].first);
    }
    bars->setData(ticks, values);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    chart_->xAxis->setTicker(ticker);
    chart_->xAxis->setRange(0.4, double(ticks.size()) + 0.6);
    chart_->xAxis->grid()->setVisible(false);
    chart_->yAxis->setLabel(tr("Parameters per component"));
    chart_->yAxis->setRange(0, values.isEmpty() ? 1 : *std::max_element(values.begin(), values.end()) * 1.15);
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    for (QCPAxis* axis : {chart_->xAxis, chart_->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    chart_->replot();
}

void ModelPage::retranslate() {
    heading_->setText(tr("Models"));
    addFolder_->setText(tr("Add Folder…"));
    addFolder_->setToolTip(tr("Scan another folder for Hugging Face model folders"));
    openModel_->setText(tr("Open Model…"));
    openModel_->setToolTip(tr("Open one model folder (config.json and safetensors weights)"));
    rescan_->setText(tr("Rescan"));
    loadDemo_->setText(tr("Load Demo"));
    loadDemo_->setToolTip(tr("Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets"));
    demoBadge_->setText(tr("Demo"));
    if (!catalog_->scanning()) scanState_->setText(tr("%n model(s) found", nullptr, int(catalog_->rows().size())));
    showDetails(shownRow_);
}

void ModelPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    // The system switched between light and dark: redraw the chart in the new palette.
    if (event->type() == QEvent::PaletteChange) showDetails(shownRow_);
    QWidget::changeEvent(event);
}

} // namespace peft
