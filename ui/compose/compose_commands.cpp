// SPDX-License-Identifier: MIT
#include "compose/compose_commands.h"

#include "core/recipe_document.h"

namespace peft::compose {

AddModulesCommand::AddModulesCommand(RecipeDocument* document, QList<QJsonObject> modules, const QString& text)
    : QUndoCommand(text), document_(document), modules_(std::move(modules)) {}

void AddModulesCommand::redo() {
    first_ = document_->moduleCount();
    for (int i = 0; i < modules_.size(); ++i) document_->insertModule(first_ + i, modules_[i]);
}

void AddModulesCommand::undo() {
    for (int i = int(modules_.size()) - 1; i >= 0; --i) document_->removeModule(first_ + i);
}

RemoveModuleCommand::RemoveModuleCommand(RecipeDocument* document, int index, const QString& text)
    : QUndoCommand(text), document_(document), index_(index) {}

void RemoveModuleCommand::redo() { module_ = document_->removeModule(index_); }
void RemoveModuleCommand::undo() { document_->insertModule(index_, module_); }

EditModuleCommand::EditModuleCommand(RecipeDocument* document, int index, QJsonObject before, QJsonObject after,
                                     const QString& field, const QString& text)
    : QUndoCommand(text), document_(document), index_(index), before_(std::move(before)), after_(std::move(after)),
      field_(field) {}

void EditModuleCommand::redo() { document_->replaceModule(index_, after_); }
void EditModuleCommand::undo() { document_->replaceModule(index_, before_); }

bool EditModuleCommand::mergeWith(const QUndoCommand* other) {
    const auto* edit = static_cast<const EditModuleCommand*>(other);
    if (edit->index_ != index_ || edit->field_ != field_) return false;
    after_ = edit->after_;
    return true;
}

ReplaceRecipeCommand::ReplaceRecipeCommand(RecipeDocument* document, QJsonObject after, const QString& text)
    : QUndoCommand(text), document_(document), before_(document->toJson()), after_(std::move(after)) {}

void ReplaceRecipeCommand::redo() { document_->setJson(after_); }
void ReplaceRecipeCommand::undo() { document_->setJson(before_); }

} // namespace peft::compose
