// SPDX-License-Identifier: MIT
// ProjectRecorder's state, shared with the `project` command (which attaches a recorder to an
// existing run). Internal to the CLI.
#pragma once

#include "project_cli.h"

#include "project/project_database.h"

#include <nlohmann/json.hpp>

#include <QJsonObject>
#include <QList>

#include <chrono>
#include <functional>

namespace peft::cli {

struct ProjectRecorder::Impl {
    explicit Impl(RunObserver& observer) : inner(observer) {}

    /// Commits the pending step points (and `also`, in the same transaction).
    bool commit(const std::function<bool()>& also = {});
    void warn(const QString& what);

    RunObserver& inner;
    project::ProjectDatabase db;
    qint64 run_id = 0;
    QString name;
    QList<project::StepRecord> pending;
    std::chrono::steady_clock::time_point last_commit{};
    qint64 tokens_seen = 0;   ///< cumulative input tokens, continued from the checkpoint on resume
    double elapsed_base = 0;  ///< training time before this attempt (up to the checkpoint)
    bool warned = false;
};

QJsonObject to_qjson(const nlohmann::json& json);
nlohmann::json from_qjson(const QJsonObject& object);

} // namespace peft::cli
