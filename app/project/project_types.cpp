// SPDX-License-Identifier: MIT
#include "project/project_types.h"

namespace peft::project {

QString runStatusName(RunStatus status) {
    switch (status) {
    case RunStatus::Queued: return QStringLiteral("queued");
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Paused: return QStringLiteral("paused");
    case RunStatus::Finished: return QStringLiteral("finished");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

RunStatus runStatusFromName(const QString& name) {
    for (RunStatus s : {RunStatus::Queued, RunStatus::Running, RunStatus::Paused, RunStatus::Finished,
                        RunStatus::Cancelled, RunStatus::Failed, RunStatus::Interrupted})
        if (runStatusName(s) == name) return s;
    return RunStatus::Failed;
}

} // namespace peft::project
