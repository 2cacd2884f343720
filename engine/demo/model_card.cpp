// SPDX-License-Identifier: MIT
#include "demo/model_card.h"

#include <cstdio>

namespace peft::demo {
namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace

std::string model_card(const DemoOptions& o, const DemoResult& r, int64_t vocab_size, int64_t parameters) {
    std::string s;
    s += "---\nlicense: mit\nlibrary_name: transformers\ntags:\n- peft-studio\n- demo\n---\n\n";
    s += "# PEFT Studio demo model\n\n";
    s += "This is the **PEFT Studio demo model**: a tiny Llama that PEFT Studio builds on your computer the first "
         "time you open the studio, so that there is something real to compose and train with nothing "
         "downloaded. It is not useful for anything else.\n\n";
    s += "It was pretrained from scratch on short stories generated from a small grammar of characters, "
         "places, things and feelings (\"Lily lost her red ball...\"). It writes such stories and little else.\n\n";
    s += "## How it was made\n\n";
    s += "| | |\n|---|---|\n";
    s += "| architecture | LlamaForCausalLM, " + std::to_string(o.layers) + " layers, hidden size " +
         std::to_string(o.hidden_size) + ", " + std::to_string(o.heads) + " heads |\n";
    s += "| parameters | " + std::to_string(parameters) + " |\n";
    s += "| tokenizer | byte-level BPE learned on the corpus, " + std::to_string(vocab_size) + " tokens |\n";
    s += "| corpus | " + std::to_string(o.stories) + " generated stories (seed " + std::to_string(o.seed) + ") |\n";
    s += "| training | " + std::to_string(r.steps_done) + " steps of " + std::to_string(o.batch_size) + " x " +
         std::to_string(o.block_size) + " tokens, AdamW, peak lr " + fixed(o.lr, 4) + ", cosine schedule |\n";
    s += "| held-out loss | " + fixed(r.initial_loss, 3) + " before, " + fixed(r.final_loss, 3) + " after (perplexity " +
         fixed(r.final_perplexity, 2) + ") |\n\n";
    s += "The folder beside it (`../data`) holds two small datasets from the same grammar for trying PEFT "
         "methods: `demo-sentiment.csv` (text,label: positive/negative) and `demo-stories.txt` (fables with a "
         "title and a lesson, a style the model has not seen).\n";
    return s;
}

} // namespace peft::demo
