// SPDX-License-Identifier: MIT
// Where a built demo lives in the cache folder and how a complete one is recognised: a stamp
// file (demo.json) written last, with the format version and the options that shaped it. Builds
// go to a temporary sibling that is renamed into place, so a half-built demo is never seen.
#pragma once

#include "demo/demo.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace peft::demo {

inline constexpr const char* kStampFile = "demo.json";
inline constexpr const char* kModelFolder = "model";
inline constexpr const char* kDataFolder = "data";

/// <cache_dir>/peft-demo-v<kDemoVersion>
std::string demo_root(const std::string& cache_dir);

/// The options that decide the demo's content (not max_seconds, not threads).
nlohmann::json cache_key(const DemoOptions& options);

/// The stamp of a finished build.
nlohmann::json make_stamp(const DemoOptions& options, const DemoResult& built);

/// The demo at `root` when its stamp has this version and key and every file it lists is there.
std::optional<DemoResult> read_complete_demo(const std::string& root, const DemoOptions& options);

/// A new, empty temporary folder beside the demo root, named after this process.
std::string make_partial_folder(const std::string& cache_dir);

/// Removes temporary folders of builds whose process has ended (crashed or killed builds).
void remove_stale_partials(const std::string& cache_dir);

/// Moves a finished build at `partial` to `root`, replacing an outdated demo there. When another
/// process published a complete demo meanwhile, `partial` is removed and theirs kept.
void publish_demo(const std::string& partial, const std::string& root, const DemoOptions& options);

} // namespace peft::demo
