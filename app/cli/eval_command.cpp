// SPDX-License-Identifier: MIT
// `eval CONFIG --checkpoint DIR`: the metrics of a trained checkpoint on the run's eval file.
#include "args.h"
#include "commands.h"
#include "run_options.h"

#include "core/error.h"
#include "train/run.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <optional>

namespace peft::cli {

int run_eval(const std::vector<std::string>& argv) {
    const bool json = has_json_flag(argv);
    RunConfig run;
    std::optional<Args> parsed;
    std::string checkpoint;
    try {
        parsed.emplace(argv, std::vector<std::string>{"--json"});
        run = load_run_config(*parsed, "eval CONFIG --checkpoint DIR [--json] [--set KEY=VALUE]...");
        checkpoint = parsed->value_or("--checkpoint", "");
        if (checkpoint.empty())
            throw Error("eval needs --checkpoint DIR (a folder output_dir/checkpoint-<step> or output_dir/best)");
    } catch (const Error& e) {
        return report_config_error(e.what(), json);
    }
    const auto started = std::chrono::steady_clock::now();
    EvaluationResult result;
    try {
        result = run_evaluation(run, checkpoint);
    } catch (const RunConfigError& e) {
        return report_config_error(e.what(), json);
    } catch (const RecipeError& e) {
        return report_config_error(e.what(), json);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& m = result.metrics;
    const bool classification = result.task == "classification";
    if (json) {
        nlohmann::json j = {{"event", "eval"}, {"checkpoint", checkpoint}, {"task", result.task},
                            {"examples", result.examples}, {"loss", m.loss}, {"seconds", seconds}};
        if (classification) {
            j["accuracy"] = m.accuracy;
            j["f1"] = m.f1;
            j["matthews"] = m.matthews;
        } else {
            j["perplexity"] = m.perplexity;
        }
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::cout << std::fixed << std::setprecision(4) << "checkpoint " << checkpoint << "\n"
              << result.examples << " examples (" << result.task << ")\n"
              << "loss        " << m.loss << "\n";
    if (classification)
        std::cout << "accuracy    " << m.accuracy << "\nF1          " << m.f1 << "\nMatthews    " << m.matthews << "\n";
    else
        std::cout << "perplexity  " << m.perplexity << "\n";
    return 0;
}

} // namespace peft::cli
