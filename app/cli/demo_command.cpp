// SPDX-License-Identifier: MIT
// `demo [--cache DIR] [--json]`: builds the self-contained demo (or finds it cached) and prints
// where its model and datasets are, with the losses its pretraining measured. The headless twin
// of the studio's demo mode (scripts/start-studio.sh runs it without a display).
#include "args.h"
#include "commands.h"
#include "progress.h"

#include "core/error.h"
#include "demo/demo.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace peft::cli {
namespace {

/// The studio's own demo folder (QStandardPaths::AppLocalDataLocation + "/demo" on Linux), so a
/// demo built headless opens at once in the studio later: $XDG_DATA_HOME/PEFT Studio/PEFT Studio/demo,
/// else ~/.local/share/... (the CLI has no Qt to ask).
std::string default_cache_dir() {
    const std::string app = "/PEFT Studio/PEFT Studio/demo";
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + app;
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share" + app;
    return "peft-studio-demo";
}

std::string stage_text(const demo::DemoProgress& p) {
    if (p.stage == "corpus") return "generating the story corpus";
    if (p.stage == "tokenizer") return "learning the tokenizer";
    if (p.stage == "pretrain" && p.total <= 0) return "pretraining the tiny Llama";
    if (p.stage == "pretrain") {
        std::ostringstream s;
        s << "pretraining the tiny Llama: step " << p.step << "/" << p.total << "  loss " << std::fixed
          << std::setprecision(4) << p.loss;
        return s.str();
    }
    if (p.stage == "save") return "saving the model";
    if (p.stage == "datasets") return "writing the datasets";
    if (p.stage == "done") return "done";
    return p.stage;
}

/// One line that rewrites itself on a terminal; in a pipe, every stage and about 10 lines of
/// pretraining, so logs stay short.
class DemoProgressLine {
public:
    explicit DemoProgressLine(bool tty) : tty_(tty) {}
    void operator()(const demo::DemoProgress& p) {
        const std::string text = "demo: " + stage_text(p);
        if (tty_) {
            std::cout << "\r\033[K" << text << std::flush;
            open_ = true;
            return;
        }
        if (p.stage == "pretrain" && p.total > 0) {
            const int64_t every = std::max<int64_t>(1, p.total / 10);
            if (p.step != 1 && p.step % every != 0 && p.step != p.total) return;
        } else if (p.stage == last_stage_) {
            return;
        }
        last_stage_ = p.stage;
        std::cout << text << "\n" << std::flush;
    }
    void close() {
        if (open_) std::cout << "\n";
        open_ = false;
    }

private:
    bool tty_;
    bool open_ = false;
    std::string last_stage_;
};

} // namespace

int run_demo(const std::vector<std::string>& argv) {
    const Args args(argv, {"--json"});
    if (!args.positional().empty()) throw Error("demo takes no arguments (usage: demo [--cache DIR] [--json])");
    const bool json = args.flag("--json");
    const std::string cache = args.value_or("--cache", default_cache_dir());

    demo::DemoOptions options;
    // --steps N (undocumented): a tiny pretraining budget for tests; its own cache entry.
    options.max_steps = args.integer_or("--steps", options.max_steps);
    if (options.max_steps <= 0) throw Error("option --steps expects a positive number");
    configure_threads(args.integer_or("--threads", 0));

    DemoProgressLine line(!json && isatty(fileno(stdout)));
    demo::DemoProgressFn progress;
    if (!json) progress = [&line](const demo::DemoProgress& p) { line(p); };
    const demo::DemoResult r = demo::ensure_demo(cache, options, progress);
    line.close();
    if (r.cancelled) return 130;

    if (json) {
        const nlohmann::json out = {
            {"root", r.root},
            {"model_dir", r.model_dir},
            {"data", {{"sentiment_train", r.sentiment_train}, {"sentiment_dev", r.sentiment_dev},
                      {"stories_train", r.stories_train}, {"stories_dev", r.stories_dev}}},
            {"from_cache", r.from_cache},
            {"steps", r.steps_done},
            {"initial_loss", r.initial_loss},
            {"final_loss", r.final_loss},
            {"final_perplexity", r.final_perplexity},
            {"build_seconds", r.build_seconds},
        };
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << (r.from_cache ? "Demo found in the cache: " : "Demo built: ") << r.root << "\n"
              << "  model            " << r.model_dir << "\n"
              << "  sentiment train  " << r.sentiment_train << "\n"
              << "  sentiment dev    " << r.sentiment_dev << "\n"
              << "  fables train     " << r.stories_train << "\n"
              << "  fables dev       " << r.stories_dev << "\n"
              << std::fixed << std::setprecision(3) << "  pretraining      " << r.steps_done << " steps in "
              << format_duration(r.build_seconds) << ", held-out loss " << r.initial_loss << " -> " << r.final_loss
              << " (perplexity " << std::setprecision(2) << r.final_perplexity << ")\n";
    return 0;
}

} // namespace peft::cli
