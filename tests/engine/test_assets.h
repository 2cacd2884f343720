// SPDX-License-Identifier: MIT
// Where the shared real assets are. Tests fail (never skip) when they are missing.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace peft::test {

inline std::string assets_dir() {
    const char* env = std::getenv("PEFT_ASSETS_DIR");
    std::string dir = env && *env ? env : PEFT_ASSETS_DIR_DEFAULT;
    if (!std::filesystem::exists(dir + "/models/stories260K/config.json"))
        throw std::runtime_error("test assets not found at '" + dir +
                                 "': set PEFT_ASSETS_DIR to ../shared/assets");
    return dir;
}

inline std::string model_dir(const std::string& name) { return assets_dir() + "/models/" + name; }
inline std::string golden(const std::string& name) { return assets_dir() + "/goldens/" + name; }

/// A fresh temporary directory for one test.
inline std::filesystem::path temp_dir(const std::string& tag) {
    auto dir = std::filesystem::temp_directory_path() /
               ("peft-test-" + tag + "-" + std::to_string(std::rand()) + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace peft::test
