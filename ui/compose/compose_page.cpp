// SPDX-License-Identifier: MIT
#include "compose/compose_page.h"

#include "compose/block_scene.h"
#include "compose/block_view.h"
#include "compose/compose_commands.h"
#include "compose/compose_names.h"
#include "compose/figures_panel.h"
#include "compose/module_palette.h"
#include "compose/module_properties.h"
#include "core/compose_backend.h"
#include "core/recipe_document.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace peft::compose {

namespace {

QLabel* sectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

/// The name a dropped module starts with: its kind's short name and the site ("lora_q").
QString baseName(const QString& kind, const QString& role) {
    QString base = kind;
    if (kind == QLatin1String("low_rank")) base = QStringLiteral("lora");
    else if (kind == QLatin1String("bottleneck")) base = QStringLiteral("adapter");
    return role.isEmpty() ? base : QString(base + QLatin1Char('_') + role);
}

} // namespace

ComposePage::ComposePage(QWidget* parent)
    : QWidget(parent), backend_(std::make_unique<ComposeBackend>()), document_(new RecipeDocument(this)),
      undo_(new QUndoStack(this)) {
    setObjectName(QStringLiteral("composePage"));
    auto* column = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    heading_ = new QLabel(this);
    QFont big = heading_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    heading_->setFont(big);
    modelLabel_ = new QLabel(this);
    modelLabel_->setObjectName(QStringLiteral("composeModel"));
    open_ = new QPushButton(this);
    save_ = new QPushButton(this);
    header->addWidget(heading_);
    header->addSpacing(12);
    header->addWidget(modelLabel_, 1);
    header->addWidget(open_);
    header->addWidget(save_);
    column->addLayout(header);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(splitter);
    auto* leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    paletteTitle_ = sectionTitle(left);
    palette_ = new ModulePalette(left);
    palette_->populate(ComposeBackend::moduleKinds(), ComposeBackend::presetNames());
    leftColumn->addWidget(paletteTitle_);
    leftColumn->addWidget(palette_, 1);

    scene_ = new BlockScene(this);
    view_ = new BlockView(scene_, splitter);

    auto* rightScroll = new QScrollArea(splitter);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* right = new QWidget(rightScroll);
    auto* rightColumn = new QVBoxLayout(right);
    rightColumn->setContentsMargins(4, 0, 4, 0);
    propertiesTitle_ = sectionTitle(right);
    properties_ = new ModuleProperties(right);
    figuresTitle_ = sectionTitle(right);
    figures_ = new FiguresPanel(right);
    rightColumn->addWidget(figuresTitle_);
    rightColumn->addWidget(figures_);
    rightColumn->addSpacing(8);
    rightColumn->addWidget(propertiesTitle_);
    rightColumn->addWidget(properties_, 1);
    rightScroll->setWidget(right);

    splitter->addWidget(left);
    splitter->addWidget(view_);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({190, 560, 400});
    column->addWidget(splitter, 1);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("composeMessage"));
    message_->setWordWrap(true);
    column->addWidget(message_);

    scene_->setSources(backend_.get(), document_);
    connect(document_, &RecipeDocument::changed, this, &ComposePage::documentChanged);
    connect(scene_, &BlockScene::dropRequested, this, [this](const PalettePayload& payload, const QString& role) { addAt(payload, role); });
    connect(scene_, &BlockScene::dropRefused, this, [this](const QString& message) { showMessage(message, true); });
    connect(scene_, &BlockScene::dragHint, this, [this](const QString& hint) {
        if (!hint.isEmpty()) showMessage(hint, false);
    });
    connect(scene_, &BlockScene::moduleSelected, this, &ComposePage::showSelectedModule);
    connect(scene_, &BlockScene::siteSelected, this, [this](const QString& role) {
        const PalettePayload payload = palette_->selectedPayload();
        showMessage(payload.valid() ? tr("Site %1: press Enter or Insert to add %2 here.")
                                          .arg(roleTitle(role), payload.preset ? presetTitle(payload.name) : kindTitle(payload.name))
                                    : tr("Site %1: choose a module in the palette, then press Enter or Insert.").arg(roleTitle(role)),
                    false);
    });
    connect(view_, &BlockView::insertRequested, this, [this](const QString& role) {
        const PalettePayload payload = palette_->selectedPayload();
        if (!payload.valid()) showMessage(tr("Choose a module or preset in the palette first."), true);
        else if (role.isEmpty() && !payload.preset) showMessage(tr("Select a site first (arrow keys)."), true);
        else scene_->requestAt(payload, role);
    });
    connect(view_, &BlockView::removeRequested, this, &ComposePage::removeModule);
    connect(palette_, &ModulePalette::itemActivated, this, [this] {
        const PalettePayload payload = palette_->selectedPayload();
        if (payload.valid() && (payload.preset || !scene_->selectedRole().isEmpty())) scene_->requestAt(payload, scene_->selectedRole());
    });
    connect(properties_, &ModuleProperties::edited, this,
            [this](int index, const QJsonObject& before, const QJsonObject& after, const QString& field) {
                undo_->push(new EditModuleCommand(document_, index, before, after, field,
                                                  tr("Edit %1 of %2").arg(field, before.value(QLatin1String("name")).toString())));
            });
    connect(properties_, &ModuleProperties::removeRequested, this, &ComposePage::removeModule);
    connect(figures_, &FiguresPanel::memoryOptionsChanged, this, &ComposePage::evaluate);
    connect(open_, &QPushButton::clicked, this, &ComposePage::openRecipeDialog);
    connect(save_, &QPushButton::clicked, this, &ComposePage::saveRecipeDialog);
    retranslate();
    evaluate();
}

ComposePage::~ComposePage() {
    // The scene refers to the backend and document: let it go first.
    scene_->setSources(nullptr, nullptr);
}

bool ComposePage::setModel(const QString& modelDir) {
    if (backend_->isOpen() && backend_->modelDir() == modelDir) return true;
    QString error;
    const bool opened = backend_->open(modelDir, &error);
    if (!opened) showMessage(tr("Cannot compose for %1: %2").arg(modelDir, error), true);
    else message_->clear();
    figures_->setSequenceLimit(backend_->maxPositions());
    scene_->rebuild();
    view_->fitScene();
    retranslate();
    evaluate();
    showSelectedModule(scene_->selectedModule());
    return opened;
}

QString ComposePage::modelDir() const { return backend_->modelDir(); }

bool ComposePage::addAt(const PalettePayload& payload, const QString& role) {
    if (!backend_->isOpen()) {
        showMessage(tr("Select a model on the Model page first."), true);
        return false;
    }
    QList<QJsonObject> modules;
    QString text;
    if (payload.preset) {
        QString error;
        const QJsonObject recipe = backend_->presetRecipe(payload.name, &error);
        if (recipe.isEmpty()) {
            showMessage(error, true);
            return false;
        }
        // Names stay unique across the presets and modules already composed.
        QStringList taken;
        for (const auto& m : document_->modules()) taken << m.value(QLatin1String("name")).toString();
        for (const auto& value : recipe.value(QLatin1String("modules")).toArray()) {
            QJsonObject m = value.toObject();
            const QString kind = m.value(QLatin1String("kind")).toString();
            // One task head is enough: every preset ends with one.
            if (kind == QLatin1String("task_head")) {
                bool have = false;
                for (const auto& existing : document_->modules())
                    have = have || existing.value(QLatin1String("kind")).toString() == kind;
                if (have) continue;
            }
            QString name = m.value(QLatin1String("name")).toString();
            for (int n = 2; taken.contains(name); ++n) name = m.value(QLatin1String("name")).toString() + QLatin1Char('_') + QString::number(n);
            taken << name;
            m.insert(QStringLiteral("name"), name);
            modules << m;
        }
        text = tr("Add preset %1").arg(presetTitle(payload.name));
    } else {
        QJsonObject m = ComposeBackend::defaultModule(payload.name);
        QJsonObject named{{QStringLiteral("name"), document_->uniqueName(baseName(payload.name, role))}};
        for (auto it = m.begin(); it != m.end(); ++it) named.insert(it.key(), it.value());
        if (!role.isEmpty()) named.insert(QStringLiteral("sites"), QJsonArray{role});
        modules << named;
        text = tr("Add %1 at %2").arg(kindTitle(payload.name), roleTitle(role));
    }
    if (modules.isEmpty()) return false;
    const int first = document_->moduleCount();
    undo_->push(new AddModulesCommand(document_, modules, text));
    scene_->selectModule(first);
    showMessage(text, false);
    return true;
}

bool ComposePage::removeModule(int index) {
    if (index < 0 || index >= document_->moduleCount()) return false;
    const QString name = document_->module(index).value(QLatin1String("name")).toString();
    undo_->push(new RemoveModuleCommand(document_, index, tr("Remove %1").arg(name)));
    showMessage(tr("Removed %1.").arg(name), false);
    return true;
}

bool ComposePage::loadRecipe(const QString& path) {
    QString error;
    const QJsonObject recipe = ComposeBackend::loadRecipe(path, &error);
    if (recipe.isEmpty()) {
        showMessage(tr("Cannot open the recipe: %1").arg(error), true);
        return false;
    }
    undo_->push(new ReplaceRecipeCommand(document_, recipe, tr("Open %1").arg(QFileInfo(path).fileName())));
    if (document_->moduleCount() > 0) scene_->selectModule(0);
    showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool ComposePage::saveRecipe(const QString& path) {
    QString error;
    if (!ComposeBackend::saveRecipe(document_->toJson(), path, &error)) {
        showMessage(tr("Cannot save the recipe: %1").arg(error), true);
        return false;
    }
    undo_->setClean();
    showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void ComposePage::openRecipeDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Recipe"), QString(), tr("Recipes (*.json)"));
    if (!path.isEmpty()) loadRecipe(path);
}

void ComposePage::saveRecipeDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Recipe"), QStringLiteral("recipe.json"), tr("Recipes (*.json)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
    saveRecipe(path);
}

void ComposePage::documentChanged() {
    scene_->rebuild();
    view_->fitScene();
    evaluate();
    if (selectedModule_ >= document_->moduleCount()) selectedModule_ = -1;
    showSelectedModule(scene_->selectedModule() >= 0 ? scene_->selectedModule() : selectedModule_);
}

void ComposePage::evaluate() {
    if (!backend_->isOpen()) {
        figures_->setFigures({});
        properties_->setIssues({});
        return;
    }
    const ComposeFigures f = backend_->evaluate(document_->toJson(), figures_->batch(), figures_->sequence());
    figures_->setFigures(f);
    properties_->setIssues(f.issues);
}

void ComposePage::showSelectedModule(int index) {
    selectedModule_ = index;
    properties_->showModule(index, index >= 0 ? document_->module(index) : QJsonObject(), backend_->layerCount());
}

void ComposePage::showMessage(const QString& message, bool error) {
    message_->setText(message);
    message_->setStyleSheet(error ? QStringLiteral("color: #dc2626;") : QString());
    Q_EMIT statusMessage(message);
}

void ComposePage::retranslate() {
    heading_->setText(tr("Compose"));
    paletteTitle_->setText(tr("Palette"));
    palette_->setToolTip(tr("Drag a module onto a lit site of the block, or select a site and press Enter"));
    propertiesTitle_->setText(tr("Module"));
    figuresTitle_->setText(tr("Cost"));
    open_->setText(tr("Open Recipe…"));
    save_->setText(tr("Save Recipe…"));
    if (backend_->isOpen())
        modelLabel_->setText(tr("%1 — %2, %n layer(s), hidden size %3", nullptr, backend_->layerCount())
                                 .arg(QFileInfo(backend_->modelDir()).fileName(), backend_->modelType())
                                 .arg(backend_->hiddenSize()));
    else
        modelLabel_->setText(tr("No model selected"));
}

void ComposePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        scene_->rebuild(); // site labels and the block title are translated
    }
    QWidget::changeEvent(event);
}

} // namespace peft::compose
