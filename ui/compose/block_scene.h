// SPDX-License-Identifier: MIT
// The picture of one transformer block, drawn from the engine's site list (through
// ComposeBackend) and the recipe document. The scene is a view of the document: it never edits
// it. Drops from the palette become dropRequested/dropRefused signals that the page turns into
// undo commands, so every path (mouse, keyboard, tests) edits the recipe the same way.
#pragma once

#include "compose/compose_mime.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace peft {
class ComposeBackend;
class RecipeDocument;
} // namespace peft

namespace peft::compose {

class ModuleItem;
class SiteItem;

class BlockScene final : public QGraphicsScene {
    Q_OBJECT
public:
    explicit BlockScene(QObject* parent = nullptr);

    /// Both outlive the scene's use of them; rebuild() follows every document change.
    void setSources(const ComposeBackend* backend, const RecipeDocument* document);
    /// Lays the picture out again (model or recipe changed). Keeps the selection.
    void rebuild();

    /// Site items in keyboard order (top to bottom, left to right).
    QList<SiteItem*> siteItems() const { return sites_; }
    SiteItem* siteItem(const QString& role) const;
    /// Scene position of a site's centre (tests drop there).
    QPointF sitePosition(const QString& role) const;
    /// Roles the payload can attach to (lit while dragging).
    QSet<QString> attachableRoles(const PalettePayload& payload) const;
    QList<ModuleItem*> moduleItems(int moduleIndex) const;

    QString selectedRole() const;
    int selectedModule() const;
    void selectRole(const QString& role);
    void selectModule(int index);

    /// Ends a drag's lighting (drop, leave, cancel).
    void clearHighlights();
    /// What a drop of `mime` at `scenePos` does: emits dropRequested or dropRefused.
    /// dropEvent calls it; so can tests and the keyboard path (role given instead of a position).
    bool handleDrop(const QMimeData* mime, const QPointF& scenePos);
    bool requestAt(const PalettePayload& payload, const QString& role);

Q_SIGNALS:
    /// Add `payload` at the site of `role` (empty for a preset: it carries its own sites).
    void dropRequested(const peft::compose::PalettePayload& payload, const QString& role);
    void dropRefused(const QString& message);
    /// While dragging: what a drop here would do (empty when leaving).
    void dragHint(const QString& message);
    void moduleSelected(int index); ///< -1: none
    void siteSelected(const QString& role);

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;

private:
    struct Row {
        QStringList roles;
        bool residual = false; ///< a residual add (⊕) after this row
    };
    QList<Row> blockRows() const;
    QStringList outsideRoles(bool before) const;
    SiteItem* siteAt(const QPointF& scenePos) const;
    void highlightFor(const PalettePayload& payload);
    void emitSelection();
    QString refusalMessage(const PalettePayload& payload, const SiteItem* site) const;

    const ComposeBackend* backend_ = nullptr;
    const RecipeDocument* document_ = nullptr;
    QList<SiteItem*> sites_;
    QHash<QString, SiteItem*> siteByRole_;
    QHash<int, QList<ModuleItem*>> modulesByIndex_;
    bool rebuilding_ = false;
};

} // namespace peft::compose
