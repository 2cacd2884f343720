// SPDX-License-Identifier: MIT
// Learning-rate schedules. Plain functions of the step, so a resumed run recomputes the same rate.
#pragma once

#include <cstdint>
#include <string>

namespace peft {

enum class ScheduleKind {
    Constant,     ///< lr at every step (after the warmup, if any)
    Linear,       ///< linear warmup, then linear decay to 0 at the last step (Houlsby et al.)
    Cosine,       ///< linear warmup, then half-cosine decay to 0
};

struct Schedule {
    ScheduleKind kind = ScheduleKind::Linear;
    double base_lr = 1e-3;
    int64_t warmup_steps = 0;
    int64_t total_steps = 1;

    /// Learning rate for optimizer step `step` (0-based): the rate used to compute that update.
    double lr_at(int64_t step) const;
};

ScheduleKind schedule_kind_from_name(const std::string& name); ///< "constant", "linear", "cosine"; throws peft::Error
const char* schedule_kind_name(ScheduleKind kind);

} // namespace peft
