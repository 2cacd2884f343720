// SPDX-License-Identifier: MIT
#include "compose/block_items.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QPalette>
#include <QPen>

namespace peft::compose {

namespace {

/// Centres `text` in `rect`, eliding it when it does not fit.
void placeText(QGraphicsSimpleTextItem* text, const QString& full, const QRectF& rect) {
    const QFontMetricsF metrics(text->font());
    text->setText(metrics.elidedText(full, Qt::ElideRight, rect.width() - 6));
    const QRectF b = text->boundingRect();
    text->setPos(rect.center().x() - b.width() / 2, rect.center().y() - b.height() / 2);
}

} // namespace

QColor kindColor(const QString& kind) {
    if (kind == QLatin1String("low_rank")) return QColor(0x3b, 0x82, 0xf6);
    if (kind == QLatin1String("bottleneck")) return QColor(0xf5, 0x9e, 0x0b);
    if (kind == QLatin1String("prefix")) return QColor(0x8b, 0x5c, 0xf6);
    if (kind == QLatin1String("prompt")) return QColor(0xec, 0x48, 0x99);
    if (kind == QLatin1String("ia3")) return QColor(0x10, 0xb9, 0x81);
    if (kind == QLatin1String("bitfit")) return QColor(0x64, 0x74, 0x8b);
    if (kind == QLatin1String("layernorm")) return QColor(0x06, 0xb6, 0xd4);
    if (kind == QLatin1String("unfreeze")) return QColor(0xef, 0x44, 0x44);
    return QColor(0x84, 0xcc, 0x16); // task_head
}

SiteItem::SiteItem(const QString& role, const QString& siteRole, const QString& label, const QRectF& rect, QGraphicsItem* parent)
    : QGraphicsRectItem(rect, parent), role_(role), siteRole_(siteRole), label_(label), text_(new QGraphicsSimpleTextItem(this)) {
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setToolTip(label);
    placeText(text_, label, rect);
    restyle();
}

void SiteItem::setHighlight(Highlight highlight) {
    highlight_ = highlight;
    restyle();
}

void SiteItem::setHasModules(bool has) {
    hasModules_ = has;
    restyle();
}

void SiteItem::restyle() {
    const QPalette palette = QApplication::palette();
    QColor fill = palette.color(QPalette::Base);
    QColor line = palette.color(QPalette::Mid);
    QColor ink = palette.color(QPalette::Text);
    if (highlight_ == Highlight::Lit) {
        fill = QColor(0xbb, 0xf7, 0xd0);
        line = QColor(0x16, 0xa3, 0x4a);
        ink = Qt::black;
    } else if (highlight_ == Highlight::Dimmed) {
        ink = palette.color(QPalette::Disabled, QPalette::Text);
        fill = palette.color(QPalette::Window);
    }
    setBrush(fill);
    setPen(QPen(line, highlight_ == Highlight::Lit || hasModules_ ? 2.0 : 1.0));
    text_->setBrush(ink);
}

ModuleItem::ModuleItem(int moduleIndex, const QString& text, const QColor& color, const QRectF& rect, QGraphicsItem* parent)
    : QGraphicsRectItem(rect, parent), index_(moduleIndex) {
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setBrush(color.lighter(160));
    setPen(QPen(color.darker(120), 1.5));
    setZValue(2);
    auto* label = new QGraphicsSimpleTextItem(this);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setBrush(Qt::black);
    placeText(label, text, rect);
    setToolTip(text);
}

} // namespace peft::compose
