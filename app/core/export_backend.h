// SPDX-License-Identifier: MIT
// The Export page's bridge to engine/export: which formats can express a checkpoint's recipe (and
// the engine's reason when one cannot), and the export itself, verified by reloading. Both load
// the checkpoint's model, so both block: call them off the GUI thread (QtConcurrent). Qt and std
// types only; the engine (and LibTorch) stay inside export_backend.cpp.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace peft {

/// One export format and whether it can express the checkpoint's recipe.
struct ExportFormatChoice {
    QString format;     ///< "peft", "adapterhub", "merged", "studio" (engine names, the CLI's --format)
    bool valid = false;
    QString reason;     ///< the engine's sentence when not valid (names the module and why)
};

struct ExportInspection {
    bool ok = false;
    QString error;      ///< why the checkpoint could not be opened
    QString checkpoint; ///< the checkpoint folder used (a run folder resolves to its best or last one)
    QString recipeName;
    QString modelDir;
    QList<ExportFormatChoice> formats; ///< every format, in export_formats() order
};

struct ExportOutcome {
    bool ok = false;
    QString error;      ///< the engine's refusal or I/O error; nothing was written
    QString format;
    QString checkpoint;
    QString outDir;
    QStringList files;  ///< file names inside outDir
    qint64 tensors = 0;
    double maxLogitDifference = 0; ///< verification: live model vs the reloaded export
};

class ExportBackend {
public:
    /// The formats, in the order the page lists them.
    static QStringList formatNames();
    /// A checkpoint folder (weights.safetensors) or a run folder (run.json). Blocking.
    static ExportInspection inspect(const QString& checkpointOrRun);
    /// Exports in `format` to `outDir` (a new or empty folder unless `overwrite`). Blocking.
    static ExportOutcome exportCheckpoint(const QString& checkpointOrRun, const QString& format, const QString& outDir,
                                          bool overwrite = false);
};

} // namespace peft
