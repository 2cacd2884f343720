// SPDX-License-Identifier: MIT
#include "args.h"

#include "core/error.h"

#include <algorithm>

namespace peft::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& flags) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a;
        std::optional<std::string> inline_value;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
        }
        if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            flags_set_.push_back(name);
            continue;
        }
        if (inline_value) {
            values_[name].push_back(*inline_value);
        } else {
            if (i + 1 >= argv.size()) throw Error("option " + name + " needs a value");
            values_[name].push_back(argv[++i]);
        }
    }
}

std::string Args::positional_at(size_t index, const std::string& what) const {
    if (index >= positional_.size()) throw Error("missing argument: " + what);
    return positional_[index];
}

bool Args::flag(const std::string& name) const {
    return std::find(flags_set_.begin(), flags_set_.end(), name) != flags_set_.end();
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

long long Args::integer_or(const std::string& name, long long fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        long long n = std::stoll(*v, &used);
        if (used != v->size()) throw std::invalid_argument("trailing");
        return n;
    } catch (const std::exception&) {
        throw Error("option " + name + " expects a whole number, got '" + *v + "'");
    }
}

double Args::number_or(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        double n = std::stod(*v, &used);
        if (used != v->size()) throw std::invalid_argument("trailing");
        return n;
    } catch (const std::exception&) {
        throw Error("option " + name + " expects a number, got '" + *v + "'");
    }
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

} // namespace peft::cli
