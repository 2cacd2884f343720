// SPDX-License-Identifier: MIT
#include "args.h"
#include "commands.h"

#include "core/error.h"

#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace peft::cli {

int run_tokenize(const std::vector<std::string>& argv) {
    Args args(argv, {"--json", "--no-special-tokens"});
    const std::string dir = args.positional_at(0, "MODEL_DIR");
    const auto text = args.value("--text");
    if (!text) throw Error("tokenize needs --text TEXT");
    auto tokenizer = load_tokenizer(dir);
    const Encoding enc = tokenizer->encode(*text, !args.flag("--no-special-tokens"));
    const std::string decoded = tokenizer->decode(enc.ids);
    if (args.flag("--json")) {
        nlohmann::json j = {{"tokenizer", tokenizer->kind()}, {"ids", enc.ids}, {"tokens", enc.tokens},
                            {"decoded", decoded}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::cout << "tokenizer " << tokenizer->kind() << ", " << enc.ids.size() << " tokens\n";
    for (size_t i = 0; i < enc.ids.size(); ++i)
        std::cout << enc.ids[i] << "\t" << (i < enc.tokens.size() ? enc.tokens[i] : std::string()) << "\n";
    return 0;
}

} // namespace peft::cli
