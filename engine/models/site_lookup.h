// SPDX-License-Identifier: MIT
// Finds a model's SiteInfo by name while the model builds itself (internal to engine/models).
#pragma once

#include "core/error.h"
#include "models/site.h"

#include <map>
#include <string>
#include <vector>

namespace peft {

class SiteLookup {
public:
    explicit SiteLookup(const std::vector<SiteInfo>& sites) {
        for (const auto& s : sites) by_name_[s.name] = &s;
    }
    const SiteInfo& at(const std::string& name) const {
        auto it = by_name_.find(name);
        if (it == by_name_.end()) throw Error("internal: no site description named '" + name + "'");
        return *it->second;
    }
    /// A LinearSite built from its description.
    LinearSite linear(const std::string& name) const {
        const SiteInfo& s = at(name);
        return LinearSite(s, s.in_features, s.out_features, s.has_bias);
    }

private:
    std::map<std::string, const SiteInfo*> by_name_;
};

} // namespace peft
