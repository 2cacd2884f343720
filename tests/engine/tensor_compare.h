// SPDX-License-Identifier: MIT
// Comparing tensors in tests: the largest difference relative to the reference's scale, with the
// worst element printed so a failure says where and by how much.
#pragma once

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>

namespace peft::test {

/// max |a − b| / max |b|, computed in double; prints the worst element when it exceeds `tolerance`.
inline double worst_relative(const torch::Tensor& a, const torch::Tensor& b, const char* what, double tolerance) {
    const torch::Tensor da = a.detach().to(torch::kDouble), db = b.detach().to(torch::kDouble);
    const double scale = std::max(db.abs().max().item<double>(), 1e-12);
    const torch::Tensor diff = (da - db).abs() / scale;
    const double worst = diff.max().item<double>();
    if (worst > tolerance) {
        const int64_t i = diff.flatten().argmax().item<int64_t>();
        std::printf("%s: worst relative difference %.3g at flat index %lld (%.7g vs %.7g)\n", what, worst,
                    static_cast<long long>(i), da.flatten()[i].item<double>(), db.flatten()[i].item<double>());
    }
    return worst;
}

} // namespace peft::test
