// SPDX-License-Identifier: MIT
#include "compose/block_scene.h"

#include "compose/block_items.h"
#include "compose/compose_names.h"
#include "core/compose_backend.h"
#include "core/recipe_document.h"

#include <QApplication>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSimpleTextItem>
#include <QJsonArray>
#include <QPainterPath>
#include <QPalette>
#include <QPen>

#include <algorithm>

namespace peft::compose {

namespace {

// Geometry of the picture (scene units = pixels at 100 %).
constexpr double kColumnWidth = 300; // the data path column, centred on x = 0
constexpr double kSiteHeight = 28;
constexpr double kFusedHeight = 50;  // GPT-2's c_attn: a title and its three slices
constexpr double kRowGap = 22;
constexpr double kChipWidth = 124;
constexpr double kChipHeight = 22;
constexpr double kLaneX = kColumnWidth / 2 + 48; // side branches start here
constexpr double kLaneStep = kChipWidth + 44;
constexpr double kSkipX = -kColumnWidth / 2 - 26; // residual skip connections run here

QString str(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toString(); }

bool composes(const QString& kind) { return kind == QLatin1String("low_rank") || kind == QLatin1String("bottleneck"); }

/// Sequential modules (and IA3's rescaling) sit in the data path; the rest branch off it.
bool inLine(const QJsonObject& module) {
    const QString kind = str(module, "kind");
    return kind == QLatin1String("ia3") || (composes(kind) && str(module, "insertion") == QLatin1String("sequential"));
}

/// The composition function's symbol on a parallel branch's join.
QString compositionSymbol(const QJsonObject& module) {
    const QString c = str(module, "composition");
    if (c == QLatin1String("scaled") || c == QLatin1String("learned_scalar")) return QStringLiteral("×s");
    if (c == QLatin1String("learned_channel")) return QStringLiteral("⊙s");
    if (c == QLatin1String("gated")) return QStringLiteral("σ");
    return QStringLiteral("+");
}

QString chipText(const QJsonObject& module) {
    const QString kind = str(module, "kind");
    QString text = str(module, "name");
    if (kind == QLatin1String("ia3")) text = QStringLiteral("⊙ ") + text;
    if (composes(kind)) {
        const double factor = module.value(QLatin1String("reduction_factor")).toDouble();
        text += factor > 0 ? QStringLiteral(" d/%1").arg(factor) : QStringLiteral(" r%1").arg(module.value(QLatin1String("r")).toInteger());
    } else if (kind == QLatin1String("prefix") || kind == QLatin1String("prompt")) {
        text += QStringLiteral(" l%1").arg(module.value(QLatin1String("length")).toInteger());
    }
    const QJsonArray layers = module.value(QLatin1String("layers")).toArray();
    if (!layers.isEmpty()) {
        QStringList l;
        for (const auto& v : layers) l << QString::number(v.toInt());
        text += QStringLiteral(" L") + l.join(QLatin1Char(','));
    }
    return text;
}

int groupOf(const QString& role) {
    if (role == QLatin1String("q") || role == QLatin1String("k") || role == QLatin1String("v")) return 1;
    if (role == QLatin1String("gate") || role == QLatin1String("up")) return 2;
    if (role == QLatin1String("kv") || role == QLatin1String("heads")) return 3;
    return 0;
}

QPen linePen(double width = 1.4, Qt::PenStyle style = Qt::SolidLine) {
    return QPen(QApplication::palette().color(QPalette::Mid).darker(130), width, style, Qt::RoundCap, Qt::RoundJoin);
}

} // namespace

BlockScene::BlockScene(QObject* parent) : QGraphicsScene(parent) {
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!rebuilding_) emitSelection();
    });
}

void BlockScene::setSources(const ComposeBackend* backend, const RecipeDocument* document) {
    backend_ = backend;
    document_ = document;
    rebuild();
}

QList<BlockScene::Row> BlockScene::blockRows() const {
    QList<Row> rows;
    int lastGroup = 0;
    for (const auto& site : backend_->sites()) {
        if (site.layer != 0) continue;
        const int group = groupOf(site.role);
        if (!rows.isEmpty() && group != 0 && group == lastGroup && !rows.last().residual) rows.last().roles << site.role;
        else rows.append(Row{{site.role}, false});
        lastGroup = group;
        if (site.role == QLatin1String("attn_out") || site.role == QLatin1String("ffn_out")) rows.last().residual = true;
    }
    return rows;
}

QStringList BlockScene::outsideRoles(bool before) const {
    QStringList roles;
    bool seenBlock = false;
    for (const auto& site : backend_->sites()) {
        if (site.layer >= 0) {
            seenBlock = true;
            continue;
        }
        if (seenBlock != before) roles << site.role;
    }
    return roles;
}

void BlockScene::rebuild() {
    const QString keepRole = selectedRole();
    const int keepModule = selectedModule();
    rebuilding_ = true;
    clear();
    sites_.clear();
    siteByRole_.clear();
    modulesByIndex_.clear();
    if (!backend_ || !backend_->isOpen()) {
        rebuilding_ = false;
        addSimpleText(tr("Select a model on the Model page to compose its PEFT modules."));
        return;
    }

    // Where each module attaches, by role; modules that do not resolve are shown apart.
    const QList<ComposeSite> allSites = backend_->sites();
    QHash<QString, ComposeSite> siteByName;
    for (const auto& s : allSites) siteByName.insert(s.name, s);
    QHash<QString, QList<int>> placed; // role -> module indices
    QList<QPair<int, QString>> unplaced;
    const int moduleCount = document_ ? document_->moduleCount() : 0;
    for (int i = 0; i < moduleCount; ++i) {
        QString error;
        const auto targets = backend_->resolveModule(document_->module(i), &error);
        QStringList roles;
        for (const auto& [name, slices] : targets) {
            const ComposeSite site = siteByName.value(name);
            if (!slices.isEmpty() && slices.size() < site.slices.size()) {
                for (const auto& s : slices)
                    if (!roles.contains(s)) roles << s;
            } else if (!roles.contains(site.role)) {
                roles << site.role;
            }
        }
        if (roles.isEmpty()) unplaced.append({i, error.isEmpty() ? tr("attaches to no site") : error});
        for (const auto& role : roles) placed[role].append(i);
    }

    double y = 0;
    double laneRight = kColumnWidth / 2;

    // One row of sites, with their in-line chips below them and side branches to the right.
    auto layRow = [&](const QStringList& roles) {
        const int n = int(roles.size());
        const double spacing = 8;
        const double width = (kColumnWidth - (n - 1) * spacing) / n;
        double rowHeight = 0;
        QList<QPair<SiteItem*, int>> side; // (site, module) drawn in the side lane
        for (int c = 0; c < n; ++c) {
            const QString& role = roles[c];
            const double x = -kColumnWidth / 2 + c * (width + spacing);
            QString siteRole = role;
            QStringList slices;
            for (const auto& s : allSites)
                if (s.role == role && s.layer <= 0) {
                    slices = s.slices;
                    break;
                }
            const bool fused = !slices.isEmpty();
            const double h = fused ? kFusedHeight : kSiteHeight;
            QString label = roleTitle(role);
            auto* item = new SiteItem(role, siteRole, label, QRectF(x, y, width, h));
            if (fused) {
                // The slice children are drop targets of their own: "q" on c_attn is W_q's part.
                const double sw = (width - 4 * 4) / slices.size();
                for (int s = 0; s < slices.size(); ++s) {
                    auto* child = new SiteItem(slices[s], role, slices[s], QRectF(x + 4 + s * (sw + 4), y + h - 22, sw, 18), item);
                    sites_ << child;
                    siteByRole_.insert(slices[s], child);
                }
                // Move the title into the upper half.
                for (auto* t : item->childItems())
                    if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(t)) text->setY(y + 3);
            }
            addItem(item);
            sites_.insert(sites_.size() - (fused ? slices.size() : 0), item);
            siteByRole_.insert(role, item);

            double bottom = y + h;
            QStringList chipRoles{role};
            if (fused) chipRoles << slices;
            for (const auto& chipRole : chipRoles) {
                for (int index : placed.value(chipRole)) {
                    const QJsonObject module = document_->module(index);
                    SiteItem* at = siteByRole_.value(chipRole);
                    if (inLine(module) && chipRole == role) {
                        // In the data path: the site's output flows through the module.
                        auto* link = addLine(QLineF(x + width / 2, bottom, x + width / 2, bottom + 8), linePen());
                        link->setZValue(1);
                        auto* chip = new ModuleItem(index, chipText(module), kindColor(str(module, "kind")),
                                                    QRectF(x + 4, bottom + 8, width - 8, kChipHeight));
                        addItem(chip);
                        modulesByIndex_[index] << chip;
                        bottom += 8 + kChipHeight;
                    } else {
                        side.append({at, index});
                    }
                }
                if (auto* at = siteByRole_.value(chipRole)) at->setHasModules(!placed.value(chipRole).isEmpty());
            }
            rowHeight = std::max(rowHeight, bottom - y);
        }
        rowHeight = std::max(rowHeight, kChipHeight);
        // Side branches: x -> module -> composition -> h, beside the row.
        const double centre = y + std::min(rowHeight, kFusedHeight) / 2;
        for (int k = 0; k < side.size(); ++k) {
            const auto [site, index] = side[k];
            const QJsonObject module = document_->module(index);
            const QString kind = str(module, "kind");
            const QRectF s = site->sceneBoundingRect();
            const double chipX = kLaneX + k * kLaneStep;
            const QRectF chipRect(chipX, centre - kChipHeight / 2, kChipWidth, kChipHeight);
            auto* chip = new ModuleItem(index, chipText(module), kindColor(kind), chipRect);
            addItem(chip);
            modulesByIndex_[index] << chip;
            const double lift = 5 + 3 * k;
            QPainterPath out;
            out.moveTo(s.center().x(), s.top());
            out.lineTo(s.center().x(), s.top() - lift);
            out.lineTo(chipX - 12, s.top() - lift);
            out.lineTo(chipX - 12, centre);
            out.lineTo(chipX, centre);
            const bool branch = composes(kind);
            auto* path = addPath(out, linePen(1.2, branch ? Qt::SolidLine : Qt::DashLine));
            path->setZValue(-1);
            laneRight = std::max(laneRight, chipRect.right());
            if (!branch) continue;
            // The join: Δh returns to the site's output through the composition function.
            const QPointF join(chipRect.right() + 15, centre);
            auto* circle = addEllipse(QRectF(join.x() - 10, join.y() - 10, 20, 20), linePen(1.2), QApplication::palette().color(QPalette::Base));
            circle->setZValue(1);
            circle->setToolTip(tr("Composition: %1").arg(str(module, "composition")));
            auto* symbol = addSimpleText(compositionSymbol(module));
            symbol->setBrush(QApplication::palette().color(QPalette::Text));
            symbol->setPos(join - symbol->boundingRect().center());
            symbol->setZValue(2);
            const double drop = std::max(y + rowHeight, s.bottom()) + 5 + 3 * k;
            QPainterPath back;
            back.moveTo(join.x(), join.y() + 10);
            back.lineTo(join.x(), drop);
            back.lineTo(s.center().x() + 6, drop);
            back.lineTo(s.center().x() + 6, s.bottom());
            auto* ret = addPath(back, linePen(1.2));
            ret->setZValue(-1);
            laneRight = std::max(laneRight, join.x() + 10);
        }
        y += rowHeight + kRowGap + (side.isEmpty() ? 0 : 6);
    };

    // Modules the engine cannot place (a selector naming nothing, a layer out of range).
    const double top = y;
    for (int k = 0; k < unplaced.size(); ++k) {
        const auto& [index, why] = unplaced[k];
        const QJsonObject module = document_->module(index);
        auto* chip = new ModuleItem(index, QStringLiteral("⚠ ") + chipText(module), kindColor(str(module, "kind")),
                                    QRectF(-kColumnWidth / 2 + k * (kChipWidth + 8), y, kChipWidth, kChipHeight));
        chip->setToolTip(why);
        addItem(chip);
        modulesByIndex_[index] << chip;
    }
    if (!unplaced.isEmpty()) y += kChipHeight + kRowGap;

    for (const auto& role : outsideRoles(true)) layRow({role});
    const double blockTop = y;
    y += 26; // the block's title
    const QList<Row> rows = blockRows();
    const bool post = backend_->postNorm();
    double subLayerStart = y - kRowGap / 2;
    for (int r = 0; r < rows.size(); ++r) {
        layRow(rows[r].roles);
        if (!rows[r].residual) continue;
        // The residual add: the sub-layer's input skips around it.
        const QPointF add(0, y + 2);
        auto* circle = addEllipse(QRectF(add.x() - 11, add.y(), 22, 22), linePen(1.4), QApplication::palette().color(QPalette::Base));
        circle->setZValue(1);
        circle->setToolTip(tr("Residual add"));
        auto* plus = addSimpleText(QStringLiteral("+"));
        plus->setBrush(QApplication::palette().color(QPalette::Text));
        plus->setPos(QPointF(add.x(), add.y() + 11) - plus->boundingRect().center());
        plus->setZValue(2);
        QPainterPath skip;
        skip.moveTo(0, subLayerStart);
        skip.lineTo(kSkipX, subLayerStart);
        skip.lineTo(kSkipX, add.y() + 11);
        skip.lineTo(add.x() - 11, add.y() + 11);
        addPath(skip, linePen(1.4))->setZValue(-1);
        y += 22 + kRowGap;
        // Post-norm (BERT): the norm after the add belongs to this sub-layer, not the next.
        if (post && r + 1 < rows.size() && rows[r + 1].roles.first().endsWith(QLatin1String("_norm"))) {
            layRow(rows[r + 1].roles);
            ++r;
        }
        subLayerStart = y - kRowGap / 2;
    }
    const double blockBottom = y - kRowGap / 2;
    for (const auto& role : outsideRoles(false)) layRow({role});

    // The block frame and its title, behind everything.
    const double frameRight = std::max(kColumnWidth / 2 + 20, laneRight + 14);
    auto* frame = addRect(QRectF(kSkipX - 18, blockTop - 8, frameRight - (kSkipX - 18), blockBottom - blockTop + 8),
                          QPen(QApplication::palette().color(QPalette::Mid), 1.2, Qt::DashLine));
    frame->setZValue(-3);
    auto* title = addSimpleText((post ? tr("%1 × %2 block (post-norm)") : tr("%1 × %2 block")).arg(backend_->layerCount()).arg(backend_->modelType()));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBrush(QApplication::palette().color(QPalette::Text));
    title->setPos(kSkipX - 10, blockTop - 2);
    // The data path runs down the middle, behind the sites.
    auto* spine = addLine(QLineF(0, top, 0, y - kRowGap), linePen(1.6));
    spine->setZValue(-2);

    setSceneRect(itemsBoundingRect().adjusted(-16, -16, 16, 16));
    rebuilding_ = false;
    if (keepModule >= 0 && modulesByIndex_.contains(keepModule)) selectModule(keepModule);
    else if (!keepRole.isEmpty()) selectRole(keepRole);
}

SiteItem* BlockScene::siteItem(const QString& role) const { return siteByRole_.value(role); }

QPointF BlockScene::sitePosition(const QString& role) const {
    const SiteItem* item = siteItem(role);
    return item ? item->sceneBoundingRect().center() : QPointF();
}

QList<ModuleItem*> BlockScene::moduleItems(int moduleIndex) const { return modulesByIndex_.value(moduleIndex); }

QSet<QString> BlockScene::attachableRoles(const PalettePayload& payload) const {
    QSet<QString> roles;
    if (!backend_ || !backend_->isOpen() || !payload.valid()) return roles;
    QHash<QString, ComposeSite> byName;
    for (const auto& s : backend_->sites()) byName.insert(s.name, s);
    auto addSite = [&](const QString& name, const QStringList& slices) {
        const ComposeSite site = byName.value(name);
        if (site.name.isEmpty()) return;
        if (!slices.isEmpty() && slices.size() < site.slices.size()) {
            for (const auto& s : slices) roles.insert(s);
            return;
        }
        roles.insert(site.role);
        for (const auto& s : site.slices) roles.insert(s); // the slices of a fused projection too
    };
    if (!payload.preset) {
        for (const auto& name : backend_->attachableSites(payload.name)) addSite(name, {});
        return roles;
    }
    const QJsonObject recipe = backend_->presetRecipe(payload.name);
    for (const auto& m : recipe.value(QLatin1String("modules")).toArray())
        for (const auto& [name, slices] : backend_->resolveModule(m.toObject())) addSite(name, slices);
    return roles;
}

SiteItem* BlockScene::siteAt(const QPointF& scenePos) const {
    for (QGraphicsItem* item : items(scenePos)) // topmost first: a slice before its c_attn
        if (auto* site = qgraphicsitem_cast<SiteItem*>(item)) return site;
    return nullptr;
}

void BlockScene::highlightFor(const PalettePayload& payload) {
    const QSet<QString> roles = attachableRoles(payload);
    for (auto* site : sites_) site->setHighlight(roles.contains(site->role()) ? SiteItem::Highlight::Lit : SiteItem::Highlight::Dimmed);
}

void BlockScene::clearHighlights() {
    for (auto* site : sites_) site->setHighlight(SiteItem::Highlight::None);
}

QString BlockScene::refusalMessage(const PalettePayload& payload, const SiteItem* site) const {
    const QSet<QString> roles = attachableRoles(payload);
    QStringList where;
    for (const auto* s : sites_)
        if (roles.contains(s->role()) && !where.contains(s->label())) where << s->label();
    const QString title = kindTitle(payload.name);
    if (where.isEmpty()) return tr("%1 cannot attach anywhere in this model.").arg(title);
    return tr("%1 cannot attach to %2; it attaches to: %3.").arg(title, site->label(), where.join(QStringLiteral(", ")));
}

bool BlockScene::requestAt(const PalettePayload& payload, const QString& role) {
    if (!payload.valid()) return false;
    if (payload.preset) {
        Q_EMIT dropRequested(payload, QString());
        return true;
    }
    const SiteItem* site = siteItem(role);
    if (!site) {
        Q_EMIT dropRefused(tr("Drop %1 onto one of the lit sites.").arg(kindTitle(payload.name)));
        return false;
    }
    if (!attachableRoles(payload).contains(role)) {
        Q_EMIT dropRefused(refusalMessage(payload, site));
        return false;
    }
    Q_EMIT dropRequested(payload, role);
    return true;
}

bool BlockScene::handleDrop(const QMimeData* mime, const QPointF& scenePos) {
    const PalettePayload payload = payloadOf(mime);
    clearHighlights();
    if (!payload.valid()) return false;
    if (payload.preset) return requestAt(payload, QString());
    const SiteItem* site = siteAt(scenePos);
    if (!site) {
        Q_EMIT dropRefused(tr("Drop %1 onto one of the lit sites.").arg(kindTitle(payload.name)));
        return false;
    }
    return requestAt(payload, site->role());
}

void BlockScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
    const PalettePayload payload = payloadOf(event->mimeData());
    if (!payload.valid()) {
        event->ignore();
        return;
    }
    highlightFor(payload);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void BlockScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) {
    const PalettePayload payload = payloadOf(event->mimeData());
    if (!payload.valid()) {
        event->ignore();
        return;
    }
    // Refused sites still accept the drag, so that dropping there can say why it is refused.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    if (payload.preset) {
        Q_EMIT dragHint(tr("Drop to add the %1 preset's modules.").arg(presetTitle(payload.name)));
        return;
    }
    const SiteItem* site = siteAt(event->scenePos());
    if (!site) Q_EMIT dragHint(QString());
    else if (site->highlight() == SiteItem::Highlight::Lit) Q_EMIT dragHint(tr("Drop to attach %1 to %2.").arg(kindTitle(payload.name), site->label()));
    else Q_EMIT dragHint(tr("%1 cannot attach to %2.").arg(kindTitle(payload.name), site->label()));
}

void BlockScene::dragLeaveEvent(QGraphicsSceneDragDropEvent* event) {
    clearHighlights();
    Q_EMIT dragHint(QString());
    event->accept();
}

void BlockScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
    Q_EMIT dragHint(QString());
    if (handleDrop(event->mimeData(), event->scenePos())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

QString BlockScene::selectedRole() const {
    for (auto* item : selectedItems())
        if (auto* site = qgraphicsitem_cast<SiteItem*>(item)) return site->role();
    return {};
}

int BlockScene::selectedModule() const {
    for (auto* item : selectedItems())
        if (auto* module = qgraphicsitem_cast<ModuleItem*>(item)) return module->moduleIndex();
    return -1;
}

void BlockScene::selectRole(const QString& role) {
    SiteItem* site = siteItem(role);
    if (!site) return;
    clearSelection();
    site->setSelected(true);
    site->setFocus();
}

void BlockScene::selectModule(int index) {
    const auto chips = moduleItems(index);
    if (chips.isEmpty()) return;
    clearSelection();
    chips.first()->setSelected(true);
    chips.first()->setFocus();
}

void BlockScene::emitSelection() {
    const int module = selectedModule();
    Q_EMIT moduleSelected(module);
    if (module < 0) {
        const QString role = selectedRole();
        if (!role.isEmpty()) Q_EMIT siteSelected(role);
    }
}

} // namespace peft::compose
