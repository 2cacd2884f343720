// SPDX-License-Identifier: MIT
// The composer's palette: module kinds and presets, dragged onto the block picture with the
// composer's own MIME type (compose_mime.h). The selected entry is also what Enter/Insert adds
// at the selected site (the keyboard path).
#pragma once

#include "compose/compose_mime.h"

#include <QListWidget>

namespace peft::compose {

class ModulePalette final : public QListWidget {
    Q_OBJECT
public:
    explicit ModulePalette(QWidget* parent = nullptr);

    /// Fills the list: the primitive kinds, then the engine's presets.
    void populate(const QStringList& kinds, const QStringList& presets);
    PalettePayload selectedPayload() const;
    /// Selects the entry of `payload` (tests, keyboard).
    bool select(const PalettePayload& payload);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QStringList kinds_;
    QStringList presets_;
};

} // namespace peft::compose
