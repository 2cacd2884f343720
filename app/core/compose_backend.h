// SPDX-License-Identifier: MIT
// The composer's bridge to the engine's PEFT design space: site lists, presets, validation,
// parameter reports and memory estimates, all computed from config.json alone (no weights, so
// nothing here needs a worker thread). Qt and std types only: the engine (and LibTorch) stay
// behind this header, inside compose_backend.cpp.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace peft {

/// One attachment site of the model, as the engine names it (models/site_info.h).
struct ComposeSite {
    QString name;      ///< "layers.0.attn.q", "embeddings", "head"
    QString kind;      ///< site_kind_name(): "linear", "attention_output", "norm", ...
    int layer = -1;    ///< -1 outside the blocks
    QString role;      ///< "q", "qkv", "attn_out", "ffn_norm", ...
    qint64 inFeatures = 0;
    qint64 outFeatures = 0;
    QStringList slices; ///< fused projections (GPT-2 c_attn): "q", "k", "v"
};

/// Parameters one module of the recipe trains.
struct ComposeModuleFigure {
    QString name;
    QString kind;
    qint64 trainable = 0;
};

/// One validation problem, tied to a module (-1: the recipe) and a field when known.
struct ComposeIssue {
    int moduleIndex = -1;
    QString field;
    QString message; ///< the engine's full sentence, naming module and field
};

/// Everything the composer shows after an edit.
struct ComposeFigures {
    bool ok = false;          ///< false: `error` says why no report could be made
    QString error;
    QList<ComposeIssue> issues;
    qint64 base = 0;
    qint64 trainable = 0;
    qint64 total = 0;
    double percent = 0.0;
    QString summaryLine;      ///< PEFT's print_trainable_parameters line
    QList<ComposeModuleFigure> modules;
    qint64 memWeights = 0, memGradients = 0, memOptimizer = 0, memActivations = 0, memTotal = 0;
};

/// A model opened for composing: its config and site list, kept for every later call.
class ComposeBackend {
public:
    ComposeBackend();
    ~ComposeBackend();
    ComposeBackend(const ComposeBackend&) = delete;
    ComposeBackend& operator=(const ComposeBackend&) = delete;

    /// Reads `modelDir`/config.json and describes its sites. False (with `error`) when the
    /// folder has no usable config; the backend is then empty.
    bool open(const QString& modelDir, QString* error = nullptr);
    bool isOpen() const;
    QString modelDir() const;
    QString modelType() const;   ///< "llama", "gpt2", "bert", ...
    QString family() const;      ///< model_family_name(): "llama", "gpt2", "bert"
    int layerCount() const;
    qint64 hiddenSize() const;
    qint64 maxPositions() const; ///< the longest sequence the model takes (memory estimate's limit)
    bool postNorm() const;       ///< BERT: norms after each residual add
    QList<ComposeSite> sites() const;

    /// The sites `module` (one recipe module as JSON) attaches to, as engine site names with the
    /// slices of a fused projection it covers ("layers.0.attn.qkv" -> {"q","v"}). Empty with
    /// `error` when the module does not resolve (the scene then shows it unplaced).
    QList<QPair<QString, QStringList>> resolveModule(const QJsonObject& module, QString* error = nullptr) const;
    /// Sites a module of `kind` ("low_rank", "bottleneck", ...) can attach to.
    QStringList attachableSites(const QString& kind) const;
    /// The preset's recipe for this model (recipe JSON); empty with `error` when unknown.
    QJsonObject presetRecipe(const QString& preset, QString* error = nullptr) const;
    /// Parameters and memory of `recipe` (engine recipe JSON) for a batch and sequence length.
    ComposeFigures evaluate(const QJsonObject& recipe, qint64 batch, qint64 sequence) const;

    static QStringList presetNames();
    static QStringList moduleKinds();
    /// A module of `kind` with the engine's defaults, as recipe JSON (without "name").
    static QJsonObject defaultModule(const QString& kind);
    /// Parses and re-serialises through the engine (canonical form). Empty + `error` when invalid.
    static QJsonObject canonicalRecipe(const QJsonObject& recipe, QString* error = nullptr);
    /// Reads a recipe file through the engine's parser.
    static QJsonObject loadRecipe(const QString& path, QString* error = nullptr);
    /// Writes `recipe` through the engine (so the file is what the CLI and trainer read).
    static bool saveRecipe(const QJsonObject& recipe, const QString& path, QString* error = nullptr);

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace peft
