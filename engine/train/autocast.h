// SPDX-License-Identifier: MIT
// bfloat16 autocast for one scope, where the LibTorch in use has the C++ switches.
#pragma once

#include <torch/torch.h>

namespace peft {

/// Enables bfloat16 autocast for `device` while alive when `enable` is set. A LibTorch without
/// the switches this code knows leaves the scope in full precision (silently, by design).
class AutocastScope {
public:
    AutocastScope(bool enable, const torch::Device& device);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool cpu_ = false;
    bool cuda_ = false;
};

} // namespace peft
