// SPDX-License-Identifier: MIT
// Every edit of the recipe is one of these commands on the composer's QUndoStack.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QUndoCommand>

namespace peft {
class RecipeDocument;
}

namespace peft::compose {

/// Adds modules at the end (one for a module drop, several for a preset).
class AddModulesCommand final : public QUndoCommand {
public:
    AddModulesCommand(RecipeDocument* document, QList<QJsonObject> modules, const QString& text);
    void redo() override;
    void undo() override;

private:
    RecipeDocument* document_;
    QList<QJsonObject> modules_;
    int first_ = -1;
};

class RemoveModuleCommand final : public QUndoCommand {
public:
    RemoveModuleCommand(RecipeDocument* document, int index, const QString& text);
    void redo() override;
    void undo() override;

private:
    RecipeDocument* document_;
    int index_;
    QJsonObject module_;
};

/// One property edit; consecutive edits of the same field of the same module merge (a spin
/// box's steps undo as one).
class EditModuleCommand final : public QUndoCommand {
public:
    EditModuleCommand(RecipeDocument* document, int index, QJsonObject before, QJsonObject after, const QString& field,
                      const QString& text);
    void redo() override;
    void undo() override;
    int id() const override { return 0x5045; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    RecipeDocument* document_;
    int index_;
    QJsonObject before_;
    QJsonObject after_;
    QString field_;
};

/// Replaces the whole recipe (opening a recipe file).
class ReplaceRecipeCommand final : public QUndoCommand {
public:
    ReplaceRecipeCommand(RecipeDocument* document, QJsonObject after, const QString& text);
    void redo() override;
    void undo() override;

private:
    RecipeDocument* document_;
    QJsonObject before_;
    QJsonObject after_;
};

} // namespace peft::compose
