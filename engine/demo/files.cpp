// SPDX-License-Identifier: MIT
#include "demo/files.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace peft::demo {

void write_text_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot create " + path + " (" + std::strerror(errno) + "): is the folder writable?");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    // A short write is how a full disk shows up; say so, since the message is all the user sees.
    if (!out) throw Error("cannot write " + path + ": is the disk full? (" + std::to_string(content.size()) + " bytes)");
}

void write_json_file(const std::string& path, const nlohmann::json& j) { write_text_file(path, j.dump(2) + "\n"); }

void create_folder(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error("cannot create the folder " + dir + " (" + ec.message() + ")");
}

} // namespace peft::demo
