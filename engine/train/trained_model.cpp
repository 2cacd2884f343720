// SPDX-License-Identifier: MIT
#include "train/trained_model.h"

#include "train/run_setup.h"

namespace peft {

TrainedModel load_trained_model(const RunConfig& run, const std::string& checkpoint_dir) {
    SetupRequest request;
    request.data = false; // generation needs no dataset
    RunSetup setup = setup_run(run, request);
    load_trained_weights(*setup.model, checkpoint_dir);
    setup.model->eval();
    TrainedModel out;
    out.model = setup.model;
    out.tokenizer = std::move(setup.tokenizer);
    const auto format = run.data.format;
    if (format == data::DataFormat::Alpaca || format == data::DataFormat::ShareGpt || format == data::DataFormat::Messages)
        out.chat_template = data::choose_chat_template(run.data.chat_template, run.model_dir);
    return out;
}

} // namespace peft
