// SPDX-License-Identifier: MIT
// Models the benchmarks run on: the real stories260K and random Llama configurations.
#pragma once

#include "models/model.h"

#include <string>
#include <vector>

namespace peft::bench {

/// "stories260K" loads ../shared/assets/models/stories260K; "llama50m" and "llama42m" build
/// random Llama models (see bench_models.cpp for their shapes).
Transformer make_bench_model(const std::string& name, TaskHead head, torch::Device device);

std::string assets_dir();

/// The median of timings (the benchmarks' reported figure: robust to a noisy shared machine).
double median(std::vector<double> values);

} // namespace peft::bench
