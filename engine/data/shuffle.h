// SPDX-License-Identifier: MIT
// Deterministic shuffling with our own generator, so an order depends only on the seed and never
// on the standard library's distributions (which differ between implementations).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace peft::data {

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, passes BigCrush, fully specified.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next();
    /// Uniform in [0, bound) without modulo bias (rejection sampling); bound > 0.
    uint64_t below(uint64_t bound);

private:
    uint64_t state_;
};

/// 0..n-1 in a Fisher–Yates order drawn from SplitMix64(seed).
std::vector<std::size_t> shuffled_indices(std::size_t n, uint64_t seed);

/// The order of epoch `epoch` (0-based): a distinct but reproducible permutation per epoch.
std::vector<std::size_t> epoch_order(std::size_t n, uint64_t seed, uint64_t epoch);

} // namespace peft::data
