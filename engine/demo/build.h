// SPDX-License-Identifier: MIT
// Building the demo into an empty folder: corpus, tokenizer, pretraining, model folder, datasets
// and, last, the stamp (LibTorch).
#pragma once

#include "demo/demo.h"

#include <atomic>
#include <optional>
#include <string>

namespace peft::demo {

/// Builds everything into `dir` (existing, empty) and returns what was built, with paths inside
/// `dir`; std::nullopt when cancelled (the folder is then incomplete and has no stamp).
std::optional<DemoResult> build_demo(const std::string& dir, const DemoOptions& options,
                                     const DemoProgressFn& progress, const std::atomic<bool>* cancel);

} // namespace peft::demo
