// SPDX-License-Identifier: MIT
#include "train/run_setup.h"

#include "data/token_encoder.h"
#include "io/safetensors.h"
#include "io/weight_set.h"
#include "models/model_io.h"
#include "peft/injector.h"
#include "train/optimizer.h"

#include <filesystem>
#include <fstream>

namespace peft {
namespace fs = std::filesystem;
namespace {

torch::Device pick_device(const RunConfig& run) {
    const bool cuda = torch::cuda::is_available();
    switch (run.device) {
    case RunDevice::Cpu: return torch::kCPU;
    case RunDevice::Cuda:
        if (!cuda) throw RunConfigError(run.source, "device", "CUDA is not available on this machine; use \"cpu\" or \"auto\"");
        return torch::Device(torch::kCUDA, 0);
    case RunDevice::Auto: return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    }
    return torch::kCPU;
}

/// Keeps the first `limit` examples (0 = all): quick runs and tests on a slice of a big file.
void keep_first(std::vector<data::Example>& examples, int64_t limit) {
    if (limit > 0 && static_cast<int64_t>(examples.size()) > limit) examples.resize(static_cast<std::size_t>(limit));
}

} // namespace

RunSetup setup_run(const RunConfig& run, const SetupRequest& request) {
    auto status = [&](const std::string& message) {
        if (request.status) request.status(message);
    };
    RunSetup s;
    s.model_config = load_model_config(run.model_dir);
    s.recipe = resolve_recipe(run, s.model_config); // configuration errors first, before slow work
    s.device = pick_device(run);

    status("loading the tokenizer");
    s.tokenizer = load_tokenizer(run.model_dir);
    const auto encoder = data::TokenEncoder::from(*s.tokenizer);

    data::DataConfig data_config = run.data;
    if (request.labels) data_config.labels = request.labels;
    if (!request.data) {
        if (run.is_classification())
            throw Error("a classification run needs its label map to rebuild the head; evaluate it instead");
    } else if (request.train_set) {
        status("tokenizing " + fs::path(run.data.train_file).filename().string() +
               (run.data.eval_file.empty() ? "" : " and " + fs::path(run.data.eval_file).filename().string()));
        s.data = data::prepare_data(data_config, encoder, run.model_dir);
    } else {
        // Evaluation only: the eval file (or the train file) with the run's label map; without a
        // stored map the training file decides it, exactly as in training.
        const std::string& file = run.data.eval_file.empty() ? run.data.train_file : run.data.eval_file;
        if (run.is_classification() && !data_config.labels) {
            status("building the label map from " + fs::path(run.data.train_file).filename().string());
            data_config.labels = data::prepare_file(data_config, run.data.train_file, encoder, run.model_dir).labels;
        }
        status("tokenizing " + fs::path(file).filename().string());
        s.data.eval = data::prepare_file(data_config, file, encoder, run.model_dir,
                                         data_config.labels ? &*data_config.labels : nullptr);
        if (!s.data.eval.labels) s.data.eval.labels = data_config.labels;
    }
    keep_first(s.data.train.examples, run.max_train_examples);
    keep_first(s.data.eval.examples, run.max_eval_examples);
    s.rows_skipped = static_cast<int64_t>(s.data.train.errors.errors().size() + s.data.eval.errors.errors().size());
    if (request.data && request.train_set && s.data.train.examples.empty())
        throw RunConfigError(run.source, "data.train_file",
                             run.data.train_file + " gave no training examples (empty file, or every row skipped?)");

    // The head: classification on the last real token with as many classes as the label map.
    const TaskHead head = run.is_classification() ? TaskHead::SequenceClassification : TaskHead::CausalLM;
    ModelConfig config = s.model_config;
    if (head == TaskHead::SequenceClassification) {
        const auto& labels = s.data.train.labels ? s.data.train.labels : s.data.eval.labels;
        if (!labels || labels->size() < 2)
            throw RunConfigError(run.source, "data.columns.label",
                                 "classification needs at least two labels in the training file");
        s.num_labels = static_cast<int64_t>(labels->size());
        config.num_labels = s.num_labels;
    }
    status("loading the model");
    s.model = build_model(config, head);
    LoadOptions load;
    load.head = head;
    load.init_missing_head = true;
    load.seed = run.seed;
    load_weights(*s.model, WeightSet::open(run.model_dir), load);
    s.model->to(s.device);

    // Right padding; the classification head reads the last token the attention mask keeps.
    s.collate.pad_id = s.tokenizer->pad_id.value_or(s.tokenizer->eos_id.value_or(0));
    inject(*s.model, s.recipe, run.seed);
    return s;
}

void load_trained_weights(TransformerImpl& model, const std::string& checkpoint_dir) {
    const auto path = (fs::path(checkpoint_dir) / "weights.safetensors").string();
    if (!fs::is_regular_file(path))
        throw Error(checkpoint_dir + " is not a checkpoint folder: " + path +
                    " is missing (checkpoints are output_dir/checkpoint-<step> and output_dir/best)");
    const auto file = SafetensorsFile::open(path);
    torch::NoGradGuard no_grad;
    for (const auto& p : named_trainable_parameters(model)) {
        if (!file.contains(p.name))
            throw Error(path + " has no tensor '" + p.name + "': the checkpoint was made with another recipe or model");
        auto value = file.tensor(p.name, p.tensor.scalar_type());
        if (value.sizes() != p.tensor.sizes())
            throw Error(path + ": tensor '" + p.name + "' has another shape than this run's; another recipe or model?");
        p.tensor.copy_(value);
    }
}

nlohmann::json run_record(const RunConfig& run, const RunSetup& setup) {
    nlohmann::json j = run.to_json();
    const auto& labels = setup.data.train.labels ? setup.data.train.labels : setup.data.eval.labels;
    if (labels) j["data"]["labels"] = labels->to_json();
    j["resolved_recipe"] = setup.recipe.to_json();
    return j;
}

std::optional<data::LabelMap> checkpoint_labels(const std::string& checkpoint_dir) {
    for (const auto& dir : {fs::path(checkpoint_dir), fs::path(checkpoint_dir).parent_path()}) {
        std::ifstream in(dir / "run.json");
        if (!in) continue;
        try {
            const auto j = nlohmann::json::parse(in);
            if (j.contains("data") && j["data"].contains("labels")) return data::LabelMap::from_json(j["data"]["labels"]);
        } catch (const std::exception&) {
            // An unreadable record only costs the shortcut: the label map is rebuilt from the data.
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace peft
