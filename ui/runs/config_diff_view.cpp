// SPDX-License-Identifier: MIT
#include "runs/config_diff_view.h"

#include "runs/config_flatten.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace peft::runs {

using project::RunSummary;

ConfigDiffView::ConfigDiffView(QWidget* parent) : QWidget(parent) {
    aLabel_ = new QLabel(this);
    a_ = new QComboBox(this);
    a_->setObjectName(QStringLiteral("diffRunA"));
    a_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    a_->setMinimumContentsLength(18);
    aLabel_->setBuddy(a_);
    bLabel_ = new QLabel(this);
    b_ = new QComboBox(this);
    b_->setObjectName(QStringLiteral("diffRunB"));
    b_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    b_->setMinimumContentsLength(18);
    bLabel_->setBuddy(b_);
    onlyDifferences_ = new QCheckBox(this);
    onlyDifferences_->setObjectName(QStringLiteral("onlyDifferences"));
    onlyDifferences_->setChecked(true);
    status_ = new QLabel(this);
    status_->setForegroundRole(QPalette::PlaceholderText);
    auto* bar = new QHBoxLayout;
    bar->addWidget(aLabel_);
    bar->addWidget(a_);
    bar->addSpacing(8);
    bar->addWidget(bLabel_);
    bar->addWidget(b_);
    bar->addSpacing(12);
    bar->addWidget(onlyDifferences_);
    bar->addSpacing(12);
    bar->addWidget(status_, 1);

    table_ = new QTableWidget(0, 3, this);
    table_->setObjectName(QStringLiteral("configDiff"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    table_->setColumnWidth(0, 260);
    table_->setColumnWidth(1, 260);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(table_, 1);

    connect(a_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(b_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(onlyDifferences_, &QCheckBox::toggled, this, [this] { applyFilter(); });
    retranslate();
}

void ConfigDiffView::setRuns(const QList<RunSummary>& runs) {
    const qint64 a = runA(), b = runB();
    {
        const QSignalBlocker blockA(a_), blockB(b_);
        a_->clear();
        b_->clear();
        for (const RunSummary& r : runs) {
            a_->addItem(r.name, r.id);
            b_->addItem(r.name, r.id);
        }
        // Keep the pair; otherwise the two newest runs.
        const int ia = a_->findData(a), ib = b_->findData(b);
        if (ia >= 0 && ib >= 0) {
            a_->setCurrentIndex(ia);
            b_->setCurrentIndex(ib);
        } else {
            a_->setCurrentIndex(std::max(0, int(runs.size()) - 2));
            b_->setCurrentIndex(int(runs.size()) - 1);
        }
    }
    rebuild();
}

void ConfigDiffView::clear() {
    configs_.clear();
    requested_.clear();
    setRuns({});
}

void ConfigDiffView::setPair(qint64 a, qint64 b) {
    const int ia = a_->findData(a), ib = b_->findData(b);
    if (ia < 0 || ib < 0) return;
    {
        const QSignalBlocker blockA(a_), blockB(b_);
        a_->setCurrentIndex(ia);
        b_->setCurrentIndex(ib);
    }
    rebuild();
}

qint64 ConfigDiffView::runA() const { return a_->currentIndex() < 0 ? 0 : a_->currentData().toLongLong(); }
qint64 ConfigDiffView::runB() const { return b_->currentIndex() < 0 ? 0 : b_->currentData().toLongLong(); }

void ConfigDiffView::setConfig(qint64 runId, const QJsonObject& config) {
    configs_.insert(runId, config);
    requested_.removeAll(runId);
    if (runId == runA() || runId == runB()) rebuild();
}

void ConfigDiffView::rebuild() {
    table_->setRowCount(0);
    differing_.clear();
    const qint64 a = runA(), b = runB();
    if (a == 0 || b == 0) {
        status_->setText(tr("Two runs are needed for a comparison"));
        return;
    }
    bool waiting = false;
    for (qint64 id : {a, b}) {
        if (configs_.contains(id)) continue;
        waiting = true;
        if (!requested_.contains(id)) {
            requested_ << id;
            Q_EMIT configRequested(id);
        }
    }
    if (waiting) {
        status_->setText(tr("Loading the configurations…"));
        return;
    }
    const QMap<QString, QString> fa = flattenConfig(configs_.value(a));
    const QMap<QString, QString> fb = flattenConfig(configs_.value(b));
    QStringList keys = fa.keys();
    for (auto it = fb.cbegin(); it != fb.cend(); ++it)
        if (!fa.contains(it.key())) keys << it.key();
    keys.sort();
    table_->setRowCount(int(keys.size()));
    table_->setHorizontalHeaderLabels({tr("Setting"), a_->currentText(), b_->currentText()});
    const QColor changed(255, 190, 0, 70); // amber over the palette's base: readable light or dark
    const QString missing = tr("(not set)");
    for (int row = 0; row < keys.size(); ++row) {
        const QString& key = keys[row];
        const bool inA = fa.contains(key), inB = fb.contains(key);
        const bool differs = !inA || !inB || fa.value(key) != fb.value(key);
        auto* k = new QTableWidgetItem(key);
        auto* va = new QTableWidgetItem(inA ? fa.value(key) : missing);
        auto* vb = new QTableWidgetItem(inB ? fb.value(key) : missing);
        va->setToolTip(va->text());
        vb->setToolTip(vb->text());
        if (!inA) va->setForeground(palette().color(QPalette::PlaceholderText));
        if (!inB) vb->setForeground(palette().color(QPalette::PlaceholderText));
        if (differs) {
            differing_ << key;
            for (QTableWidgetItem* item : {k, va, vb}) item->setBackground(changed);
            QFont bold = k->font();
            bold.setBold(true);
            k->setFont(bold);
        }
        table_->setItem(row, 0, k);
        table_->setItem(row, 1, va);
        table_->setItem(row, 2, vb);
    }
    status_->setText(a == b ? tr("The same run on both sides")
                            : tr("%n setting(s) differ", nullptr, int(differing_.size())) + QStringLiteral(" · ") +
                                  tr("%n setting(s) in all", nullptr, int(keys.size())));
    applyFilter();
}

void ConfigDiffView::applyFilter() {
    const bool only = onlyDifferences_->isChecked();
    const QSet<QString> differing(differing_.cbegin(), differing_.cend());
    for (int row = 0; row < table_->rowCount(); ++row)
        table_->setRowHidden(row, only && !differing.contains(table_->item(row, 0)->text()));
}

void ConfigDiffView::retranslate() {
    aLabel_->setText(tr("Run A:"));
    bLabel_->setText(tr("Run B:"));
    onlyDifferences_->setText(tr("Only differences"));
    onlyDifferences_->setToolTip(tr("Hide the settings both runs share"));
    table_->setHorizontalHeaderLabels({tr("Setting"), tr("Run A"), tr("Run B")});
    rebuild();
}

void ConfigDiffView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::runs
