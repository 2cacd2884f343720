// SPDX-License-Identifier: MIT
// Forward throughput (tokens/s) of the engine's models.
//   bench_forward [--model stories260K|llama50m] [--batch B] [--seq T] [--iters N]
//                 [--threads N] [--dtype f32|bf16] [--device cpu|cuda]
// Prints one human line and one JSON line per configuration.
#include "bench_models.h"

#include "core/blas_kernels.h"
#include "core/error.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace peft;

namespace {

struct Options {
    std::string model = "stories260K";
    int64_t batch = 8;
    int64_t seq = 256;
    int iters = 20;
    int threads = static_cast<int>(std::thread::hardware_concurrency());
    std::string dtype = "f32";
    std::string device = "cpu";
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw Error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--model") o.model = next();
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

} // namespace

int main(int argc, char** argv) try {
    select_native_blas_kernels(argv);
    Options o = parse(argc, argv);
    torch::set_num_threads(o.threads);
    std::printf("# BLAS kernels: %s\n", blas_kernel_name());
    torch::NoGradGuard no_grad;
    torch::Device device(o.device == "cuda" ? torch::kCUDA : torch::kCPU);
    Transformer model = bench::make_bench_model(o.model, TaskHead::CausalLM, device);
    model->eval();
    const bool bf16 = o.dtype == "bf16";
    if (bf16) model->to(torch::kBFloat16);
    int64_t params = 0;
    for (const auto& p : model->parameters()) params += p.numel();

    torch::manual_seed(0);
    const int64_t vocab = model->config().vocab_size;
    ForwardInput input;
    input.input_ids = torch::randint(vocab, {o.batch, o.seq}, torch::TensorOptions().dtype(torch::kLong).device(device));

    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int i = 0; i < 3; ++i) model->forward(input);
    sync();
    std::vector<double> times;
    for (int i = 0; i < o.iters; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto logits = model->forward(input);
        sync();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const double med = bench::median(times);
    const double tokens_per_s = o.batch * o.seq / med;
    std::printf("forward %-12s params %-10lld batch %lld x seq %lld  %s %s threads %d: median %.2f ms, %.0f tokens/s\n",
                o.model.c_str(), static_cast<long long>(params), static_cast<long long>(o.batch),
                static_cast<long long>(o.seq), o.dtype.c_str(), o.device.c_str(), o.threads, med * 1e3, tokens_per_s);
    std::printf("{\"bench\":\"forward\",\"model\":\"%s\",\"params\":%lld,\"batch\":%lld,\"seq\":%lld,\"dtype\":\"%s\","
                "\"device\":\"%s\",\"threads\":%d,\"median_ms\":%.3f,\"tokens_per_s\":%.1f}\n",
                o.model.c_str(), static_cast<long long>(params), static_cast<long long>(o.batch),
                static_cast<long long>(o.seq), o.dtype.c_str(), o.device.c_str(), o.threads, med * 1e3, tokens_per_s);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_forward: " << e.what() << "\n";
    return 1;
}
