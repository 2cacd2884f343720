// SPDX-License-Identifier: MIT
// How long the Runs page takes to open a large project and draw it: 100 runs × 10,000 step points
// (+ 100 evaluations each) written to a temp project (not timed; reported separately), then, with
// a fresh ProjectStore and page each time: store.open() → runs loaded and shown (table filled,
// scatter replotted) → the default-checked runs' points loaded and their curves replotted → the
// page painted (grab). Then every run is checked and drawn. Three repetitions; the median is
// printed. Run under QT_QPA_PLATFORM=offscreen:
//   QT_QPA_PLATFORM=offscreen build/bin/bench_runs_page [runs] [points per run]
#include "project/project_database.h"
#include "project/project_store.h"
#include "runs/run_overlay_chart.h"
#include "runs/runs_page.h"
#include "widgets/qcustomplot_include.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace peft::project;
using peft::runs::RunsPage;

namespace {

const char* const kMethods[] = {"lora", "houlsby", "prefix", "bitfit", "ia3"};

/// Spins the event loop until `done` holds (checked after each signal of `sender`), or 60 s.
template <typename Signal>
bool waitFor(const typename QtPrivate::FunctionPointer<Signal>::Object* sender, Signal signal,
             const std::function<bool()>& done) {
    if (done()) return true;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        if (done()) loop.quit();
    });
    QTimer::singleShot(60000, &loop, [&] { loop.exit(1); });
    return loop.exec() == 0;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

bool writeProject(const QString& path, int runs, int points, int evals) {
    ProjectDatabase db;
    if (!db.open(path, ProjectDatabase::OpenMode::CreateNew)) {
        std::fprintf(stderr, "%s\n", qPrintable(db.lastError()));
        return false;
    }
    for (int r = 0; r < runs; ++r) {
        NewRun run;
        run.name = QStringLiteral("run-%1").arg(r + 1, 3, 10, QLatin1Char('0'));
        run.method = QString::fromLatin1(kMethods[r % 5]);
        run.config = QJsonObject{{QStringLiteral("method"), run.method}, {QStringLiteral("lr"), 1e-4 * (1 + r % 7)},
                                 {QStringLiteral("seed"), r}};
        run.examplesPerStep = 32;
        const qint64 id = db.createRun(run);
        if (id <= 0) return false;
        db.markRunStarted(id);
        const qint64 trainable = 2000 + 997 * ((r * 37) % 100);
        db.setRunSetup(id, QStringLiteral("classification"), trainable, 7'000'000, points, 67'000);
        QList<StepRecord> steps;
        steps.reserve(points);
        for (int i = 1; i <= points; ++i) {
            StepRecord s;
            s.step = i;
            s.loss = 0.3 + 2.0 / std::sqrt(double(i)) * (1 + 0.01 * (r % 10)) + 0.05 * std::sin(i * 0.37 + r);
            s.lr = 1e-4 * std::min(1.0, i / 500.0);
            s.gradNorm = 1.0 + 0.1 * std::cos(i * 0.11);
            s.tokensPerSecond = 5000;
            s.samplesPerSecond = 100;
            s.elapsed = 0.05 * i;
            s.tokensSeen = qint64(i) * 1024 + (i * 13) % 97;
            steps << s;
        }
        db.begin();
        db.appendSteps(id, steps);
        for (int e = 1; e <= evals; ++e) {
            EvalRecord ev;
            ev.step = qint64(e) * points / evals;
            ev.accuracy = 0.5 + 0.4 * (1 - std::exp(-e / 20.0)) * (0.8 + 0.002 * (r % 100));
            ev.loss = 1 - ev.accuracy;
            db.appendEval(id, ev);
        }
        db.commit();
        db.markRunEnded(id, r % 17 == 5 ? RunStatus::Interrupted : RunStatus::Finished);
    }
    db.checkpointWal();
    db.close();
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
    const int points = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10000;
    const int evals = std::min(100, points);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.peftproj"));

    QElapsedTimer timer;
    timer.start();
    if (!writeProject(path, runs, points, evals)) return 1;
    std::printf("generate: %d runs x %d step points (+%d evals each) in %.0f ms (not part of the timings)\n", runs, points,
                evals, double(timer.elapsed()));

    QList<double> tRuns, tSeries, tDrawn, tAllSeries, tAllDrawn;
    for (int rep = 0; rep < 3; ++rep) {
        ProjectStore store;
        store.setWatchInterval(0);
        RunsPage page;
        page.resize(1360, 860);
        page.show();
        QCoreApplication::processEvents();
        int shownRuns = -1, drawnCurves = -1;
        QObject::connect(&page, &RunsPage::runsShown, &page, [&](int n) { shownRuns = n; });
        QObject::connect(&page, &RunsPage::curvesShown, &page, [&](int n) { drawnCurves = n; });
        const int defaultChecked = std::min(runs, 10);

        timer.restart();
        page.setStore(&store);
        store.open(path, false);
        if (!waitFor(&page, &RunsPage::runsShown, [&] { return shownRuns == runs; })) {
            std::fprintf(stderr, "runs never shown\n");
            return 1;
        }
        const double runsMs = timer.nsecsElapsed() / 1e6;
        if (!waitFor(&page, &RunsPage::curvesShown, [&] { return drawnCurves == defaultChecked; })) {
            std::fprintf(stderr, "curves never shown\n");
            return 1;
        }
        const double seriesMs = timer.nsecsElapsed() / 1e6;
        QCoreApplication::processEvents(); // the queued replots
        const QPixmap picture = page.grab();
        const double drawnMs = timer.nsecsElapsed() / 1e6;
        if (picture.isNull()) return 1;

        drawnCurves = -1;
        timer.restart();
        QList<qint64> all;
        for (int i = 0; i < runs; ++i) all << i + 1; // ids 1..runs in a fresh project
        page.setCheckedRuns(all);
        if (!waitFor(&page, &RunsPage::curvesShown, [&] { return drawnCurves == runs; })) {
            std::fprintf(stderr, "all curves never shown\n");
            return 1;
        }
        const double allSeriesMs = timer.nsecsElapsed() / 1e6;
        QCoreApplication::processEvents();
        const QPixmap allPicture = page.grab();
        const double allDrawnMs = timer.nsecsElapsed() / 1e6;
        if (allPicture.isNull()) return 1;
        qint64 drawnPoints = 0;
        QCustomPlot* plot = page.curves()->plot();
        for (int g = 0; g < plot->graphCount(); ++g) drawnPoints += plot->graph(g)->dataCount();
        std::printf("rep %d: open→runs shown %.0f ms, →%d default curves loaded+replotted %.0f ms, →page painted %.0f ms | "
                    "check all %d: loaded+replotted %.0f ms, painted %.0f ms (%lld points on the chart)\n",
                    rep + 1, runsMs, defaultChecked, seriesMs, drawnMs, runs, allSeriesMs, allDrawnMs,
                    static_cast<long long>(drawnPoints));
        tRuns << runsMs;
        tSeries << seriesMs;
        tDrawn << drawnMs;
        tAllSeries << allSeriesMs;
        tAllDrawn << allDrawnMs;
    }
    std::printf("median of 3: open→runs shown %.0f ms, →default curves %.0f ms, open-and-draw %.0f ms; "
                "check all and draw %.0f ms (loaded %.0f ms)\n",
                median(tRuns), median(tSeries), median(tDrawn), median(tAllDrawn), median(tAllSeries));
    return 0;
}
