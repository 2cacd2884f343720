// SPDX-License-Identifier: MIT
// Precompiled header of the engine (and of engine-side tests and benchmarks).
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
