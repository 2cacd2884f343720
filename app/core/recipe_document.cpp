// SPDX-License-Identifier: MIT
#include "core/recipe_document.h"

#include <QJsonArray>

namespace peft {

namespace {
// The engine's kRecipeVersion; written here so this Qt-only file needs no engine header.
constexpr int kRecipeVersion = 1;
} // namespace

RecipeDocument::RecipeDocument(QObject* parent) : QObject(parent) {}

int RecipeDocument::indexOf(const QString& name) const {
    for (int i = 0; i < modules_.size(); ++i)
        if (modules_[i].value(QStringLiteral("name")).toString() == name) return i;
    return -1;
}

QString RecipeDocument::uniqueName(const QString& base) const {
    if (indexOf(base) < 0) return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QLatin1Char('_') + QString::number(n);
        if (indexOf(candidate) < 0) return candidate;
    }
}

void RecipeDocument::insertModule(int index, const QJsonObject& module) {
    index = qBound(0, index, int(modules_.size()));
    modules_.insert(index, module);
    Q_EMIT changed(index);
}

QJsonObject RecipeDocument::removeModule(int index) {
    if (index < 0 || index >= modules_.size()) return {};
    QJsonObject removed = modules_.takeAt(index);
    Q_EMIT changed(-1);
    return removed;
}

void RecipeDocument::replaceModule(int index, const QJsonObject& module) {
    if (index < 0 || index >= modules_.size()) return;
    modules_[index] = module;
    Q_EMIT changed(index);
}

QJsonObject RecipeDocument::toJson() const {
    QJsonObject recipe;
    recipe.insert(QStringLiteral("version"), kRecipeVersion);
    if (!name_.isEmpty()) recipe.insert(QStringLiteral("name"), name_);
    if (!description_.isEmpty()) recipe.insert(QStringLiteral("description"), description_);
    QJsonArray modules;
    for (const auto& m : modules_) modules.append(m);
    recipe.insert(QStringLiteral("modules"), modules);
    return recipe;
}

void RecipeDocument::setJson(const QJsonObject& recipe) {
    name_ = recipe.value(QStringLiteral("name")).toString();
    description_ = recipe.value(QStringLiteral("description")).toString();
    modules_.clear();
    for (const auto& m : recipe.value(QStringLiteral("modules")).toArray()) modules_.append(m.toObject());
    Q_EMIT changed(-1);
}

} // namespace peft
