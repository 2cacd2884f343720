// SPDX-License-Identifier: MIT
#include "compose/block_view.h"

#include "compose/block_items.h"
#include "compose/block_scene.h"

#include <QKeyEvent>

#include <algorithm>

namespace peft::compose {

BlockView::BlockView(BlockScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setObjectName(QStringLiteral("blockView"));
    setAcceptDrops(true);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setDragMode(QGraphicsView::NoDrag);
}

void BlockView::fitScene() {
    const QRectF r = scene_->sceneRect();
    const QSize v = viewport()->size();
    if (r.isEmpty() || v.isEmpty()) return;
    const double f = std::clamp(std::min(v.width() / r.width(), v.height() / r.height()), 0.55, 1.0);
    setTransform(QTransform::fromScale(f, f));
}

void BlockView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitScene();
}

void BlockView::step(int delta) {
    const auto sites = scene_->siteItems();
    if (sites.isEmpty()) return;
    int at = -1;
    const QString role = scene_->selectedRole();
    for (int i = 0; i < sites.size(); ++i)
        if (sites[i]->role() == role) at = i;
    const int next = at < 0 ? (delta > 0 ? 0 : int(sites.size()) - 1) : int((at + delta + sites.size()) % sites.size());
    scene_->selectRole(sites[next]->role());
    ensureVisible(sites[next]);
}

void BlockView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Right:
        step(1);
        return;
    case Qt::Key_Up:
    case Qt::Key_Left:
        step(-1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Insert:
        Q_EMIT insertRequested(scene_->selectedRole());
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (scene_->selectedModule() >= 0) Q_EMIT removeRequested(scene_->selectedModule());
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace peft::compose
