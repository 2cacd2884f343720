// SPDX-License-Identifier: MIT
#include "runs/run_format.h"

#include <QLocale>

#include <cmath>

namespace peft::runs {

using project::RunStatus;

QString RunFormat::statusText(RunStatus status) {
    switch (status) {
    case RunStatus::Queued: return tr("Queued");
    case RunStatus::Running: return tr("Running");
    case RunStatus::Paused: return tr("Paused");
    case RunStatus::Finished: return tr("Finished");
    case RunStatus::Cancelled: return tr("Cancelled");
    case RunStatus::Failed: return tr("Failed");
    case RunStatus::Interrupted: return tr("Interrupted");
    }
    return tr("Failed");
}

QColor RunFormat::statusColor(RunStatus status) {
    switch (status) {
    case RunStatus::Running: return QColor(29, 111, 194);
    case RunStatus::Paused: return QColor(180, 120, 0);
    case RunStatus::Failed: return QColor(200, 30, 30);
    case RunStatus::Interrupted: return QColor(214, 96, 0);
    case RunStatus::Queued:
    case RunStatus::Cancelled: return QColor(128, 128, 128);
    case RunStatus::Finished: break;
    }
    return {};
}

bool RunFormat::statusIsAlarming(RunStatus status) { return status == RunStatus::Failed || status == RunStatus::Interrupted; }

bool RunFormat::canResume(RunStatus status) { return status == RunStatus::Interrupted || status == RunStatus::Cancelled; }

bool RunFormat::usesPerplexity(const project::RunSummary& run) {
    if (!run.bestMetricName.isEmpty()) return run.bestMetricName == QLatin1String("perplexity");
    return run.task == QLatin1String("causal_lm");
}

double RunFormat::bestMetricValue(const project::RunSummary& run) {
    return usesPerplexity(run) ? run.bestMetric : 100.0 * run.bestMetric;
}

QString RunFormat::bestMetric(const project::RunSummary& run) {
    if (run.bestMetricName.isEmpty()) return {};
    const QLocale locale;
    if (usesPerplexity(run)) return tr("ppl %1").arg(locale.toString(run.bestMetric, 'f', 1));
    if (run.bestMetricName == QLatin1String("accuracy"))
        return tr("accuracy %1 %").arg(locale.toString(100.0 * run.bestMetric, 'f', 1));
    return QStringLiteral("%1 %2").arg(run.bestMetricName, locale.toString(run.bestMetric, 'g', 4));
}

QString RunFormat::metricAxisTitle(bool perplexity) { return perplexity ? tr("perplexity") : tr("accuracy (%)"); }

QString RunFormat::duration(double seconds) {
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString RunFormat::percent(double value) {
    const QLocale locale;
    // Two significant digits below 1 %, one decimal above: 0.0031 %, 0.12 %, 3.4 %, 100.0 %.
    const QString number = value > 0 && value < 1 ? locale.toString(value, 'g', 2) : locale.toString(value, 'f', 1);
    return tr("%1 %").arg(number);
}

QColor RunFormat::seriesColor(int index) {
    // Tableau 10 and its lighter companions: distinct on light and dark backgrounds.
    static const QRgb colors[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
                                  0xbcbd22, 0x17becf, 0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94,
                                  0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};
    constexpr int n = int(sizeof(colors) / sizeof(colors[0]));
    return QColor(colors[((index % n) + n) % n]);
}

} // namespace peft::runs
