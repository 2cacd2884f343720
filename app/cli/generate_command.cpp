// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

#include "core/error.h"

#include "generate/generate.h"
#include "models/model_io.h"
#include "tokenizers/tokenizer.h"
#include "train/chat_prompt.h"
#include "train/run_config.h"
#include "train/trained_model.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace peft::cli {

int run_generate(const std::vector<std::string>& argv) {
    Args args(argv, {"--json", "--greedy", "--raw"});
    configure_threads(args.integer_or("--threads", 0));
    const auto prompt = args.value("--prompt");
    if (!prompt) throw Error("generate needs --prompt TEXT (it may be empty: --prompt \"\")");

    // Either a model folder, or a trained run: its configuration and one of its checkpoints.
    std::string dir;
    Transformer model{nullptr};
    std::unique_ptr<Tokenizer> tokenizer;
    std::optional<data::ChatTemplateKind> run_template;
    if (const auto config = args.value("--config")) {
        const auto checkpoint = args.value("--checkpoint");
        if (!checkpoint) throw Error("--config needs --checkpoint DIR (output_dir/checkpoint-<step> or output_dir/best)");
        const RunConfig run = RunConfig::load(*config);
        TrainedModel trained = load_trained_model(run, *checkpoint);
        dir = run.model_dir;
        model = trained.model;
        tokenizer = std::move(trained.tokenizer);
        if (!args.flag("--raw")) run_template = trained.chat_template;
    } else {
        dir = args.positional_at(0, "MODEL_DIR (or --config RUN.json --checkpoint DIR)");
        LoadOptions load;
        load.head = TaskHead::CausalLM;
        model = load_model(dir, load);
        model->eval();
        tokenizer = load_tokenizer(dir);
    }

    GenerationOptions options;
    options.max_new_tokens = static_cast<int>(args.integer_or("--max-new-tokens", 64));
    if (options.max_new_tokens < 0) throw Error("--max-new-tokens must be 0 or more");
    options.greedy = args.flag("--greedy");
    options.temperature = args.number_or("--temperature", 0.8);
    options.top_k = static_cast<int>(args.integer_or("--top-k", 0));
    options.top_p = args.number_or("--top-p", 0.95);
    options.seed = static_cast<uint64_t>(args.integer_or("--seed", 0));
    options.eos_ids = model->config().eos_token_ids;
    if (tokenizer->eos_id) options.eos_ids.push_back(*tokenizer->eos_id);

    // With a chat template the prompt is the user's instruction, formatted by the same code that
    // builds instruction-tuning examples (train/chat_prompt.h), so the model sees its training format.
    std::vector<int64_t> prompt_ids;
    const auto chat = args.value("--chat-template");
    if (chat || run_template) {
        // An instruction run's own template unless --chat-template names another.
        const auto kind = chat ? data::choose_chat_template(*chat, dir) : *run_template;
        const auto encoder = data::TokenEncoder::from(*tokenizer);
        prompt_ids = chat_prompt_ids(user_turn(*prompt, args.value_or("--input", ""), args.value_or("--system", "")), kind,
                                     encoder);
    } else {
        if (args.value("--input") || args.value("--system"))
            throw Error("--input and --system need --chat-template (or an instruction run's --config)");
        prompt_ids = tokenizer->encode(*prompt, true).ids;
    }
    if (prompt_ids.empty()) throw Error("the prompt encodes to no tokens and the tokenizer adds no BOS: give a non-empty --prompt");
    const auto start = std::chrono::steady_clock::now();
    const std::vector<int64_t> continuation = generate(*model, prompt_ids, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::vector<int64_t> all = prompt_ids;
    all.insert(all.end(), continuation.begin(), continuation.end());
    const std::string text = tokenizer->decode(all);
    if (args.flag("--json")) {
        nlohmann::json j = {{"prompt_ids", prompt_ids}, {"continuation_ids", continuation}, {"text", text},
                            {"seconds", seconds}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        std::cout << text << "\n";
        std::cerr << continuation.size() << " tokens in " << seconds << " s\n";
    }
    return 0;
}

} // namespace peft::cli
