// SPDX-License-Identifier: MIT
#include "project_cli.h"
#include "project_recorder_impl.h"

#include "../run_options.h"

#include "core/error.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <filesystem>
#include <iostream>

using namespace Qt::StringLiterals;

namespace peft::cli {

using project::ProjectDatabase;
using project::RunStatus;
using project::StepRecord;

namespace {

constexpr auto kBatchInterval = std::chrono::milliseconds(500);

QString q(const std::string& s) { return QString::fromStdString(s); }

/// The recipe's name as the Runs page shows it.
QString methodOf(const RunConfig& run) {
    switch (run.recipe.kind) {
    case RecipeSource::Kind::Preset: return q(run.recipe.preset);
    case RecipeSource::Kind::File: return q(std::filesystem::path(run.recipe.file).stem().string());
    case RecipeSource::Kind::Inline:
        return run.recipe.recipe_json.is_object() && run.recipe.recipe_json.contains("name") &&
                       run.recipe.recipe_json["name"].is_string()
                   ? q(run.recipe.recipe_json["name"].get<std::string>())
                   : u"inline"_s;
    }
    return {};
}

} // namespace

QJsonObject to_qjson(const nlohmann::json& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))
        .object();
}

nlohmann::json from_qjson(const QJsonObject& object) {
    return nlohmann::json::parse(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
}

std::unique_ptr<ProjectRecorder> ProjectRecorder::create(const std::string& project, const RunConfig& run,
                                                         const std::string& run_name, RunObserver& inner) {
    auto impl = std::make_unique<Impl>(inner);
    if (!impl->db.open(q(project), ProjectDatabase::OpenMode::CreateIfMissing))
        throw Error(impl->db.lastError().toStdString());
    QString name;
    if (!run_name.empty()) {
        name = q(run_name);
        if (impl->db.runByName(name))
            throw Error("a run named '" + run_name + "' already exists in " + project + "; choose another --run-name");
    } else {
        name = impl->db.makeRunName(q(run.name));
    }
    project::NewRun created{name,
                            to_qjson(run.to_json()),
                            methodOf(run),
                            q(run.model_dir),
                            q(run.data.train_file),
                            q(run.output_dir),
                            run.training.batch_size * run.training.grad_accum};
    impl->run_id = impl->db.createRun(created);
    if (impl->run_id == 0 || !impl->db.markRunStarted(impl->run_id)) throw Error(impl->db.lastError().toStdString());
    impl->name = name;
    return std::make_unique<ProjectRecorder>(std::move(impl));
}

ProjectRecorder::ProjectRecorder(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {
    d_->last_commit = std::chrono::steady_clock::now();
}

ProjectRecorder::~ProjectRecorder() = default;

void ProjectRecorder::Impl::warn(const QString& what) {
    if (warned) return;
    warned = true;
    std::cerr << "warning: " << what.toStdString() << " (training goes on; the project misses what follows)\n";
}

bool ProjectRecorder::Impl::commit(const std::function<bool()>& also) {
    last_commit = std::chrono::steady_clock::now();
    if (pending.isEmpty() && !also) return true;
    bool ok = db.begin();
    ok = ok && db.appendSteps(run_id, pending); // also refreshes the heartbeat
    ok = ok && (!also || also());
    ok = ok && db.commit();
    if (!ok) {
        db.rollback();
        warn(db.lastError());
    }
    pending.clear();
    return ok;
}

void ProjectRecorder::on_status(const std::string& message) { d_->inner.on_status(message); }

void ProjectRecorder::on_prepared(const RunInfo& info) {
    d_->inner.on_prepared(info);
    if (!d_->db.setRunSetup(d_->run_id, q(info.task), info.trainable_parameters, info.total_parameters,
                            info.total_steps, info.train_examples))
        d_->warn(d_->db.lastError());
}

void ProjectRecorder::on_started(int64_t first_step, int64_t total_steps) {
    d_->inner.on_started(first_step, total_steps);
    if (first_step > 0) {
        // Resumed from the checkpoint at first_step: what was recorded after it is redone.
        if (const auto kept = d_->db.stepAt(d_->run_id, first_step)) {
            d_->tokens_seen = kept->tokensSeen;
            d_->elapsed_base = kept->elapsed;
        }
        if (!d_->db.truncateRunAfter(d_->run_id, first_step)) d_->warn(d_->db.lastError());
    }
}

void ProjectRecorder::on_step(const StepMetrics& m) {
    d_->inner.on_step(m);
    d_->tokens_seen += m.tokens;
    StepRecord s;
    s.step = m.step;
    s.loss = m.loss;
    s.lr = m.lr;
    s.gradNorm = m.grad_norm;
    s.tokensPerSecond = m.tokens_per_s;
    s.samplesPerSecond = m.samples_per_s;
    s.elapsed = d_->elapsed_base + m.elapsed; // from the run's first start, across resumes
    s.tokensSeen = d_->tokens_seen;
    d_->pending.append(s);
    if (std::chrono::steady_clock::now() - d_->last_commit >= kBatchInterval) d_->commit();
}

void ProjectRecorder::on_eval(const EvalMetrics& m) {
    d_->inner.on_eval(m);
    const project::EvalRecord e{m.step, m.loss, m.accuracy, m.f1, m.matthews, m.perplexity};
    d_->commit([&] { return d_->db.appendEval(d_->run_id, e); });
}

void ProjectRecorder::on_checkpoint(const std::string& path, int64_t step) {
    d_->inner.on_checkpoint(path, step);
    // output_dir/best is rewritten whenever the evaluation improves: not a point to resume from.
    if (std::filesystem::path(path).filename() == "best") {
        d_->commit();
        return;
    }
    const project::CheckpointRecord c{d_->run_id, step, q(std::filesystem::absolute(path).string()), {}};
    d_->commit([&] { return d_->db.addCheckpoint(c); });
}

void ProjectRecorder::on_finished(int64_t steps_done, bool cancelled) {
    d_->inner.on_finished(steps_done, cancelled);
    d_->commit();
}

void ProjectRecorder::on_failed(const std::string& message) {
    d_->inner.on_failed(message);
    d_->commit();
}

void ProjectRecorder::finish(const RunResult& result) {
    d_->commit();
    RunStatus status = RunStatus::Finished;
    QString message;
    if (result.failed) {
        status = RunStatus::Failed;
        message = q(result.error);
    } else if (result.cancelled) {
        status = RunStatus::Cancelled;
        message = d_->db.lastCheckpoint(d_->run_id)
                      ? u"cancelled at step %1; resume with: %2"_s.arg(result.steps_done).arg(q(resume_command()))
                      : u"cancelled at step %1 before its first checkpoint"_s.arg(result.steps_done);
    }
    if (!d_->db.markRunEnded(d_->run_id, status, message)) d_->warn(d_->db.lastError());
    d_->db.checkpointWal();
}

std::string ProjectRecorder::resume_command() const {
    return "peft-studio-cli project resume " + shell_quote(d_->db.path().toStdString()) + " " +
           shell_quote(d_->name.toStdString());
}

std::string ProjectRecorder::run_name() const { return d_->name.toStdString(); }

} // namespace peft::cli
