// SPDX-License-Identifier: MIT
// The recipe being composed: the model of the composer (the scene only draws it). Modules are
// kept as the engine's recipe JSON, one object per module, so what is saved, counted and
// trained is exactly what the user edited. Undo commands (ui/compose) call the mutators below.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace peft {

class RecipeDocument final : public QObject {
    Q_OBJECT
public:
    explicit RecipeDocument(QObject* parent = nullptr);

    int moduleCount() const { return int(modules_.size()); }
    QJsonObject module(int index) const { return modules_.value(index); }
    QList<QJsonObject> modules() const { return modules_; }
    /// Index of the module called `name`, -1 when none.
    int indexOf(const QString& name) const;
    /// `base`, or `base_2`, `base_3`, ... : the first name no module has.
    QString uniqueName(const QString& base) const;

    void insertModule(int index, const QJsonObject& module);
    QJsonObject removeModule(int index);
    void replaceModule(int index, const QJsonObject& module);

    /// The whole recipe in the engine's JSON form ("version", "name", "modules").
    QJsonObject toJson() const;
    /// Replaces everything (load); `changed` follows.
    void setJson(const QJsonObject& recipe);

Q_SIGNALS:
    /// Any edit; `index` is the module touched (-1: the whole recipe).
    void changed(int index);

private:
    QString name_;
    QString description_;
    QList<QJsonObject> modules_;
};

} // namespace peft
