// SPDX-License-Identifier: MIT
#include "train/checkpoint.h"

#include "core/error.h"
#include "io/safetensors.h"

#include <ATen/CPUGeneratorImpl.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <type_traits>

namespace peft {
namespace fs = std::filesystem;
namespace {

constexpr const char* kWeights = "weights.safetensors";
constexpr const char* kState = "state.safetensors";
constexpr const char* kProgress = "trainer_state.json";
constexpr const char* kRngName = "__rng_state__";

// The optimizer keys its state by the parameter's TensorImpl: a string of the pointer in LibTorch
// 1.x, the pointer itself in 2.x. This picks the right one at compile time.
// LibTorch 1.x's key: the pointer as c10::guts::to_string wrote it (an ostream's "0x..."); 2.x
// removed that helper.
std::string pointer_string(const void* p) {
    std::ostringstream s;
    s << p;
    return s.str();
}

template <typename Map>
typename Map::key_type state_key(const torch::Tensor& p) {
    if constexpr (std::is_same_v<typename Map::key_type, std::string>)
        return pointer_string(p.unsafeGetTensorImpl());
    else
        return p.unsafeGetTensorImpl();
}

torch::Tensor to_cpu(const torch::Tensor& t) { return t.detach().to(torch::kCPU).contiguous(); }

} // namespace

torch::Tensor cpu_rng_state() {
    at::Generator generator = at::detail::getDefaultCPUGenerator(); // a handle: shares the state
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void set_cpu_rng_state(const torch::Tensor& state) {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

void save_checkpoint(const std::string& dir, const std::vector<NamedParameter>& params,
                     torch::optim::AdamW& optimizer, const TrainProgress& progress, const nlohmann::json& config) {
    const std::string tmp = dir + ".tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) throw Error("cannot create checkpoint folder " + tmp + ": " + ec.message());

    std::vector<std::pair<std::string, torch::Tensor>> weights;
    std::vector<std::pair<std::string, torch::Tensor>> state;
    nlohmann::json steps = nlohmann::json::object();
    using Map = std::remove_reference_t<decltype(optimizer.state())>;
    for (const auto& p : params) {
        weights.emplace_back(p.name, to_cpu(p.tensor));
        auto it = optimizer.state().find(state_key<Map>(p.tensor));
        if (it == optimizer.state().end()) continue; // no step taken yet
        auto& s = static_cast<torch::optim::AdamWParamState&>(*it->second);
        steps[p.name] = s.step();
        state.emplace_back(p.name + ".exp_avg", to_cpu(s.exp_avg()));
        state.emplace_back(p.name + ".exp_avg_sq", to_cpu(s.exp_avg_sq()));
        if (s.max_exp_avg_sq().defined()) state.emplace_back(p.name + ".max_exp_avg_sq", to_cpu(s.max_exp_avg_sq()));
    }
    state.emplace_back(kRngName, cpu_rng_state());
    write_safetensors((fs::path(tmp) / kWeights).string(), weights);
    write_safetensors((fs::path(tmp) / kState).string(), state);

    nlohmann::json json = {{"step", progress.step},
                           {"epoch", progress.epoch},
                           {"batch_index", progress.batch_index},
                           {"has_best", progress.has_best},
                           {"best_eval_loss", progress.best_eval_loss},
                           {"best_step", progress.best_step},
                           {"optimizer_steps", steps},
                           {"config", config}};
    {
        std::ofstream out(fs::path(tmp) / kProgress);
        out << json.dump(2) << '\n';
        if (!out) throw Error("cannot write " + (fs::path(tmp) / kProgress).string());
    }
    fs::remove_all(dir, ec);
    fs::rename(tmp, dir, ec);
    if (ec) throw Error("cannot move checkpoint " + tmp + " to " + dir + ": " + ec.message());
}

TrainProgress load_checkpoint(const std::string& dir, const std::vector<NamedParameter>& params,
                              torch::optim::AdamW& optimizer) {
    const std::string progress_path = (fs::path(dir) / kProgress).string();
    std::ifstream in(progress_path);
    if (!in) throw Error("cannot resume: " + progress_path + " is missing (not a checkpoint folder?)");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error("cannot resume: " + progress_path + " is not valid JSON: " + e.what());
    }
    TrainProgress progress;
    try {
        progress.step = json.at("step").get<int64_t>();
        progress.epoch = json.at("epoch").get<int64_t>();
        progress.batch_index = json.at("batch_index").get<int64_t>();
        progress.has_best = json.value("has_best", false);
        progress.best_eval_loss = json.value("best_eval_loss", 0.0);
        progress.best_step = json.value("best_step", int64_t{0});
    } catch (const nlohmann::json::exception& e) {
        throw Error("cannot resume: " + progress_path + ": " + e.what());
    }
    const auto steps = json.value("optimizer_steps", nlohmann::json::object());

    auto weights = SafetensorsFile::open((fs::path(dir) / kWeights).string());
    auto state = SafetensorsFile::open((fs::path(dir) / kState).string());
    using Map = std::remove_reference_t<decltype(optimizer.state())>;
    torch::NoGradGuard no_grad;
    for (const auto& p : params) {
        if (!weights.contains(p.name))
            throw Error("cannot resume: " + weights.path() + " has no tensor '" + p.name +
                        "' (was the checkpoint made with another recipe?)");
        auto w = weights.tensor(p.name);
        if (w.sizes() != p.tensor.sizes())
            throw Error("cannot resume: tensor '" + p.name + "' in " + weights.path() + " has another shape");
        p.tensor.copy_(w);
        if (!steps.contains(p.name)) continue;
        auto s = std::make_unique<torch::optim::AdamWParamState>();
        s->step(steps.at(p.name).get<int64_t>());
        auto load = [&](const std::string& name) {
            return state.tensor(name).to(p.tensor.device(), p.tensor.scalar_type());
        };
        s->exp_avg(load(p.name + ".exp_avg"));
        s->exp_avg_sq(load(p.name + ".exp_avg_sq"));
        if (state.contains(p.name + ".max_exp_avg_sq")) s->max_exp_avg_sq(load(p.name + ".max_exp_avg_sq"));
        optimizer.state()[state_key<Map>(p.tensor)] = std::move(s);
    }
    if (!state.contains(kRngName)) throw Error("cannot resume: " + state.path() + " has no RNG state");
    set_cpu_rng_state(state.tensor(kRngName));
    return progress;
}

} // namespace peft
