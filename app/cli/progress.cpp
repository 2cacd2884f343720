// SPDX-License-Identifier: MIT
#include "progress.h"

#include "format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace peft::cli {
namespace {

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

std::string scientific(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2e", v);
    return buffer;
}

/// JSON numbers must be finite; a NaN loss is reported as null (the failed event explains it).
nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

std::string eval_text(const EvalMetrics& m, const std::string& task) {
    std::string s = "eval @ step " + std::to_string(m.step) + ": loss " + fixed(m.loss, 4);
    if (task == "classification")
        s += ", accuracy " + fixed(m.accuracy, 4) + ", F1 " + fixed(m.f1, 4) + ", Matthews " + fixed(m.matthews, 4);
    else
        s += ", perplexity " + fixed(m.perplexity, 3);
    return s;
}

nlohmann::json eval_object(const EvalMetrics& m, const std::string& task) {
    nlohmann::json j = {{"step", m.step}, {"loss", number(m.loss)}};
    if (task == "classification") {
        j["accuracy"] = m.accuracy;
        j["f1"] = m.f1;
        j["matthews"] = m.matthews;
    } else {
        j["perplexity"] = number(m.perplexity);
    }
    return j;
}

} // namespace

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    const auto s = static_cast<long long>(std::llround(seconds));
    char buffer[32];
    if (s >= 3600) std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
    else if (s >= 60) std::snprintf(buffer, sizeof buffer, "%lldm%02llds", s / 60, s % 60);
    else std::snprintf(buffer, sizeof buffer, "%llds", s);
    return buffer;
}

ProgressPrinter::ProgressPrinter(std::ostream& out, ProgressStyle style, int64_t log_every)
    : out_(out), style_(style), log_every_(log_every) {}

void ProgressPrinter::emit(const std::string& json_line) { out_ << json_line << "\n" << std::flush; }

void ProgressPrinter::end_bar_line() {
    if (!bar_open_) return;
    out_ << "\n";
    bar_open_ = false;
}

void ProgressPrinter::on_status(const std::string& message) {
    if (style_ == ProgressStyle::Json) return; // setup chatter is not an event
    out_ << message << "...\n" << std::flush;
}

void ProgressPrinter::on_prepared(const RunInfo& info) {
    info_ = info;
    if (style_ == ProgressStyle::Json) return; // folded into "started"
    out_ << info.task << " on " << info.device << ", recipe '" << info.recipe_name << "': trainable "
         << with_commas(info.trainable_parameters) << " of " << with_commas(info.total_parameters) << " ("
         << fixed(info.total_parameters ? 100.0 * static_cast<double>(info.trainable_parameters) /
                                                  static_cast<double>(info.total_parameters)
                                        : 0.0,
                  4)
         << "%); " << info.train_examples << " training examples" << (info.eval_examples ? ", " : "")
         << (info.eval_examples ? std::to_string(info.eval_examples) + " for evaluation" : std::string())
         << (info.rows_skipped ? ", " + std::to_string(info.rows_skipped) + " rows skipped" : std::string())
         << "; set up in " << fixed(info.setup_seconds, 1) << " s\n"
         << std::flush;
}

void ProgressPrinter::on_started(int64_t first_step, int64_t total_steps) {
    first_step_ = first_step;
    total_ = total_steps;
    if (log_every_ <= 0) log_every_ = std::max<int64_t>(1, total_steps / 20);
    if (style_ == ProgressStyle::Json) {
        emit(nlohmann::json{{"event", "started"},
                            {"first_step", first_step},
                            {"total_steps", total_steps},
                            {"task", info_.task},
                            {"device", info_.device},
                            {"recipe", info_.recipe_name},
                            {"trainable_parameters", info_.trainable_parameters},
                            {"total_parameters", info_.total_parameters},
                            {"train_examples", info_.train_examples},
                            {"eval_examples", info_.eval_examples},
                            {"setup_seconds", info_.setup_seconds}}
                 .dump());
        return;
    }
    out_ << (first_step > 0 ? "resuming at step " + std::to_string(first_step) + " of " : std::string("training "))
         << total_steps << " steps\n"
         << std::flush;
}

void ProgressPrinter::on_step(const StepMetrics& m) {
    const int64_t done_here = m.step - first_step_;
    const double eta = done_here > 0 ? m.elapsed / static_cast<double>(done_here) * static_cast<double>(total_ - m.step) : 0;
    if (style_ == ProgressStyle::Json) {
        emit(nlohmann::json{{"event", "step"},
                            {"step", m.step},
                            {"total_steps", total_},
                            {"loss", number(m.loss)},
                            {"lr", m.lr},
                            {"grad_norm", number(m.grad_norm)},
                            {"tokens_per_s", m.tokens_per_s},
                            {"samples_per_s", m.samples_per_s},
                            {"elapsed", m.elapsed},
                            {"eta", eta}}
                 .dump());
        return;
    }
    const std::string stats = "loss " + fixed(m.loss, 4) + "  lr " + scientific(m.lr) + "  " +
                              with_commas(static_cast<int64_t>(m.tokens_per_s)) + " tok/s  ETA " + format_duration(eta);
    if (style_ == ProgressStyle::Lines) {
        if (m.step % log_every_ == 0 || m.step == total_)
            out_ << "step " << m.step << "/" << total_ << "  " << stats << "\n" << std::flush;
        return;
    }
    // Redraw at most ~10 times a second; always draw the last step.
    const auto now = std::chrono::steady_clock::now();
    if (m.step != total_ && bar_open_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int width = 24;
    const double fraction = total_ > 0 ? static_cast<double>(m.step) / static_cast<double>(total_) : 1.0;
    const int filled = static_cast<int>(fraction * width);
    std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                      std::string(static_cast<std::size_t>(width - filled), '-') + "]";
    // \r returns to the line start; \x1b[K clears what a longer previous line left behind.
    out_ << "\r" << bar << " " << m.step << "/" << total_ << " " << fixed(100 * fraction, 0) << "%  " << stats << "\x1b[K"
         << std::flush;
    bar_open_ = true;
}

void ProgressPrinter::on_eval(const EvalMetrics& m) {
    if (style_ == ProgressStyle::Json) {
        auto j = eval_object(m, info_.task);
        j["event"] = "eval";
        emit(j.dump());
        return;
    }
    end_bar_line();
    out_ << eval_text(m, info_.task) << "\n" << std::flush;
}

void ProgressPrinter::on_checkpoint(const std::string& path, int64_t step) {
    if (style_ == ProgressStyle::Json) {
        emit(nlohmann::json{{"event", "checkpoint"}, {"step", step}, {"path", path}}.dump());
        return;
    }
    end_bar_line();
    out_ << "checkpoint (step " << step << "): " << path << "\n" << std::flush;
}

void ProgressPrinter::on_finished(int64_t, bool) { end_bar_line(); }

void ProgressPrinter::on_failed(const std::string&) {
    end_bar_line(); // the message itself comes with finish(), once
}

void ProgressPrinter::finish(const RunResult& r, const std::string& resume_hint) {
    end_bar_line();
    if (style_ == ProgressStyle::Json) {
        if (r.failed) {
            emit(nlohmann::json{{"event", "failed"},
                                {"message", r.error},
                                {"config_error", r.config_error},
                                {"step", r.steps_done},
                                {"checkpoint", r.last_checkpoint}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            return;
        }
        nlohmann::json j = {{"event", "finished"},
                            {"steps", r.steps_done},
                            {"cancelled", r.cancelled},
                            {"checkpoint", r.last_checkpoint},
                            {"best_checkpoint", r.best_checkpoint},
                            {"train_seconds", r.train_seconds},
                            {"trainable_parameters", r.info.trainable_parameters}};
        if (r.final_eval) j["eval"] = eval_object(*r.final_eval, r.info.task);
        if (r.cancelled) j["resume"] = resume_hint;
        emit(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
    }
    if (r.failed) return; // the command prints the error on stderr
    if (r.cancelled) {
        out_ << "cancelled at step " << r.steps_done << "; the checkpoint is kept"
             << (r.last_checkpoint.empty() ? std::string() : " in " + r.last_checkpoint) << "\n";
        if (!resume_hint.empty()) out_ << "resume with: " << resume_hint << "\n";
        out_ << std::flush;
        return;
    }
    out_ << "done: " << r.steps_done << " steps in " << format_duration(r.train_seconds);
    if (!r.last_checkpoint.empty()) out_ << "; checkpoint " << r.last_checkpoint;
    if (!r.best_checkpoint.empty()) out_ << "; best " << r.best_checkpoint;
    out_ << "\n";
    if (r.final_eval) out_ << "final " << eval_text(*r.final_eval, r.info.task) << "\n";
    out_ << std::flush;
}

} // namespace peft::cli
