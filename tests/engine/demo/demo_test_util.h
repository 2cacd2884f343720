// SPDX-License-Identifier: MIT
// Shared helpers of the demo tests: options small enough to build in a few seconds on 2 cores.
#pragma once

#include "demo/demo.h"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace peft::test {

/// A demo that builds in about a second or two: tiny corpus, model and budget.
inline demo::DemoOptions tiny_demo_options() {
    demo::DemoOptions o;
    o.seed = 7;
    o.stories = 240;
    o.vocab_size = 400;
    o.hidden_size = 32;
    o.layers = 2;
    o.heads = 2;
    o.block_size = 64;
    o.batch_size = 8;
    o.max_steps = 40;
    o.lr = 5e-3;
    o.sentiment_train = 200;
    o.sentiment_dev = 40;
    o.fables_train = 30;
    o.fables_dev = 10;
    return o;
}

/// A fresh empty folder under the system temp directory, removed at the end of the test.
class TempFolder {
public:
    explicit TempFolder(const std::string& tag)
        : path_(std::filesystem::temp_directory_path() / ("peft-demo-test-" + tag + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    std::string str() const { return path_.string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace peft::test
