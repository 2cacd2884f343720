// SPDX-License-Identifier: MIT
#include "widgets/demo_controller.h"

#include "compose/compose_page.h"
#include "core/model_catalog.h"
#include "core/recipe_document.h"
#include "data/data_page.h"
#include "widgets/demo_banner.h"
#include "widgets/main_window.h"
#include "widgets/model_page.h"

#include <QFileInfo>

namespace peft {

DemoController::DemoController(MainWindow* window, ModelCatalog* catalog, DemoBanner* banner)
    : QObject(window), window_(window), catalog_(catalog), banner_(banner), builder_(new DemoBuilder(this)),
      cacheDir_(DemoBuilder::defaultCacheDir()) {
    // A cached demo answers at once: the banner only appears for a real build, so that opening a
    // cached demo does not flash a progress bar.
    connect(builder_, &DemoBuilder::progress, this, [this](DemoBuilder::Stage stage, qint64 step, qint64 total, double loss) {
        if (stage == DemoBuilder::Stage::Done) return;
        if (banner_->isHidden()) banner_->showBuilding();
        banner_->showProgress(stage, step, total, loss);
        Q_EMIT statusMessage(DemoBanner::stageText(stage, step, total, loss));
    });
    connect(builder_, &DemoBuilder::finished, this, &DemoController::show);
    connect(builder_, &DemoBuilder::failed, this, [this](const QString& message) {
        banner_->showFailed(message);
        Q_EMIT statusMessage(tr("The demo could not be built: %1").arg(message));
        Q_EMIT failed(message);
    });
    connect(builder_, &DemoBuilder::cancelled, this, [this] {
        banner_->hide();
        Q_EMIT statusMessage(tr("Demo cancelled; nothing was kept."));
        Q_EMIT cancelled();
    });
    connect(banner_, &DemoBanner::cancelRequested, this, &DemoController::cancel);
}

void DemoController::start() {
    if (builder_->running()) return;
    Q_EMIT statusMessage(tr("Preparing the demo…"));
    builder_->start(cacheDir_);
}

void DemoController::cancel() { builder_->cancel(); }

void DemoController::show(const DemoInfo& info) {
    info_ = info;
    const QString model = QFileInfo(info.modelDir).canonicalFilePath();
    ModelPage* page = window_->modelPage();
    page->setDemoModel(model);
    page->selectModel(model); // now, or once the catalog lists it
    // The Model page selects the folder when the catalog has summarised it (modelAdded); the
    // other pages are told directly so they do not depend on the order of those signals.
    disconnect(pendingAdd_);
    pendingAdd_ = connect(catalog_, &ModelCatalog::modelAdded, this, [this, model](const ModelRow& row) {
        if (row.path != model) return; // another folder opened meanwhile
        disconnect(pendingAdd_);
        banner_->showLoaded(info_);
        Q_EMIT statusMessage(info_.fromCache ? tr("Demo opened from %1").arg(info_.root) : tr("Demo built in %1").arg(info_.root));
        Q_EMIT loaded(info_);
    });
    catalog_->addModelFolder(model);

    compose::ComposePage* compose = window_->composePage();
    compose->setModel(model);
    // Something real to look at: LoRA with PEFT's defaults, unless a recipe is already composed.
    if (compose->document()->moduleCount() == 0) compose->addAt({true, QStringLiteral("lora")}, QString());
    datapage::DataPage* data = window_->dataPage();
    data->setModel(model);
    data->openFile(info.sentimentTrain);
}

} // namespace peft
