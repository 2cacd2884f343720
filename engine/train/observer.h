// SPDX-License-Identifier: MIT
// What the training loop reports (StepMetrics, EvalMetrics through a TrainObserver) and the flags
// another thread uses to steer it (TrainControl). Plain types, no LibTorch: the Qt training
// controller and the CLI include this without the trainer.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace peft {

struct StepMetrics {
    int64_t step = 0;          ///< optimizer steps done (1 after the first update)
    double loss = 0;           ///< mean training loss of this step's micro-batches
    double lr = 0;             ///< rate used for this update
    double grad_norm = 0;      ///< total gradient norm before clipping
    double tokens_per_s = 0;   ///< input tokens (non-padding) per second over this step
    double samples_per_s = 0;
    int64_t tokens = 0;        ///< input tokens (non-padding) in this step, all micro-batches
    double elapsed = 0;        ///< seconds since the run (or resumed run) started
};

struct EvalMetrics {
    int64_t step = 0;
    double loss = 0;
    double accuracy = 0;   ///< classification only
    double f1 = 0;         ///< classification only
    double matthews = 0;   ///< classification only
    double perplexity = 0; ///< causal LM only
};

/// Callbacks from the training thread. Default implementations do nothing.
class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void on_started(int64_t /*first_step*/, int64_t /*total_steps*/) {}
    virtual void on_step(const StepMetrics& /*metrics*/) {}
    virtual void on_eval(const EvalMetrics& /*metrics*/) {}
    virtual void on_checkpoint(const std::string& /*path*/, int64_t /*step*/) {}
    virtual void on_finished(int64_t /*steps_done*/, bool /*cancelled*/) {}
    virtual void on_failed(const std::string& /*message*/) {}
};

/// Flags another thread sets; the loop reads them before every micro-batch.
struct TrainControl {
    std::atomic<bool> cancel{false};
    std::atomic<bool> pause{false};
};

} // namespace peft
