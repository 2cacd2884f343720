// SPDX-License-Identifier: MIT
#include "demo/demo_cache.h"

#include "core/error.h"
#include "demo/datasets.h"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#define PEFT_DEMO_HAVE_PIDS 1
#endif

namespace peft::demo {
namespace fs = std::filesystem;
namespace {

using json = nlohmann::json;

std::string partial_prefix() { return ".peft-demo-v" + std::to_string(kDemoVersion) + ".partial-"; }

long current_pid() {
#ifdef PEFT_DEMO_HAVE_PIDS
    return static_cast<long>(::getpid());
#else
    return 0;
#endif
}

/// Whether process `pid` may still be building. Unknown means alive: never delete a live build.
bool process_alive(long pid) {
#ifdef PEFT_DEMO_HAVE_PIDS
    if (pid <= 0) return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
#else
    (void)pid;
    return true;
#endif
}

/// The files a complete demo has, relative to its root.
std::vector<std::string> demo_files() {
    const std::string m = std::string(kModelFolder) + "/", d = std::string(kDataFolder) + "/";
    return {m + "config.json",         m + "model.safetensors",          m + "tokenizer.json",
            m + "tokenizer_config.json", m + "special_tokens_map.json", m + "README.md",
            d + kSentimentTrain,       d + kSentimentDev,                d + kStoriesTrain,
            d + kStoriesDev};
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove_all(p, ec); // best effort: a leftover is retried by the next call
}

} // namespace

std::string demo_root(const std::string& cache_dir) {
    return (fs::path(cache_dir) / ("peft-demo-v" + std::to_string(kDemoVersion))).string();
}

json cache_key(const DemoOptions& o) {
    return {{"seed", o.seed},
            {"max_steps", o.max_steps},
            {"stories", o.stories},
            {"vocab_size", o.vocab_size},
            {"hidden_size", o.hidden_size},
            {"layers", o.layers},
            {"heads", o.heads},
            {"block_size", o.block_size},
            {"batch_size", o.batch_size},
            {"lr", o.lr},
            {"sentiment_train", o.sentiment_train},
            {"sentiment_dev", o.sentiment_dev},
            {"fables_train", o.fables_train},
            {"fables_dev", o.fables_dev}};
}

json make_stamp(const DemoOptions& options, const DemoResult& built) {
    return {{"version", kDemoVersion},
            {"key", cache_key(options)},
            {"steps_done", built.steps_done},
            {"initial_loss", built.initial_loss},
            {"final_loss", built.final_loss},
            {"final_perplexity", built.final_perplexity},
            {"build_seconds", built.build_seconds},
            {"files", demo_files()}};
}

std::optional<DemoResult> read_complete_demo(const std::string& root_dir, const DemoOptions& options) {
    const fs::path root(root_dir);
    std::ifstream in(root / kStampFile);
    if (!in) return std::nullopt;
    json stamp;
    try {
        stamp = json::parse(in);
        if (stamp.at("version").get<int>() != kDemoVersion || stamp.at("key") != cache_key(options))
            return std::nullopt;
        for (const auto& file : stamp.at("files")) {
            std::error_code ec;
            const auto size = fs::file_size(root / file.get<std::string>(), ec);
            if (ec || size == 0) return std::nullopt;
        }
        DemoResult r;
        r.from_cache = true;
        r.root = root.string();
        r.model_dir = (root / kModelFolder).string();
        const fs::path data = root / kDataFolder;
        r.sentiment_train = (data / kSentimentTrain).string();
        r.sentiment_dev = (data / kSentimentDev).string();
        r.stories_train = (data / kStoriesTrain).string();
        r.stories_dev = (data / kStoriesDev).string();
        r.steps_done = stamp.at("steps_done").get<int64_t>();
        r.initial_loss = stamp.at("initial_loss").get<double>();
        r.final_loss = stamp.at("final_loss").get<double>();
        r.final_perplexity = stamp.at("final_perplexity").get<double>();
        r.build_seconds = stamp.at("build_seconds").get<double>();
        return r;
    } catch (const json::exception&) {
        return std::nullopt; // a damaged stamp is an incomplete demo: rebuilt
    }
}

std::string make_partial_folder(const std::string& cache_dir) {
    static std::atomic<int> counter{0}; // two builds in one process get two folders
    for (;;) {
        const fs::path p = fs::path(cache_dir) /
                           (partial_prefix() + std::to_string(current_pid()) + "-" + std::to_string(counter++));
        std::error_code ec;
        if (fs::exists(p, ec)) continue;
        if (!fs::create_directories(p, ec) || ec)
            throw Error("cannot create the folder " + p.string() + " (" + ec.message() + "): is " + cache_dir +
                        " writable?");
        return p.string();
    }
}

void remove_stale_partials(const std::string& cache_dir) {
    std::error_code ec;
    const std::string prefix = partial_prefix();
    for (const auto& entry : fs::directory_iterator(cache_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        long pid = 0;
        try {
            pid = std::stol(rest.substr(0, rest.find('-')));
        } catch (const std::exception&) {
            continue; // not one of ours
        }
        if (pid != current_pid() && !process_alive(pid)) remove_quietly(entry.path());
    }
}

void publish_demo(const std::string& partial, const std::string& root, const DemoOptions& options) {
    std::error_code ec;
    if (fs::exists(root, ec)) {
        if (read_complete_demo(root, options)) { // another process finished first: keep theirs
            remove_quietly(partial);
            return;
        }
        // Outdated or damaged: move it aside first, so the rename below never meets a non-empty folder.
        const std::string aside = partial + ".old";
        fs::rename(root, aside, ec);
        if (ec) throw Error("cannot replace the outdated demo in " + root + " (" + ec.message() + ")");
        remove_quietly(aside);
    }
    fs::rename(partial, root, ec);
    if (ec) {
        if (read_complete_demo(root, options)) { // lost a race to another process
            remove_quietly(partial);
            return;
        }
        throw Error("cannot move the finished demo from " + partial + " to " + root + " (" + ec.message() + ")");
    }
}

} // namespace peft::demo
