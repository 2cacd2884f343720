// SPDX-License-Identifier: MIT
#include "train/schedule.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace peft {

double Schedule::lr_at(int64_t step) const {
    // Same shape as transformers' get_linear_schedule_with_warmup / get_cosine_schedule_with_warmup:
    // warmup multiplies by step / warmup, decay by the remaining fraction of the post-warmup steps.
    if (warmup_steps > 0 && step < warmup_steps)
        return base_lr * static_cast<double>(step) / static_cast<double>(warmup_steps);
    if (kind == ScheduleKind::Constant) return base_lr;
    const double span = static_cast<double>(std::max<int64_t>(1, total_steps - warmup_steps));
    const double progress = std::clamp(static_cast<double>(step - warmup_steps) / span, 0.0, 1.0);
    if (kind == ScheduleKind::Linear) return base_lr * (1.0 - progress);
    return base_lr * 0.5 * (1.0 + std::cos(M_PI * progress));
}

ScheduleKind schedule_kind_from_name(const std::string& name) {
    if (name == "constant") return ScheduleKind::Constant;
    if (name == "linear") return ScheduleKind::Linear;
    if (name == "cosine") return ScheduleKind::Cosine;
    throw Error("unknown learning-rate schedule '" + name + "' (use constant, linear or cosine)");
}

const char* schedule_kind_name(ScheduleKind kind) {
    switch (kind) {
    case ScheduleKind::Constant: return "constant";
    case ScheduleKind::Linear: return "linear";
    case ScheduleKind::Cosine: return "cosine";
    }
    return "linear";
}

} // namespace peft
