// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

#include "core/error.h"
#include "format.h"

#include "inspect/model_summary.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace peft::cli {

int run_inspect(const std::vector<std::string>& argv) {
    Args args(argv, {"--json"});
    const std::string dir = args.positional_at(0, "MODEL_DIR");
    const ModelSummary s = summarize_model_dir(dir);
    if (args.flag("--json")) {
        nlohmann::json j = {
            {"path", s.path}, {"name", s.name}, {"model_type", s.model_type}, {"architecture", s.architecture},
            {"layers", s.num_layers}, {"hidden_size", s.hidden_size}, {"heads", s.num_heads},
            {"kv_heads", s.num_kv_heads}, {"intermediate_size", s.intermediate_size},
            {"vocab_size", s.vocab_size}, {"max_positions", s.max_positions}, {"parameters", s.parameters},
            {"parameters_from_weights", s.parameters_from_weights}, {"dtype", s.dtype},
            {"weight_bytes", s.weight_bytes}, {"weight_files", s.weight_files}, {"tokenizer", s.tokenizer},
            {"supported", s.supported}, {"reason", s.reason}};
        nlohmann::json comps = nlohmann::json::object();
        for (const auto& c : s.components) comps[c.name] = c.parameters;
        j["components"] = comps;
        std::cout << j.dump(2) << "\n";
        return s.model_type.empty() ? 1 : 0;
    }
    if (s.model_type.empty()) {
        std::cerr << "error: " << s.reason << "\n";
        return 1;
    }
    std::cout << "model         " << s.name << "  (" << s.path << ")\n"
              << "architecture  " << s.architecture << "  [model_type " << s.model_type << "]\n"
              << "layers        " << s.num_layers << "\n"
              << "hidden size   " << s.hidden_size << "\n"
              << "heads         " << s.num_heads << " (key/value heads " << s.num_kv_heads << ")\n"
              << "FFN size      " << s.intermediate_size << "\n"
              << "vocabulary    " << s.vocab_size << "\n"
              << "positions     " << s.max_positions << "\n"
              << "parameters    " << with_commas(s.parameters) << " (" << human_count(s.parameters) << ", "
              << (s.parameters_from_weights ? "counted in the weights" : "computed from config.json") << ")\n";
    for (const auto& c : s.components)
        std::cout << "  " << pad_right(c.name, 12) << pad_left(with_commas(c.parameters), 16) << "\n";
    std::cout << "dtype         " << s.dtype << "\n"
              << "weights       " << s.weight_files << " file(s), " << human_bytes(s.weight_bytes) << "\n"
              << "tokenizer     " << (s.tokenizer.empty() ? "none" : s.tokenizer) << "\n"
              << "status        " << (s.supported ? "ready to fine-tune" : "cannot be fine-tuned as is: " + s.reason) << "\n";
    return 0;
}

} // namespace peft::cli
