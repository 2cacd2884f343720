// SPDX-License-Identifier: MIT
// `project runs FILE`, `project check FILE`, `project resume FILE RUN`, `project run FILE RUN`.
#include "project_cli.h"
#include "project_recorder_impl.h"

#include "../args.h"
#include "../commands.h"
#include "../progress.h"
#include "../run_options.h"

#include "core/error.h"

#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace peft::cli {

using project::ProjectDatabase;
using project::RunStatus;
using project::RunSummary;

namespace {

constexpr const char* kUsage =
    "project runs FILE [--json] | project check FILE | project resume FILE RUN | project run FILE RUN";

void open_project(ProjectDatabase& db, const std::string& file) {
    if (!db.open(QString::fromStdString(file), ProjectDatabase::OpenMode::OpenExisting))
        throw Error(db.lastError().toStdString());
}

/// RUN is a run's name, or its id when no run has that name.
RunSummary find_run(ProjectDatabase& db, const std::string& file, const std::string& which) {
    if (auto r = db.runByName(QString::fromStdString(which))) return *r;
    bool number = false;
    const qint64 id = QString::fromStdString(which).toLongLong(&number);
    if (number)
        if (auto r = db.run(id)) return *r;
    throw Error("no run '" + which + "' in " + file + " (see: peft-studio-cli project runs " + shell_quote(file) + ")");
}

std::string best_text(const RunSummary& r) {
    if (r.bestMetricName.isEmpty()) return "-";
    std::ostringstream s;
    s << r.bestMetricName.toStdString() << " " << std::setprecision(4) << r.bestMetric << " @" << r.bestStep;
    return s.str();
}

int list_runs(const Args& args, const std::string& file) {
    ProjectDatabase db;
    open_project(db, file);
    const auto runs = db.runs();
    if (args.flag("--json")) {
        for (const auto& r : runs) {
            nlohmann::json j{{"id", r.id},
                             {"name", r.name.toStdString()},
                             {"status", project::runStatusName(r.status).toStdString()},
                             {"method", r.method.toStdString()},
                             {"trainable_percent", r.trainablePercent()},
                             {"best_metric_name", r.bestMetricName.toStdString()},
                             {"best_metric", r.bestMetric},
                             {"best_step", r.bestStep},
                             {"steps_done", r.stepsDone},
                             {"total_steps", r.totalSteps},
                             {"wall_seconds", r.wallSeconds},
                             {"message", r.message.toStdString()}};
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        return 0;
    }
    // Columns as wide as their longest cell (names are free text), two spaces apart.
    size_t name_width = 4, method_width = 6;
    for (const auto& r : runs) {
        name_width = std::max(name_width, static_cast<size_t>(r.name.toStdString().size()));
        method_width = std::max(method_width, static_cast<size_t>(r.method.toStdString().size()));
    }
    const auto nw = static_cast<int>(name_width + 2), mw = static_cast<int>(method_width + 2);
    std::cout << std::left << std::setw(5) << "id" << std::setw(nw) << "name" << std::setw(13) << "status"
              << std::setw(mw) << "method" << std::right << std::setw(10) << "trainable" << "  " << std::left
              << std::setw(26) << "best" << "steps\n";
    for (const auto& r : runs) {
        std::ostringstream pct;
        pct << std::fixed << std::setprecision(3) << r.trainablePercent() << "%";
        std::cout << std::left << std::setw(5) << r.id << std::setw(nw) << r.name.toStdString() << std::setw(13)
                  << project::runStatusName(r.status).toStdString() << std::setw(mw) << r.method.toStdString()
                  << std::right << std::setw(10) << pct.str() << "  " << std::left << std::setw(26) << best_text(r)
                  << r.stepsDone << "/" << r.totalSteps << "\n";
    }
    if (runs.isEmpty()) std::cout << "(no runs)\n";
    return 0;
}

int check(const std::string& file) {
    ProjectDatabase db;
    open_project(db, file); // marks runs whose process is gone as interrupted
    const QString integrity = db.integrityCheck();
    std::cout << file << ": schema version " << db.schemaVersion() << ", integrity " << integrity.toStdString()
              << ", " << db.runs().size() << " run(s)\n";
    if (db.interruptedOnOpen() > 0) {
        std::cout << "marked " << db.interruptedOnOpen() << " run(s) interrupted:\n";
        for (const auto& r : db.runs())
            if (r.status == RunStatus::Interrupted)
                std::cout << "  " << r.name.toStdString() << ": " << r.message.toStdString() << "\n";
    }
    return integrity == u"ok"_s ? 0 : 1;
}

/// `resume` (from the run's last checkpoint) or `run` (a Queued run the studio created).
int continue_run(const Args& args, const std::string& file, const std::string& which, bool resume) {
    const bool json = args.flag("--json");
    auto printer_style = ProgressStyle::Lines;
    if (json) printer_style = ProgressStyle::Json;
    else if (!args.flag("--plain") && isatty(fileno(stdout))) printer_style = ProgressStyle::Bar;
    ProgressPrinter printer(std::cout, printer_style, args.integer_or("--log-every", 0));

    auto impl = std::make_unique<ProjectRecorder::Impl>(printer);
    ProjectDatabase& db = impl->db;
    open_project(db, file);
    const RunSummary summary = find_run(db, file, which);
    const std::string name = summary.name.toStdString();
    const std::string status = project::runStatusName(summary.status).toStdString();
    std::string checkpoint;
    if (resume) {
        if (summary.status == RunStatus::Running || summary.status == RunStatus::Finished ||
            summary.status == RunStatus::Queued)
            throw Error("run '" + name + "' in " + file + " is " + status +
                        (summary.status == RunStatus::Queued ? "; start it with: peft-studio-cli project run " +
                                                                   shell_quote(file) + " " + shell_quote(name)
                                                             : "; only an interrupted, cancelled, failed or paused run resumes"));
        const auto last = db.lastCheckpoint(summary.id);
        if (!last)
            throw Error("run '" + name + "' in " + file + " has no checkpoint left to resume from (its folder " +
                        summary.outputDir.toStdString() + " holds none); start a new run with its configuration");
        checkpoint = last->path.toStdString();
    } else if (summary.status != RunStatus::Queued) {
        throw Error("run '" + name + "' in " + file + " is " + status + ", not queued" +
                    (summary.status == RunStatus::Finished || summary.status == RunStatus::Running
                         ? std::string()
                         : "; continue it with: peft-studio-cli project resume " + shell_quote(file) + " " +
                               shell_quote(name)));
    }

    RunConfig run;
    try {
        const std::string base = QFileInfo(db.path()).absolutePath().toStdString();
        run = RunConfig::from_json(from_qjson(db.runConfig(summary.id)), base, file + " (run " + name + ")");
        if (args.value("--threads")) run.threads = run.training.threads = static_cast<int>(args.integer_or("--threads", 0));
        configure_threads(run.threads);
    } catch (const Error& e) {
        return report_config_error(e.what(), json);
    }
    if (!db.markRunStarted(summary.id)) throw Error(db.lastError().toStdString());
    impl->run_id = summary.id;
    impl->name = summary.name;
    ProjectRecorder recorder(std::move(impl));

    TrainControl control;
    const RunResult result = run_training_interruptible(run, recorder, control, checkpoint);
    recorder.finish(result);
    const std::string hint = result.cancelled && !result.last_checkpoint.empty() ? recorder.resume_command() : "";
    printer.finish(result, hint);
    if (result.failed) {
        std::cerr << "error: " << result.error << "\n";
        return result.config_error ? 2 : 1;
    }
    if (result.cancelled) {
        if (json && !hint.empty()) std::cerr << "cancelled; resume with: " << hint << "\n";
        return 130;
    }
    return 0;
}

} // namespace

int run_project(const std::vector<std::string>& argv) {
    const Args args(argv, {"--json", "--plain"});
    const auto& p = args.positional();
    if (p.empty()) throw Error(std::string("missing the project command; usage: peft-studio-cli ") + kUsage);
    const std::string& command = p[0];
    const size_t wanted = command == "runs" || command == "check" ? 2 : 3;
    if (command != "runs" && command != "check" && command != "resume" && command != "run")
        throw Error("unknown project command '" + command + "'; usage: peft-studio-cli " + kUsage);
    if (p.size() < wanted)
        throw Error("missing " + std::string(p.size() < 2 ? "the project file" : "the run (name or id)") +
                    "; usage: peft-studio-cli " + kUsage);
    if (p.size() > wanted) throw Error("unexpected argument '" + p[wanted] + "'; usage: peft-studio-cli " + kUsage);
    const std::string& file = p[1];
    if (command == "runs") return list_runs(args, file);
    if (command == "check") return check(file);
    return continue_run(args, file, p[2], command == "resume");
}

} // namespace peft::cli
