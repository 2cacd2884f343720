// SPDX-License-Identifier: MIT
// The demo's text: tiny stories from a small grammar of characters, places, things and feelings.
// Deterministic for a seed on every platform (our own generator, no std distributions).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace peft::demo {

/// Pretraining stories, one paragraph each (~420 bytes), ASCII.
std::vector<std::string> make_stories(int64_t count, uint64_t seed);

/// Fables for the causal-LM task: a "Title:" line, a short story and a closing "The lesson:"
/// line. A style the pretraining corpus does not have, so a LoRA visibly learns it.
std::vector<std::string> make_fables(int64_t count, uint64_t seed);

struct LabeledText {
    std::string text;
    std::string label; ///< "positive" or "negative"
};

/// Sentiment sentences, half positive and half negative (in random order). The label follows
/// from the feeling words, some negated ("was not happy").
std::vector<LabeledText> make_sentiment(int64_t count, uint64_t seed);

} // namespace peft::demo
