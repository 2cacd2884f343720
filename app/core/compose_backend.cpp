// SPDX-License-Identifier: MIT
#include "core/compose_backend.h"

#include "core/error.h"
#include "io/model_config.h"
#include "models/model.h" // describe_sites, TaskHead (LibTorch: this file only, never a header)
#include "peft/matching.h"
#include "peft/presets.h"
#include "peft/recipe.h"
#include "peft/report.h"
#include "peft/validate.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <exception>

namespace peft {

namespace {

// nlohmann::json and QJsonObject meet through their text form: recipes are small.
nlohmann::json toNlohmann(const QJsonObject& object) {
    return nlohmann::json::parse(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
}

QJsonObject toQt(const nlohmann::json& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json.dump())).object();
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

void setError(QString* error, const QString& message) {
    if (error) *error = message;
}

/// The head the CLI's `params --head auto` picks, so the studio and the CLI count alike.
TaskHead headFor(const ModelConfig& config) {
    for (const auto& a : config.architectures)
        if (a.find("ForSequenceClassification") != std::string::npos) return TaskHead::SequenceClassification;
    return config.is_decoder() ? TaskHead::CausalLM : TaskHead::SequenceClassification;
}

} // namespace

struct ComposeBackend::State {
    QString dir;
    ModelConfig config;
    TaskHead head = TaskHead::CausalLM;
    std::vector<SiteInfo> sites;
};

ComposeBackend::ComposeBackend() = default;
ComposeBackend::~ComposeBackend() = default;

bool ComposeBackend::open(const QString& modelDir, QString* error) {
    state_.reset();
    try {
        auto state = std::make_unique<State>();
        state->dir = modelDir;
        state->config = ModelConfig::load(QDir(modelDir).filePath(QStringLiteral("config.json")).toStdString());
        state->head = headFor(state->config);
        state->sites = describe_sites(state->config, state->head);
        state_ = std::move(state);
        return true;
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        return false;
    }
}

bool ComposeBackend::isOpen() const { return state_ != nullptr; }
QString ComposeBackend::modelDir() const { return state_ ? state_->dir : QString(); }
QString ComposeBackend::modelType() const { return state_ ? qs(state_->config.model_type) : QString(); }
QString ComposeBackend::family() const { return state_ ? QString::fromLatin1(model_family_name(state_->config.family)) : QString(); }
int ComposeBackend::layerCount() const { return state_ ? int(state_->config.num_layers) : 0; }
qint64 ComposeBackend::hiddenSize() const { return state_ ? state_->config.hidden_size : 0; }
qint64 ComposeBackend::maxPositions() const { return state_ ? state_->config.max_positions : 0; }
bool ComposeBackend::postNorm() const { return state_ && state_->config.family == ModelFamily::Bert; }

QList<ComposeSite> ComposeBackend::sites() const {
    QList<ComposeSite> out;
    if (!state_) return out;
    for (const auto& s : state_->sites) {
        ComposeSite c;
        c.name = qs(s.name);
        c.kind = QString::fromLatin1(site_kind_name(s.kind));
        c.layer = s.layer;
        c.role = qs(s.role);
        c.inFeatures = s.in_features;
        c.outFeatures = s.out_features;
        for (const auto& slice : s.slices) c.slices << qs(slice.role);
        out << c;
    }
    return out;
}

QStringList ComposeBackend::attachableSites(const QString& kind) const {
    QStringList out;
    if (!state_) return out;
    const auto parsed = parse_module_kind(kind.toStdString());
    if (!parsed) return out;
    for (const auto& name : attachable_sites(*parsed, state_->sites)) out << qs(name);
    return out;
}

QList<QPair<QString, QStringList>> ComposeBackend::resolveModule(const QJsonObject& module, QString* error) const {
    QList<QPair<QString, QStringList>> out;
    if (!state_) return out;
    try {
        QJsonObject wrapper;
        wrapper.insert(QStringLiteral("version"), kRecipeVersion);
        wrapper.insert(QStringLiteral("modules"), QJsonArray{module});
        const Recipe recipe = Recipe::from_json(toNlohmann(wrapper));
        for (const auto& target : resolve_targets(0, recipe.modules.front(), state_->sites)) {
            QStringList slices;
            for (const auto& slice : target.slices) slices << qs(slice.role);
            out.append({qs(target.site->name), slices});
        }
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        out.clear();
    }
    return out;
}

QJsonObject ComposeBackend::presetRecipe(const QString& presetName, QString* error) const {
    if (!state_) {
        setError(error, QStringLiteral("no model is open"));
        return {};
    }
    try {
        return toQt(preset(presetName.toStdString(), state_->config).to_json());
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        return {};
    }
}

ComposeFigures ComposeBackend::evaluate(const QJsonObject& recipeJson, qint64 batch, qint64 sequence) const {
    ComposeFigures f;
    if (!state_) {
        f.error = QStringLiteral("no model is open");
        return f;
    }
    try {
        const Recipe recipe = Recipe::from_json(toNlohmann(recipeJson));
        for (const auto& issue : validate(recipe, state_->config, state_->sites))
            f.issues << ComposeIssue{issue.module_index, qs(issue.field), qs(issue.to_string())};
        if (!f.issues.isEmpty()) {
            f.error = f.issues.first().message;
            return f;
        }
        const ParameterReport report = make_report(state_->config, state_->sites, state_->head, recipe);
        f.base = report.base_parameters;
        f.trainable = report.trainable;
        f.total = report.total;
        f.percent = report.trainable_percent();
        f.summaryLine = qs(peft_summary_line(report));
        for (const auto& m : report.modules)
            f.modules << ComposeModuleFigure{qs(m.name), QString::fromLatin1(module_kind_name(m.kind)), m.trainable()};
        MemoryOptions options;
        options.batch = batch;
        options.sequence = sequence;
        const MemoryEstimate memory = estimate_memory(state_->config, report, options);
        f.memWeights = memory.weights;
        f.memGradients = memory.gradients;
        f.memOptimizer = memory.optimizer;
        f.memActivations = memory.activations;
        f.memTotal = memory.total();
        f.ok = true;
    } catch (const RecipeError& e) {
        f.issues << ComposeIssue{e.module_index, qs(e.field), qs(e.what())};
        f.error = qs(e.what());
    } catch (const std::exception& e) {
        f.error = qs(e.what());
    }
    return f;
}

QStringList ComposeBackend::presetNames() {
    QStringList out;
    for (const auto& name : preset_names()) out << qs(name);
    return out;
}

QStringList ComposeBackend::moduleKinds() {
    QStringList out;
    for (const auto& name : module_kind_names()) out << qs(name);
    return out;
}

QJsonObject ComposeBackend::defaultModule(const QString& kind) {
    ModuleSpec spec;
    if (const auto parsed = parse_module_kind(kind.toStdString())) spec.kind = *parsed;
    Recipe recipe;
    recipe.modules.push_back(spec);
    QJsonObject module = toQt(recipe.to_json()).value(QStringLiteral("modules")).toArray().first().toObject();
    module.remove(QStringLiteral("name"));
    return module;
}

QJsonObject ComposeBackend::canonicalRecipe(const QJsonObject& recipe, QString* error) {
    try {
        return toQt(Recipe::from_json(toNlohmann(recipe)).to_json());
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        return {};
    }
}

QJsonObject ComposeBackend::loadRecipe(const QString& path, QString* error) {
    try {
        return toQt(Recipe::load(path.toStdString()).to_json());
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        return {};
    }
}

bool ComposeBackend::saveRecipe(const QJsonObject& recipe, const QString& path, QString* error) {
    try {
        Recipe::from_json(toNlohmann(recipe)).save(path.toStdString());
        return true;
    } catch (const std::exception& e) {
        setError(error, qs(e.what()));
        return false;
    }
}

} // namespace peft
