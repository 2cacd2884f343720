// SPDX-License-Identifier: MIT
// Demo mode: builds (or finds) the demo through DemoBuilder and, once it is there, shows it on
// every page — the model added to the catalog, marked and selected; the sentiment dataset open on
// the Data page; a LoRA preset on the Compose page — so a first start has something real.
#pragma once

#include "core/demo_builder.h"

#include <QObject>

namespace peft {

class DemoBanner;
class MainWindow;
class ModelCatalog;

class DemoController final : public QObject {
    Q_OBJECT
public:
    DemoController(MainWindow* window, ModelCatalog* catalog, DemoBanner* banner);

    DemoBuilder* builder() const { return builder_; }
    /// Where the demo is built; DemoBuilder::defaultCacheDir() unless set (tests use a temp folder).
    void setCacheDir(const QString& dir) { cacheDir_ = dir; }
    QString cacheDir() const { return cacheDir_; }
    bool isLoaded() const { return !info_.modelDir.isEmpty(); }
    const DemoInfo& info() const { return info_; }

public Q_SLOTS:
    /// Builds or finds the demo off the GUI thread; `loaded` follows once the pages show it.
    void start();
    void cancel();

Q_SIGNALS:
    /// The demo is in the catalog, selected, and its dataset is opening on the Data page.
    void loaded(const peft::DemoInfo& info);
    void failed(const QString& message);
    void cancelled();
    void statusMessage(const QString& message);

private:
    void show(const DemoInfo& info);

    MainWindow* window_;
    ModelCatalog* catalog_;
    DemoBanner* banner_;
    DemoBuilder* builder_;
    QString cacheDir_;
    DemoInfo info_;
    QMetaObject::Connection pendingAdd_; ///< waits for the catalog to list the demo model
};

} // namespace peft
