// SPDX-License-Identifier: MIT
// The view of the block picture with the composer's keyboard path: the arrow keys move between
// sites, Enter/Insert adds the palette's selected entry at the selected site, Delete removes
// the selected module. The view only reports these; the page edits the recipe.
#pragma once

#include <QGraphicsView>

namespace peft::compose {

class BlockScene;

class BlockView final : public QGraphicsView {
    Q_OBJECT
public:
    explicit BlockView(BlockScene* scene, QWidget* parent = nullptr);
    /// Shrinks the picture to fit the view (never enlarges it, never below 55 %).
    void fitScene();

Q_SIGNALS:
    void insertRequested(const QString& role);
    void removeRequested(int moduleIndex);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void step(int delta);
    BlockScene* scene_;
};

} // namespace peft::compose
