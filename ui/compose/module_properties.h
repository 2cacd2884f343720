// SPDX-License-Identifier: MIT
// The property panel of the selected module: only the fields its kind uses, a layer strip, and
// the engine's validation messages for this module inline. Edits leave as `edited` signals
// (before/after JSON) that the page pushes as undo commands.
#pragma once

#include "core/compose_backend.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace peft::compose {

class ModuleProperties final : public QWidget {
    Q_OBJECT
public:
    explicit ModuleProperties(QWidget* parent = nullptr);

    /// Shows module `index` (-1: nothing selected) of a model with `layers` blocks.
    void showModule(int index, const QJsonObject& module, int layers);
    /// The validation issues of the whole recipe; the panel shows those of its module.
    void setIssues(const QList<ComposeIssue>& issues);
    int moduleIndex() const { return index_; }
    QString issuesText() const;

    /// "0-2, 4" -> [0, 1, 2, 4]; "" -> [] (every block). False on a malformed entry.
    static bool parseLayers(const QString& text, QList<int>* layers);
    static QString formatLayers(const QList<int>& layers);

Q_SIGNALS:
    void edited(int index, const QJsonObject& before, const QJsonObject& after, const QString& field);
    void removeRequested(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void apply(const QString& field, const QJsonValue& value);
    void applyLayers(const QList<int>& layers);
    void rebuildStrip();
    void refreshIssues();

    int index_ = -1;
    int layers_ = 0;
    QJsonObject module_;
    QList<ComposeIssue> issueList_;
    bool loading_ = false;

    QLabel* title_;
    QFormLayout* form_;
    QLineEdit* name_;
    QLineEdit* sites_;
    QLabel* targets_;
    QLineEdit* layersEdit_;
    QWidget* strip_;
    QHBoxLayout* stripLayout_;
    QList<QToolButton*> stripButtons_;
    QComboBox* insertion_;
    QComboBox* composition_;
    QDoubleSpinBox* scale_;
    QSpinBox* r_;
    QDoubleSpinBox* alpha_;
    QCheckBox* rslora_;
    QDoubleSpinBox* dropout_;
    QDoubleSpinBox* reduction_;
    QComboBox* activation_;
    QComboBox* init_;
    QComboBox* adapterNorm_;
    QSpinBox* length_;
    QSpinBox* reparam_;
    QLabel* issues_;
    QLabel* empty_;
    QToolButton* remove_;
};

} // namespace peft::compose
