// SPDX-License-Identifier: MIT
// The Compose page: palette | block picture | properties and live figures. It owns the recipe
// document, its undo stack and the engine bridge of the selected model, and turns every user
// gesture (drop, keyboard, property edit, open) into an undo command.
#pragma once

#include "compose/compose_mime.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QUndoStack;

namespace peft {
class ComposeBackend;
class RecipeDocument;
} // namespace peft

namespace peft::compose {

class BlockScene;
class BlockView;
class FiguresPanel;
class ModulePalette;
class ModuleProperties;

class ComposePage final : public QWidget {
    Q_OBJECT
public:
    explicit ComposePage(QWidget* parent = nullptr);
    ~ComposePage() override;

    /// Composes for the model in `modelDir` (reads its config.json; no weights). The recipe stays.
    bool setModel(const QString& modelDir);
    QString modelDir() const;

    QUndoStack* undoStack() const { return undo_; }
    RecipeDocument* document() const { return document_; }
    BlockScene* scene() const { return scene_; }
    BlockView* view() const { return view_; }
    ModulePalette* modulePalette() const { return palette_; }
    ModuleProperties* properties() const { return properties_; }
    FiguresPanel* figures() const { return figures_; }
    QLabel* messageLabel() const { return message_; }

    /// Adds `payload` at the site of `role` (empty for presets) as one undo command.
    bool addAt(const PalettePayload& payload, const QString& role);
    bool removeModule(int index);
    /// Opens a recipe file (one undo command); false with a message when it cannot be read.
    bool loadRecipe(const QString& path);
    bool saveRecipe(const QString& path);

public Q_SLOTS:
    void openRecipeDialog();
    void saveRecipeDialog();

Q_SIGNALS:
    /// For the status bar.
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void documentChanged();
    void evaluate();
    void showMessage(const QString& message, bool error);
    void showSelectedModule(int index);

    std::unique_ptr<ComposeBackend> backend_;
    RecipeDocument* document_;
    QUndoStack* undo_;
    BlockScene* scene_;
    BlockView* view_;
    ModulePalette* palette_;
    ModuleProperties* properties_;
    FiguresPanel* figures_;
    QLabel* heading_;
    QLabel* modelLabel_;
    QLabel* paletteTitle_;
    QLabel* propertiesTitle_;
    QLabel* figuresTitle_;
    QLabel* message_;
    QPushButton* open_;
    QPushButton* save_;
    int selectedModule_ = -1;
};

} // namespace peft::compose
