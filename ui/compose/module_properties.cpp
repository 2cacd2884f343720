// SPDX-License-Identifier: MIT
#include "compose/module_properties.h"

#include "compose/compose_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace peft::compose {

namespace {

QComboBox* combo(QWidget* parent, const QStringList& values) {
    auto* box = new QComboBox(parent);
    for (const auto& v : values) box->addItem(v, v); // data: the engine's identifier; text: retranslate()
    return box;
}

QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray()) out << v.toString();
    return out;
}

} // namespace

ModuleProperties::ModuleProperties(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("moduleProperties"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("moduleTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    remove_ = new QToolButton(this);
    remove_->setObjectName(QStringLiteral("removeModule"));
    header->addWidget(title_, 1);
    header->addWidget(remove_);
    column->addLayout(header);
    empty_ = new QLabel(this);
    empty_->setWordWrap(true);
    column->addWidget(empty_);

    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    name_ = new QLineEdit(this);
    sites_ = new QLineEdit(this);
    sites_->setObjectName(QStringLiteral("sitesEdit"));
    targets_ = new QLabel(this);
    targets_->setWordWrap(true);
    layersEdit_ = new QLineEdit(this);
    layersEdit_->setObjectName(QStringLiteral("layersEdit"));
    strip_ = new QWidget(this);
    strip_->setObjectName(QStringLiteral("layerStrip"));
    stripLayout_ = new QHBoxLayout(strip_);
    stripLayout_->setContentsMargins(0, 0, 0, 0);
    stripLayout_->setSpacing(2);
    insertion_ = combo(this, {QStringLiteral("parallel"), QStringLiteral("sequential")});
    composition_ = combo(this, {QStringLiteral("add"), QStringLiteral("scaled"), QStringLiteral("learned_scalar"),
                                QStringLiteral("learned_channel"), QStringLiteral("gated")});
    scale_ = new QDoubleSpinBox(this);
    scale_->setRange(-1000, 1000);
    scale_->setDecimals(3);
    r_ = new QSpinBox(this);
    r_->setObjectName(QStringLiteral("rankSpin"));
    r_->setRange(0, 1 << 20); // 0 is allowed so the engine's message explains why it is wrong
    alpha_ = new QDoubleSpinBox(this);
    alpha_->setRange(0, 1 << 20);
    rslora_ = new QCheckBox(this);
    dropout_ = new QDoubleSpinBox(this);
    dropout_->setRange(0, 1);
    dropout_->setSingleStep(0.05);
    reduction_ = new QDoubleSpinBox(this);
    reduction_->setRange(0, 1 << 16);
    activation_ = combo(this, {QStringLiteral("relu"), QStringLiteral("gelu"), QStringLiteral("silu"), QStringLiteral("tanh"), QStringLiteral("identity")});
    init_ = combo(this, {QStringLiteral("lora"), QStringLiteral("bert"), QStringLiteral("houlsby")});
    adapterNorm_ = combo(this, {QStringLiteral("none"), QStringLiteral("in"), QStringLiteral("out")});
    length_ = new QSpinBox(this);
    length_->setRange(0, 1 << 16);
    reparam_ = new QSpinBox(this);
    reparam_->setRange(0, 1 << 20);
    for (auto* spin : {static_cast<QAbstractSpinBox*>(scale_), static_cast<QAbstractSpinBox*>(r_), static_cast<QAbstractSpinBox*>(alpha_),
                       static_cast<QAbstractSpinBox*>(dropout_), static_cast<QAbstractSpinBox*>(reduction_),
                       static_cast<QAbstractSpinBox*>(length_), static_cast<QAbstractSpinBox*>(reparam_)})
        spin->setKeyboardTracking(false); // one edit per value, not per keystroke
    for (QWidget* w : std::initializer_list<QWidget*>{name_, sites_, targets_, layersEdit_, strip_, insertion_, composition_, scale_, r_,
                                                      alpha_, rslora_, dropout_, reduction_, activation_, init_, adapterNorm_, length_, reparam_})
        form_->addRow(QStringLiteral("-"), w);
    column->addLayout(form_);
    issues_ = new QLabel(this);
    issues_->setObjectName(QStringLiteral("moduleIssues"));
    issues_->setWordWrap(true);
    issues_->setStyleSheet(QStringLiteral("color: #dc2626;"));
    column->addWidget(issues_);
    column->addStretch(1);

    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (name_->text() != module_.value(QLatin1String("name")).toString()) apply(QStringLiteral("name"), name_->text());
    });
    connect(sites_, &QLineEdit::editingFinished, this, [this] {
        QJsonArray list;
        for (const auto& s : sites_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) list.append(s.trimmed());
        if (list != module_.value(QLatin1String("sites")).toArray()) apply(QStringLiteral("sites"), list);
    });
    connect(layersEdit_, &QLineEdit::editingFinished, this, [this] {
        QList<int> layers;
        if (!parseLayers(layersEdit_->text(), &layers)) {
            issues_->setText(tr("Layers: write block numbers or ranges, e.g. 0-2, 4 (empty: every block)."));
            return;
        }
        applyLayers(layers);
    });
    auto comboField = [this](QComboBox* box, const char* field) {
        connect(box, &QComboBox::activated, this, [this, box, field] { apply(QLatin1String(field), box->currentData().toString()); });
    };
    comboField(insertion_, "insertion");
    comboField(composition_, "composition");
    comboField(activation_, "activation");
    comboField(init_, "init");
    comboField(adapterNorm_, "adapter_norm");
    auto doubleField = [this](QDoubleSpinBox* spin, const char* field) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, field](double v) { apply(QLatin1String(field), v); });
    };
    doubleField(scale_, "scale");
    doubleField(alpha_, "alpha");
    doubleField(dropout_, "dropout");
    auto intField = [this](QSpinBox* spin, const char* field) {
        connect(spin, &QSpinBox::valueChanged, this, [this, field](int v) { apply(QLatin1String(field), v); });
    };
    intField(r_, "r");
    intField(length_, "length");
    intField(reparam_, "reparam_hidden");
    connect(reduction_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        // A factor replaces r (AdapterHub's rule); 0 goes back to an explicit size.
        if (v > 0) apply(QStringLiteral("reduction_factor"), v);
        else if (module_.contains(QLatin1String("reduction_factor"))) {
            QJsonObject after = module_;
            after.remove(QStringLiteral("reduction_factor"));
            after.insert(QStringLiteral("r"), r_->value() > 0 ? r_->value() : 8);
            const QJsonObject before = module_;
            module_ = after;
            Q_EMIT edited(index_, before, after, QStringLiteral("reduction_factor"));
        }
    });
    connect(rslora_, &QCheckBox::toggled, this, [this](bool on) { apply(QStringLiteral("rslora"), on); });
    connect(remove_, &QToolButton::clicked, this, [this] {
        if (index_ >= 0) Q_EMIT removeRequested(index_);
    });
    retranslate();
    showModule(-1, {}, 0);
}

void ModuleProperties::retranslate() {
    auto label = [this](QWidget* field, const QString& text) {
        if (auto* l = qobject_cast<QLabel*>(form_->labelForField(field))) l->setText(text);
    };
    label(name_, tr("Name"));
    label(sites_, tr("Sites"));
    label(targets_, tr("PEFT targets"));
    label(layersEdit_, tr("Layers"));
    label(strip_, QString());
    label(insertion_, tr("Insertion"));
    label(composition_, tr("Composition"));
    label(scale_, tr("Scale"));
    label(r_, tr("Rank / size"));
    label(alpha_, tr("Alpha"));
    label(rslora_, tr("rsLoRA"));
    label(dropout_, tr("Dropout"));
    label(reduction_, tr("Reduction factor"));
    label(activation_, tr("Nonlinearity"));
    label(init_, tr("Init"));
    label(adapterNorm_, tr("Adapter norm"));
    label(length_, tr("Length"));
    label(reparam_, tr("Reparam. hidden"));
    // Shown names of the engine's identifiers (nonlinearities and inits keep their own names).
    auto texts = [](QComboBox* box, const QStringList& shown) {
        for (int i = 0; i < box->count() && i < shown.size(); ++i) box->setItemText(i, shown[i]);
    };
    texts(insertion_, {tr("parallel"), tr("sequential")});
    texts(composition_, {tr("add"), tr("scaled"), tr("learned scalar"), tr("learned per channel"), tr("gated")});
    texts(adapterNorm_, {tr("none"), tr("on the input"), tr("on the output")});
    sites_->setPlaceholderText(tr("every site it can attach to"));
    sites_->setToolTip(tr("Roles (q, v, ffn_out, …), site names or all, separated by commas"));
    layersEdit_->setPlaceholderText(tr("every block"));
    layersEdit_->setToolTip(tr("Block numbers or ranges, e.g. 0-2, 4; negative numbers count from the end"));
    reduction_->setSpecialValueText(tr("off (use size)"));
    remove_->setText(tr("Remove"));
    remove_->setToolTip(tr("Remove this module (Delete)"));
    empty_->setText(tr("Select a module in the picture to edit it, or drag one from the palette onto a lit site."));
    if (index_ >= 0) title_->setText(tr("%1 — %2").arg(module_.value(QLatin1String("name")).toString(),
                                                      kindTitle(module_.value(QLatin1String("kind")).toString())));
    else title_->setText(tr("Properties"));
    rebuildStrip();
    refreshIssues();
}

void ModuleProperties::showModule(int index, const QJsonObject& module, int layers) {
    loading_ = true;
    index_ = index;
    module_ = module;
    layers_ = layers;
    const bool shown = index >= 0;
    const QString kind = module.value(QLatin1String("kind")).toString();
    const bool composes = kind == QLatin1String("low_rank") || kind == QLatin1String("bottleneck");
    const bool lora = kind == QLatin1String("low_rank");
    const bool adapter = kind == QLatin1String("bottleneck");
    const bool prefix = kind == QLatin1String("prefix");
    const bool targets = module.contains(QLatin1String("target_modules"));
    form_->setRowVisible(name_, shown);
    form_->setRowVisible(sites_, shown && !targets);
    form_->setRowVisible(targets_, shown && targets);
    form_->setRowVisible(layersEdit_, shown);
    form_->setRowVisible(strip_, shown && layers > 0);
    form_->setRowVisible(insertion_, shown && composes);
    form_->setRowVisible(composition_, shown && composes);
    form_->setRowVisible(scale_, shown && composes);
    form_->setRowVisible(r_, shown && composes);
    form_->setRowVisible(alpha_, shown && lora);
    form_->setRowVisible(rslora_, shown && lora);
    form_->setRowVisible(dropout_, shown && composes);
    form_->setRowVisible(reduction_, shown && adapter);
    form_->setRowVisible(activation_, shown && adapter);
    form_->setRowVisible(init_, shown && adapter);
    form_->setRowVisible(adapterNorm_, shown && adapter);
    form_->setRowVisible(length_, shown && (prefix || kind == QLatin1String("prompt")));
    form_->setRowVisible(reparam_, shown && prefix);
    empty_->setVisible(!shown);
    remove_->setVisible(shown);

    name_->setText(module.value(QLatin1String("name")).toString());
    sites_->setText(strings(module.value(QLatin1String("sites"))).join(QStringLiteral(", ")));
    const QJsonValue t = module.value(QLatin1String("target_modules"));
    targets_->setText(t.isString() ? t.toString() : strings(t).join(QStringLiteral(", ")));
    QList<int> l;
    for (const auto& v : module.value(QLatin1String("layers")).toArray()) l << v.toInt();
    layersEdit_->setText(formatLayers(l));
    auto setCombo = [&](QComboBox* box, const char* field, const char* fallback) {
        const int at = box->findData(module.value(QLatin1String(field)).toString(QLatin1String(fallback)));
        box->setCurrentIndex(std::max(at, 0));
    };
    setCombo(insertion_, "insertion", "parallel");
    setCombo(composition_, "composition", "add");
    setCombo(activation_, "activation", "relu");
    setCombo(init_, "init", "lora");
    setCombo(adapterNorm_, "adapter_norm", "none");
    scale_->setValue(module.value(QLatin1String("scale")).toDouble(1.0));
    r_->setValue(int(module.value(QLatin1String("r")).toInteger(8)));
    r_->setEnabled(!(adapter && module.value(QLatin1String("reduction_factor")).toDouble() > 0));
    alpha_->setValue(module.value(QLatin1String("alpha")).toDouble(8.0));
    rslora_->setChecked(module.value(QLatin1String("rslora")).toBool());
    dropout_->setValue(module.value(QLatin1String("dropout")).toDouble());
    reduction_->setValue(module.value(QLatin1String("reduction_factor")).toDouble());
    length_->setValue(int(module.value(QLatin1String("length")).toInteger(10)));
    reparam_->setValue(int(module.value(QLatin1String("reparam_hidden")).toInteger()));
    loading_ = false;
    retranslate();
}

void ModuleProperties::rebuildStrip() {
    // One toggle per block; all lit = every block (the recipe's empty list).
    if (stripButtons_.size() != layers_) {
        stripButtons_.clear();
        while (QLayoutItem* item = stripLayout_->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (int i = 0; i < layers_; ++i) {
            auto* button = new QToolButton(strip_);
            button->setCheckable(true);
            button->setText(QString::number(i));
            button->setAutoRaise(false);
            stripLayout_->addWidget(button);
            stripButtons_ << button;
            connect(button, &QToolButton::clicked, this, [this] {
                QList<int> chosen;
                for (int b = 0; b < stripButtons_.size(); ++b)
                    if (stripButtons_[b]->isChecked()) chosen << b;
                if (chosen.isEmpty()) { // no block at all is not a recipe: keep the last one
                    rebuildStrip();
                    return;
                }
                applyLayers(chosen.size() == stripButtons_.size() ? QList<int>{} : chosen);
            });
        }
        stripLayout_->addStretch(1);
    }
    QList<int> current;
    for (const auto& v : module_.value(QLatin1String("layers")).toArray()) current << (v.toInt() < 0 ? layers_ + v.toInt() : v.toInt());
    for (int i = 0; i < stripButtons_.size(); ++i) {
        stripButtons_[i]->setChecked(current.isEmpty() || current.contains(i));
        stripButtons_[i]->setToolTip(tr("Block %1").arg(i));
    }
}

void ModuleProperties::apply(const QString& field, const QJsonValue& value) {
    if (loading_ || index_ < 0) return;
    if (module_.value(field) == value) return;
    const QJsonObject before = module_;
    module_.insert(field, value);
    Q_EMIT edited(index_, before, module_, field);
}

void ModuleProperties::applyLayers(const QList<int>& layers) {
    if (loading_ || index_ < 0) return;
    const QJsonObject before = module_;
    if (layers.isEmpty()) module_.remove(QStringLiteral("layers"));
    else {
        QJsonArray array;
        for (int l : layers) array.append(l);
        module_.insert(QStringLiteral("layers"), array);
    }
    if (before == module_) return;
    Q_EMIT edited(index_, before, module_, QStringLiteral("layers"));
}

void ModuleProperties::setIssues(const QList<ComposeIssue>& issues) {
    issueList_ = issues;
    refreshIssues();
}

void ModuleProperties::refreshIssues() {
    QStringList lines;
    for (const auto& issue : issueList_)
        if (issue.moduleIndex == index_ || issue.moduleIndex < 0) lines << issue.message;
    issues_->setText(lines.join(QLatin1Char('\n')));
    issues_->setVisible(!lines.isEmpty());
}

QString ModuleProperties::issuesText() const { return issues_->text(); }

bool ModuleProperties::parseLayers(const QString& text, QList<int>* layers) {
    layers->clear();
    static const QRegularExpression range(QStringLiteral("^(\\d+)\\s*(?:-|\\.\\.|–)\\s*(\\d+)$"));
    static const QRegularExpression single(QStringLiteral("^-?\\d+$"));
    for (QString part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty()) continue;
        if (const auto m = range.match(part); m.hasMatch()) {
            const int a = m.captured(1).toInt(), b = m.captured(2).toInt();
            if (a > b) return false;
            for (int i = a; i <= b; ++i)
                if (!layers->contains(i)) layers->append(i);
        } else if (single.match(part).hasMatch()) {
            if (!layers->contains(part.toInt())) layers->append(part.toInt());
        } else {
            return false;
        }
    }
    return true;
}

QString ModuleProperties::formatLayers(const QList<int>& layers) {
    // Runs of consecutive blocks read as ranges: [0,1,2,4] -> "0-2, 4".
    QStringList parts;
    for (int i = 0; i < layers.size();) {
        int j = i;
        while (j + 1 < layers.size() && layers[j] >= 0 && layers[j + 1] == layers[j] + 1) ++j;
        parts << (j - i >= 2 ? QStringLiteral("%1-%2").arg(layers[i]).arg(layers[j]) : QString::number(layers[i]));
        if (j - i == 1) parts << QString::number(layers[j]);
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

void ModuleProperties::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace peft::compose
