// SPDX-License-Identifier: MIT
// `import ADAPTER_DIR --model MODEL_DIR [--eval CONFIG | --generate PROMPT]`: loads a PEFT,
// AdapterHub or studio adapter onto its base model, and evaluates or generates with it.
#include "args.h"
#include "commands.h"

#include "core/error.h"
#include "data/collate.h"
#include "data/prepare.h"
#include "data/token_encoder.h"
#include "export/import.h"
#include "generate/generate.h"
#include "peft/injector.h"
#include "tokenizers/tokenizer.h"
#include "train/run_config.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace peft::cli {
namespace {

nlohmann::json evaluate_imported(TransformerImpl& model, const std::string& config_path, const std::string& model_dir) {
    const RunConfig run = RunConfig::load(config_path);
    const auto tokenizer = load_tokenizer(model_dir);
    const auto encoder = data::TokenEncoder::from(*tokenizer);
    const std::string& file = run.data.eval_file.empty() ? run.data.train_file : run.data.eval_file;
    auto dataset = data::prepare_file(run.data, file, encoder, model_dir, run.data.labels ? &*run.data.labels : nullptr);
    if (run.max_eval_examples > 0 && static_cast<int64_t>(dataset.examples.size()) > run.max_eval_examples)
        dataset.examples.resize(static_cast<std::size_t>(run.max_eval_examples));
    if (dataset.examples.empty()) throw Error(file + " gave no examples to evaluate");
    data::CollateOptions collate;
    collate.pad_id = tokenizer->pad_id.value_or(tokenizer->eos_id.value_or(0));
    const bool classification = model.head() == TaskHead::SequenceClassification;
    const int64_t batch = run.eval_batch_size > 0 ? run.eval_batch_size : run.training.batch_size;
    const EvalMetrics m = evaluate(model, dataset.examples, collate, batch, classification ? model.config().num_labels : 0);
    nlohmann::json j = {{"examples", dataset.examples.size()}, {"loss", m.loss}};
    if (classification) j.update({{"accuracy", m.accuracy}, {"f1", m.f1}, {"matthews", m.matthews}});
    else j["perplexity"] = m.perplexity;
    return j;
}

/// Logits of one sequence (comma-separated ids), flattened: for comparing with Python's PEFT
/// (tests/python/check_peft_export.py).
nlohmann::json logits_for(TransformerImpl& model, const std::string& text) {
    std::vector<int64_t> ids;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        try {
            ids.push_back(std::stoll(text.substr(start, comma - start)));
        } catch (const std::exception&) {
            throw Error("--logits expects comma-separated token ids, e.g. 1,42,7 (got '" + text + "')");
        }
        start = comma + 1;
    }
    torch::NoGradGuard no_grad;
    ForwardInput input;
    input.input_ids = torch::tensor(ids, torch::kLong).unsqueeze(0);
    const torch::Tensor logits = model.forward(input).to(torch::kCPU, torch::kDouble).contiguous();
    const double* data = logits.data_ptr<double>();
    return {{"shape", logits.sizes().vec()}, {"values", std::vector<double>(data, data + logits.numel())}};
}

} // namespace

int run_import(const std::vector<std::string>& argv) {
    Args args(argv, {"--json"});
    configure_threads(args.integer_or("--threads", 0));
    const std::string adapter = args.positional_at(0, "ADAPTER_DIR");
    const auto model_dir = args.value("--model");
    if (!model_dir) throw Error("import needs --model MODEL_DIR (the adapter's base model)");
    const auto eval_config = args.value("--eval");
    const auto prompt = args.value("--generate");
    if (eval_config && prompt) throw Error("give --eval CONFIG or --generate PROMPT, not both");

    ImportedAdapter imported = import_adapter(adapter, *model_dir);
    const auto [total, trainable] = count_parameters(*imported.model);
    nlohmann::json j = {{"event", "import"},          {"adapter", adapter},
                        {"format", imported.format},   {"peft_type", imported.peft_type},
                        {"tensors", imported.tensors}, {"adapter_parameters", trainable},
                        {"all_parameters", total}};
    nlohmann::json modules = nlohmann::json::array();
    for (const auto& m : imported.recipe.modules) modules.push_back(m.name + " (" + module_kind_name(m.kind) + ")");
    j["modules"] = modules;

    if (const auto ids = args.value("--logits")) j["logits"] = logits_for(*imported.model, *ids);
    if (eval_config) j["eval"] = evaluate_imported(*imported.model, *eval_config, *model_dir);
    if (prompt) {
        if (imported.model->head() != TaskHead::CausalLM) throw Error("--generate needs a causal-LM adapter; this one classifies");
        const auto tokenizer = load_tokenizer(*model_dir);
        const auto ids = tokenizer->encode(*prompt, true).ids;
        if (ids.empty()) throw Error("the prompt encodes to no tokens: give a non-empty --generate PROMPT");
        GenerationOptions options;
        options.greedy = true; // an import check should be reproducible
        options.max_new_tokens = static_cast<int>(args.integer_or("--max-new-tokens", 32));
        options.eos_ids = imported.model->config().eos_token_ids;
        if (tokenizer->eos_id) options.eos_ids.push_back(*tokenizer->eos_id);
        std::vector<int64_t> all = ids;
        const auto continuation = generate(*imported.model, ids, options);
        all.insert(all.end(), continuation.begin(), continuation.end());
        j["text"] = tokenizer->decode(all);
    }
    if (args.flag("--json")) {
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::cout << "imported " << imported.format << " adapter " << adapter
              << (imported.peft_type.empty() ? "" : " (" + imported.peft_type + ")") << " onto " << *model_dir << "\n"
              << "  " << imported.tensors << " tensors, " << trainable << " adapter parameters of " << total << "\n";
    for (const auto& m : modules) std::cout << "  module " << m.get<std::string>() << "\n";
    if (j.contains("eval"))
        for (const auto& [key, value] : j["eval"].items()) std::cout << "  " << key << " " << value.dump() << "\n";
    if (j.contains("text")) std::cout << j["text"].get<std::string>() << "\n";
    return 0;
}

} // namespace peft::cli
