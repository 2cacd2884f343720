// SPDX-License-Identifier: MIT
#include "export/staging.h"

#include "core/error.h"

#include <atomic>
#include <filesystem>
#include <unistd.h>

namespace peft::exporting {
namespace fs = std::filesystem;
namespace {

bool is_empty_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

} // namespace

StagingDir::StagingDir(const std::string& target, bool overwrite) : target_(target), overwrite_(overwrite) {
    if (target.empty()) throw Error("export: no output folder given");
    fs::path out = fs::path(target).lexically_normal();
    if (out.filename().empty()) out = out.parent_path(); // "dir/" -> "dir"
    target_ = out.string();
    std::error_code ec;
    if (fs::exists(out, ec)) {
        if (!fs::is_directory(out, ec))
            throw Error("export: " + target_ + " exists and is not a folder; choose another output folder");
        if (!overwrite && !is_empty_dir(out))
            throw Error("export: " + target_ + " exists and is not empty; choose a new folder or allow overwriting (--overwrite)");
    }
    fs::path parent = out.parent_path();
    if (parent.empty()) parent = ".";
    fs::create_directories(parent, ec);
    if (ec) throw Error("export: cannot create the folder " + parent.string() + ": " + ec.message());
    // Beside the target, so the final rename stays on one file system (atomic, no copy).
    static std::atomic<int> counter{0};
    const fs::path temp = parent / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(counter++));
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec) || ec)
        throw Error("export: cannot write in " + parent.string() + " (" +
                    (ec ? ec.message() : std::string("folder exists")) + "); choose a writable output folder");
    temp_ = temp.string();
}

StagingDir::~StagingDir() {
    if (committed_ || temp_.empty()) return;
    std::error_code ec;
    fs::remove_all(temp_, ec); // best effort: a destructor must not throw
}

std::string StagingDir::file(const std::string& name) const { return (fs::path(temp_) / name).string(); }

void StagingDir::commit() {
    std::error_code ec;
    if (fs::exists(target_, ec)) {
        // Checked again: the folder may have been filled since the constructor looked.
        if (!overwrite_ && !is_empty_dir(target_))
            throw Error("export: " + target_ + " was filled while exporting; nothing was replaced");
        fs::remove_all(target_, ec);
        if (ec) throw Error("export: cannot replace " + target_ + ": " + ec.message());
    }
    fs::rename(temp_, target_, ec);
    if (ec) throw Error("export: cannot move " + temp_ + " to " + target_ + ": " + ec.message());
    committed_ = true;
}

} // namespace peft::exporting
