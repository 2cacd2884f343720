// SPDX-License-Identifier: MIT
// ensure_demo: the cache first, a build into a temporary folder otherwise.
#include "demo/demo.h"

#include "core/error.h"
#include "demo/build.h"
#include "demo/demo_cache.h"
#include "demo/files.h"

#include <filesystem>

namespace peft::demo {
namespace {

/// Removes the temporary build folder unless the build was published (cancel, error, exception).
class PartialFolder {
public:
    explicit PartialFolder(std::string path) : path_(std::move(path)) {}
    ~PartialFolder() {
        if (path_.empty()) return;
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    PartialFolder(const PartialFolder&) = delete;
    PartialFolder& operator=(const PartialFolder&) = delete;
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

} // namespace

std::optional<DemoResult> find_demo(const std::string& cache_dir, const DemoOptions& options) {
    return read_complete_demo(demo_root(cache_dir), options);
}

DemoResult ensure_demo(const std::string& cache_dir, const DemoOptions& options, const DemoProgressFn& progress,
                       const std::atomic<bool>* cancel) {
    if (cache_dir.empty()) throw Error("no folder given for the demo model");
    if (auto found = find_demo(cache_dir, options)) {
        if (progress) progress({"done", 0, 0, found->final_loss});
        return *found;
    }
    create_folder(cache_dir);
    remove_stale_partials(cache_dir);
    PartialFolder partial(make_partial_folder(cache_dir));
    const auto built = build_demo(partial.path(), options, progress, cancel);
    if (!built) {
        DemoResult r;
        r.cancelled = true;
        return r;
    }
    const std::string root = demo_root(cache_dir);
    publish_demo(partial.path(), root, options);
    partial.release();
    auto published = read_complete_demo(root, options);
    if (!published) throw Error("the demo built in " + root + " cannot be read back; is the disk full?");
    published->from_cache = false;
    if (progress) progress({"done", published->steps_done, published->steps_done, published->final_loss});
    return *published;
}

} // namespace peft::demo
