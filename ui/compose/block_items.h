// SPDX-License-Identifier: MIT
// The graphics items of the block picture: sites (drop targets, keyboard stops) and module
// chips (selectable; they open the property panel). Items only draw; BlockScene lays them out.
#pragma once

#include <QGraphicsRectItem>
#include <QString>

class QGraphicsSimpleTextItem;

namespace peft::compose {

/// A site of the block: one role of every layer ("q", "ffn_out", ...) or a site outside the
/// blocks ("embeddings", "head"). GPT-2's fused c_attn has slice children q, k, v.
class SiteItem final : public QGraphicsRectItem {
public:
    enum { Type = UserType + 1 };
    /// `role`: what a drop writes into the module's "sites"; `siteRole`: the engine role of the
    /// site it stands for (differs for slices: "q" on "qkv").
    SiteItem(const QString& role, const QString& siteRole, const QString& label, const QRectF& rect, QGraphicsItem* parent = nullptr);
    int type() const override { return Type; }

    QString role() const { return role_; }
    QString siteRole() const { return siteRole_; }
    QString label() const { return label_; }
    /// Drag feedback: lit (the dragged module attaches here), dimmed (it does not), or neither.
    enum class Highlight { None, Lit, Dimmed };
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return highlight_; }
    /// Draws a thicker outline where modules are attached.
    void setHasModules(bool has);

private:
    void restyle();
    QString role_;
    QString siteRole_;
    QString label_;
    QGraphicsSimpleTextItem* text_;
    Highlight highlight_ = Highlight::None;
    bool hasModules_ = false;
};

/// One module of the recipe, drawn where it attaches. Several chips may share a module index
/// (a module on q and v); selecting any selects the module.
class ModuleItem final : public QGraphicsRectItem {
public:
    enum { Type = UserType + 2 };
    ModuleItem(int moduleIndex, const QString& text, const QColor& color, const QRectF& rect, QGraphicsItem* parent = nullptr);
    int type() const override { return Type; }
    int moduleIndex() const { return index_; }

private:
    int index_;
};

/// Colour of a module kind's chips (and its bar in the breakdown chart).
QColor kindColor(const QString& kind);

} // namespace peft::compose
