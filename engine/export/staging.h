// SPDX-License-Identifier: MIT
// A folder written in full beside its target and renamed into place (internal to engine/export):
// a failure at any point, a full disk included, leaves neither a partial export nor a stray
// temporary folder, and an existing export is replaced only by a complete, verified one.
#pragma once

#include <string>

namespace peft::exporting {

class StagingDir {
public:
    /// Checks the target (an existing non-empty folder needs `overwrite`) and creates the
    /// temporary folder ".<name>.tmp-<pid>-<n>" beside it. Throws peft::Error naming the folder.
    StagingDir(const std::string& target, bool overwrite);
    ~StagingDir(); ///< removes the temporary folder unless committed
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;

    const std::string& path() const { return temp_; }
    std::string file(const std::string& name) const;
    /// Renames the temporary folder to the target (replacing an old export when allowed).
    void commit();

private:
    std::string target_;
    std::string temp_;
    bool overwrite_ = false;
    bool committed_ = false;
};

} // namespace peft::exporting
