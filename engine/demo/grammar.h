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

/// Fables for the causal-LM task, one line each: "Title: ...", a short story and "The lesson: ..."
/// that follows from it. A format the pretraining corpus does not have, in its words, so a LoRA
/// visibly learns it in a minute.
std::vector<std::string> make_fables(int64_t count, uint64_t seed);

struct LabeledText {
    std::string text;
    std::string label; ///< "positive" or "negative"
};

/// Sentiment sentences, about half positive and half negative (in random order). The label follows
/// from the feeling words, some negated ("was not happy"), some turning ("sad at first, but then
/// happy": the last feeling counts).
std::vector<LabeledText> make_sentiment(int64_t count, uint64_t seed);

} // namespace peft::demo
