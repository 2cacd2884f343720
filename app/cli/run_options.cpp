// SPDX-License-Identifier: MIT
#include "run_options.h"

#include "commands.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

namespace peft::cli {

bool has_json_flag(const std::vector<std::string>& argv) {
    return std::find(argv.begin(), argv.end(), "--json") != argv.end();
}

RunConfig load_run_config(const Args& args, const std::string& usage) {
    if (args.positional().empty()) throw Error("missing the run configuration file; usage: peft-studio-cli " + usage);
    if (args.positional().size() > 1)
        throw Error("unexpected argument '" + args.positional()[1] + "'; usage: peft-studio-cli " + usage);
    const std::string path = args.positional()[0];
    std::vector<std::string> overrides = args.values("--set");
    if (auto output = args.value("--output"))
        overrides.push_back("output_dir=" + nlohmann::json(std::filesystem::absolute(*output).string()).dump());
    RunConfig run = RunConfig::load(path, overrides);
    if (args.value("--threads")) {
        const auto threads = args.integer_or("--threads", 0);
        if (threads < 0) throw Error("--threads must be 0 (all cores) or more");
        run.threads = run.training.threads = static_cast<int>(threads);
    }
    configure_threads(run.threads);
    return run;
}

int report_config_error(const std::string& message, bool json) {
    if (json)
        std::cout << nlohmann::json{{"event", "failed"}, {"message", message}, {"config_error", true}}.dump(
                         -1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    std::cerr << "error: " << message << "\n";
    return 2;
}

std::string shell_quote(const std::string& word) {
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string("-_./=:,+@%").find(c) != std::string::npos;
    });
    if (plain) return word;
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace peft::cli
