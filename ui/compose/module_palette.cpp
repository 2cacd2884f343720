// SPDX-License-Identifier: MIT
#include "compose/module_palette.h"

#include "compose/block_items.h"
#include "compose/compose_names.h"

#include <QEvent>
#include <QPainter>
#include <QPixmap>

namespace peft::compose {

namespace {
constexpr int kPayloadRole = Qt::UserRole + 1;

/// A swatch in the colour the module's chips have in the picture (a legend for free); presets
/// get an outlined one.
QIcon swatch(const QColor& color, bool outlined) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QPen(color.darker(130), 1.5));
    painter.setBrush(outlined ? QBrush(Qt::NoBrush) : QBrush(color.lighter(140)));
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
    return QIcon(pixmap);
}
} // namespace

ModulePalette::ModulePalette(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("modulePalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
}

void ModulePalette::populate(const QStringList& kinds, const QStringList& presets) {
    kinds_ = kinds;
    presets_ = presets;
    retranslate();
}

void ModulePalette::retranslate() {
    const PalettePayload keep = selectedPayload();
    clear();
    auto header = [this](const QString& text) {
        auto* item = new QListWidgetItem(text, this);
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
        item->setFlags(Qt::ItemIsEnabled); // a section title: neither selectable nor draggable
    };
    auto entry = [this](const PalettePayload& payload, const QString& title, const QString& tip) {
        auto* item = new QListWidgetItem(swatch(payload.preset ? palette().color(QPalette::Text) : kindColor(payload.name), payload.preset),
                                         title, this);
        item->setData(kPayloadRole, payload.encode());
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    };
    header(tr("Modules"));
    for (const auto& kind : kinds_) entry({false, kind}, kindTitle(kind), kindTooltip(kind));
    header(tr("Presets"));
    for (const auto& preset : presets_)
        entry({true, preset}, presetTitle(preset), tr("Expands into its modules; drop anywhere on the block"));
    if (keep.valid()) select(keep);
}

PalettePayload ModulePalette::selectedPayload() const {
    const QListWidgetItem* item = currentItem();
    if (!item || !item->isSelected()) return {};
    return decodePayload(item->data(kPayloadRole).toString());
}

bool ModulePalette::select(const PalettePayload& payload) {
    for (int i = 0; i < count(); ++i)
        if (item(i)->data(kPayloadRole).toString() == payload.encode()) {
            setCurrentRow(i);
            return true;
        }
    return false;
}

QStringList ModulePalette::mimeTypes() const { return {QLatin1String(kModuleMimeType)}; }

QMimeData* ModulePalette::mimeData(const QList<QListWidgetItem*>& items) const {
    if (items.isEmpty()) return nullptr;
    const PalettePayload payload = decodePayload(items.first()->data(kPayloadRole).toString());
    return payload.valid() ? makeMimeData(payload) : nullptr;
}

void ModulePalette::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QListWidget::changeEvent(event);
}

} // namespace peft::compose
