// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

#include "core/error.h"
#include "format.h"

#include "models/model.h"
#include "peft/presets.h"
#include "peft/report.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace peft::cli {
namespace {

TaskHead head_for(const ModelConfig& config, const std::string& requested) {
    if (requested == "causal-lm") return TaskHead::CausalLM;
    if (requested == "classification") return TaskHead::SequenceClassification;
    if (requested == "none") return TaskHead::None;
    if (requested != "auto") throw Error("--head must be auto, causal-lm, classification or none");
    for (const auto& a : config.architectures)
        if (a.find("ForSequenceClassification") != std::string::npos) return TaskHead::SequenceClassification;
    return config.is_decoder() ? TaskHead::CausalLM : TaskHead::SequenceClassification;
}

const char* head_name(TaskHead head) {
    switch (head) {
    case TaskHead::CausalLM: return "causal LM";
    case TaskHead::SequenceClassification: return "sequence classification";
    case TaskHead::None: return "none";
    }
    return "";
}

} // namespace

int run_params(const std::vector<std::string>& argv) {
    Args args(argv, {"--json"});
    const std::filesystem::path target = args.positional_at(0, "MODEL_DIR_OR_CONFIG");
    const std::string config_path =
        std::filesystem::is_directory(target) ? (target / "config.json").string() : target.string();
    const ModelConfig config = ModelConfig::load(config_path);

    const auto recipe_file = args.value("--recipe");
    const auto preset_name = args.value("--preset");
    if (recipe_file.has_value() == preset_name.has_value()) {
        std::string names;
        for (const auto& n : preset_names()) names += (names.empty() ? "" : ", ") + n;
        throw Error("params needs exactly one of --recipe FILE or --preset NAME (presets: " + names + ")");
    }
    const Recipe recipe = recipe_file ? Recipe::load(*recipe_file) : preset(*preset_name, config);
    const TaskHead head = head_for(config, args.value_or("--head", "auto"));
    const ParameterReport report = make_report(config, head, recipe);

    MemoryOptions memory_options;
    memory_options.batch = args.integer_or("--batch", 8);
    memory_options.sequence = args.integer_or("--seq", 512);
    const std::string dtype = args.value_or("--dtype", "f32");
    if (dtype == "bf16") memory_options.weight_bytes = memory_options.activation_bytes = 2;
    else if (dtype != "f32") throw Error("--dtype must be f32 or bf16");
    const MemoryEstimate memory = estimate_memory(config, report, memory_options);

    if (args.flag("--json")) {
        nlohmann::json modules = nlohmann::json::array();
        for (const auto& m : report.modules)
            modules.push_back({{"index", m.index}, {"name", m.name}, {"kind", module_kind_name(m.kind)},
                               {"new", m.new_parameters}, {"unfrozen", m.unfrozen_parameters}, {"trainable", m.trainable()}});
        nlohmann::json layers = nlohmann::json::array();
        for (const auto& l : report.layers) layers.push_back({{"layer", l.layer}, {"trainable", l.trainable}});
        nlohmann::json j = {{"recipe", recipe.name}, {"head", head_name(head)}, {"trainable", report.trainable},
                            {"total", report.total}, {"base", report.base_parameters}, {"added", report.added_parameters},
                            {"trainable_percent", report.trainable_percent()}, {"summary", peft_summary_line(report)},
                            {"modules", modules}, {"layers", layers},
                            {"memory", {{"weights", memory.weights}, {"gradients", memory.gradients},
                                        {"optimizer", memory.optimizer}, {"activations", memory.activations},
                                        {"total", memory.total()}}}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << peft_summary_line(report) << "\n\n"
              << "recipe " << (recipe.name.empty() ? "(unnamed)" : recipe.name) << " on " << config.model_type
              << " (" << config.num_layers << " layers, width " << config.hidden_size << "), head: " << head_name(head) << "\n\n"
              << pad_right("module", 34) << pad_right("kind", 12) << pad_left("new", 14) << pad_left("unfrozen", 14)
              << pad_left("trainable", 14) << "\n";
    for (const auto& m : report.modules)
        std::cout << pad_right(m.name, 34) << pad_right(module_kind_name(m.kind), 12) << pad_left(with_commas(m.new_parameters), 14)
                  << pad_left(with_commas(m.unfrozen_parameters), 14) << pad_left(with_commas(m.trainable()), 14) << "\n";
    std::cout << "\nper layer:";
    for (const auto& l : report.layers)
        std::cout << "  " << (l.layer < 0 ? std::string("outside") : std::to_string(l.layer)) << ": " << with_commas(l.trainable);
    std::cout << "\n\ntraining memory estimate (batch " << memory_options.batch << " x " << memory_options.sequence
              << " tokens, " << dtype << "): " << human_bytes(memory.total()) << "  [weights " << human_bytes(memory.weights)
              << ", gradients " << human_bytes(memory.gradients) << ", optimizer " << human_bytes(memory.optimizer)
              << ", activations " << human_bytes(memory.activations) << "]\n";
    return 0;
}

} // namespace peft::cli
