// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

#include "core/error.h"

#include "generate/generate.h"
#include "models/model_io.h"
#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

namespace peft::cli {

int run_generate(const std::vector<std::string>& argv) {
    Args args(argv, {"--json", "--greedy"});
    configure_threads(args.integer_or("--threads", 0));
    const std::string dir = args.positional_at(0, "MODEL_DIR");
    const auto prompt = args.value("--prompt");
    if (!prompt) throw Error("generate needs --prompt TEXT (it may be empty: --prompt \"\")");

    LoadOptions load;
    load.head = TaskHead::CausalLM;
    Transformer model = load_model(dir, load);
    model->eval();
    auto tokenizer = load_tokenizer(dir);

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

    const std::vector<int64_t> prompt_ids = tokenizer->encode(*prompt, true).ids;
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
