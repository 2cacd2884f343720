// SPDX-License-Identifier: MIT
// Training-step throughput: forward, causal-LM loss, backward and one AdamW update, for a PEFT
// method on a benchmark model. bench/reference/train_step_reference.py is the PyTorch peer (same
// shapes, same method definitions); bench/train_step_compare.sh runs both side by side.
//   bench_train_step [--model stories260K|llama42m|llama50m] [--method lora|adapter|prefix|full]
//                    [--batch B] [--seq T] [--iters N] [--threads N] [--dtype f32|bf16]
//                    [--device cpu|cuda]
// Methods (identical in the reference): lora = r 8, alpha 16 on q and v; adapter = one
// sequential bottleneck after the FFN (Pfeiffer, r = width/16, ReLU); prefix = 10 key/value
// vectors per layer; full = every weight.
#include "bench_models.h"

#include "core/blas_kernels.h"
#include "core/error.h"
#include "peft/injector.h"
#include "peft/recipe.h"
#include "train/loss.h"
#include "train/optimizer.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace peft;

namespace {

struct Options {
    std::string model = "stories260K";
    std::string method = "lora";
    int64_t batch = 32;
    int64_t seq = 64;
    int iters = 20;
    int threads = static_cast<int>(std::thread::hardware_concurrency());
    std::string dtype = "f32";
    std::string device = "cpu";
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw Error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--model") o.model = next();
        else if (a == "--method") o.method = next();
        else if (a == "--batch") o.batch = std::stoll(next());
        else if (a == "--seq") o.seq = std::stoll(next());
        else if (a == "--iters") o.iters = std::stoi(next());
        else if (a == "--threads") o.threads = std::stoi(next());
        else if (a == "--dtype") o.dtype = next();
        else if (a == "--device") o.device = next();
        else throw Error("unknown option " + a);
    }
    return o;
}

Recipe method_recipe(const std::string& method) {
    ModuleSpec m;
    m.name = method;
    if (method == "lora") {
        m.kind = ModuleKind::LowRank;
        m.sites = {"q", "v"};
        m.r = 8;
        m.alpha = 16;
    } else if (method == "adapter") {
        m.kind = ModuleKind::Bottleneck;
        m.sites = {"ffn_out"};
        m.insertion = Insertion::Sequential;
        m.reduction_factor = 16;
        m.activation = Activation::ReLU;
        m.init = AdapterInit::Lora;
    } else if (method == "prefix") {
        m.kind = ModuleKind::Prefix;
        m.sites = {"kv"};
        m.length = 10;
    } else if (method == "full") {
        m.kind = ModuleKind::Unfreeze;
        m.sites = {"all"};
    } else {
        throw Error("unknown method '" + method + "' (lora, adapter, prefix, full)");
    }
    Recipe r;
    r.name = method;
    r.modules.push_back(m);
    return r;
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

} // namespace

int main(int argc, char** argv) try {
    select_native_blas_kernels(argv);
    const Options o = parse(argc, argv);
    torch::set_num_threads(o.threads);
    std::printf("# BLAS kernels: %s\n", blas_kernel_name());
    const torch::Device device(o.device == "cuda" ? torch::kCUDA : torch::kCPU);
    Transformer model = bench::make_bench_model(o.model, TaskHead::CausalLM, device);
    inject(*model, method_recipe(o.method), 0);
    model->to(device);
    model->train();
    const bool bf16 = o.dtype == "bf16";
    if (bf16) model->to(torch::kBFloat16);
    const auto [total, trainable] = count_parameters(*model);

    OptimizerConfig opt;
    opt.lr = 1e-4;
    auto adamw = make_adamw(named_trainable_parameters(*model), opt);

    torch::manual_seed(0);
    const int64_t vocab = model->config().vocab_size;
    ForwardInput input;
    input.input_ids = torch::randint(vocab, {o.batch, o.seq}, torch::TensorOptions().dtype(torch::kLong).device(device));
    const torch::Tensor labels = input.input_ids;
    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    auto step = [&] {
        adamw->zero_grad();
        LossResult loss = batch_loss(*model, input, labels);
        loss.loss.backward();
        adamw->step();
    };
    for (int i = 0; i < 3; ++i) step();
    sync();
    std::vector<double> times;
    for (int i = 0; i < o.iters; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        step();
        sync();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const double med = bench::median(times);
    const double tokens_per_s = static_cast<double>(o.batch * o.seq) / med;
    const double peak_mib = device.is_cuda() ? -1.0 : peak_rss_mib();
    std::printf("train step %-12s %-8s trainable %lld / %lld  batch %lld x seq %lld  %s %s threads %d: median %.2f ms, "
                "%.0f tokens/s, peak RSS %.0f MiB\n",
                o.model.c_str(), o.method.c_str(), static_cast<long long>(trainable), static_cast<long long>(total),
                static_cast<long long>(o.batch), static_cast<long long>(o.seq), o.dtype.c_str(), o.device.c_str(),
                o.threads, med * 1e3, tokens_per_s, peak_mib);
    std::printf("{\"bench\":\"train_step\",\"impl\":\"peft-studio\",\"model\":\"%s\",\"method\":\"%s\",\"trainable\":%lld,"
                "\"total\":%lld,\"batch\":%lld,\"seq\":%lld,\"dtype\":\"%s\",\"device\":\"%s\",\"threads\":%d,"
                "\"median_ms\":%.3f,\"tokens_per_s\":%.1f,\"peak_rss_mib\":%.1f}\n",
                o.model.c_str(), o.method.c_str(), static_cast<long long>(trainable), static_cast<long long>(total),
                static_cast<long long>(o.batch), static_cast<long long>(o.seq), o.dtype.c_str(), o.device.c_str(),
                o.threads, med * 1e3, tokens_per_s, peak_mib);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_train_step: " << e.what() << "\n";
    return 1;
}
