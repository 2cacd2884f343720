// SPDX-License-Identifier: MIT
#include "data/shuffle.h"

#include <numeric>
#include <utility>

namespace peft::data {

uint64_t SplitMix64::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t SplitMix64::below(uint64_t bound) {
    // Values below `threshold` would make some residues more likely; 2^64 mod bound of them.
    const uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const uint64_t r = next();
        if (r >= threshold)
            return r % bound;
    }
}

std::vector<std::size_t> shuffled_indices(std::size_t n, uint64_t seed) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitMix64 rng(seed);
    for (std::size_t i = n; i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

std::vector<std::size_t> epoch_order(std::size_t n, uint64_t seed, uint64_t epoch) {
    // Mix the epoch through one SplitMix64 step so nearby seeds/epochs give unrelated streams.
    SplitMix64 mix(seed ^ (epoch * 0xD1B54A32D192ED03ULL));
    return shuffled_indices(n, mix.next());
}

} // namespace peft::data
