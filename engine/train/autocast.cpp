// SPDX-License-Identifier: MIT
#include "train/autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace peft {

// LibTorch 1.x has set_cpu_enabled / set_enabled; 2.4+ has per-device-type switches. Versions in
// between are left in full precision rather than guessing at their API.
#if TORCH_VERSION_MAJOR == 1
#define PEFT_AUTOCAST_V1 1
#elif TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define PEFT_AUTOCAST_V2 1
#endif

AutocastScope::AutocastScope(bool enable, const torch::Device& device) {
    if (!enable) return;
#if defined(PEFT_AUTOCAST_V1)
    if (device.is_cpu()) {
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
        cpu_ = true;
    } else if (device.is_cuda()) {
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
        cuda_ = true;
    }
#elif defined(PEFT_AUTOCAST_V2)
    if (device.is_cpu() || device.is_cuda()) {
        at::autocast::set_autocast_dtype(device.type(), at::kBFloat16);
        at::autocast::set_autocast_enabled(device.type(), true);
        (device.is_cpu() ? cpu_ : cuda_) = true;
    }
#else
    (void)device;
#endif
}

AutocastScope::~AutocastScope() {
#if defined(PEFT_AUTOCAST_V1)
    if (cpu_) at::autocast::set_cpu_enabled(false);
    if (cuda_) at::autocast::set_enabled(false);
    if (cpu_ || cuda_) at::autocast::clear_cache();
#elif defined(PEFT_AUTOCAST_V2)
    if (cpu_) at::autocast::set_autocast_enabled(at::kCPU, false);
    if (cuda_) at::autocast::set_autocast_enabled(at::kCUDA, false);
    if (cpu_ || cuda_) at::autocast::clear_cache();
#endif
}

} // namespace peft
