// SPDX-License-Identifier: MIT
// safetensors writer following the reference (Rust) writer, so Python loaders accept the files:
// tensors ordered by dtype size descending then name, header padded with spaces to a multiple of
// 8, {"format":"pt"} metadata. Written to a temporary file and renamed into place.
#include "io/safetensors.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace peft {
namespace {

class FileWriter {
public:
    explicit FileWriter(std::string path) : path_(std::move(path)) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd_ < 0) throw Error(path_ + ": cannot create (" + std::strerror(errno) + ")");
    }
    ~FileWriter() {
        if (fd_ >= 0) ::close(fd_);
    }
    void write(const void* data, size_t size) {
        const auto* p = static_cast<const uint8_t*>(data);
        while (size > 0) {
            ssize_t n = ::write(fd_, p, size);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw Error(path_ + ": write failed (" + std::strerror(errno) + "); is the disk full?");
            }
            p += n;
            size -= static_cast<size_t>(n);
        }
    }
    void finish() {
        if (::fsync(fd_) != 0) throw Error(path_ + ": cannot flush to disk (" + std::strerror(errno) + ")");
        if (::close(fd_) != 0) {
            fd_ = -1;
            throw Error(path_ + ": cannot close (" + std::strerror(errno) + ")");
        }
        fd_ = -1;
    }

private:
    std::string path_;
    int fd_ = -1;
};

} // namespace

std::string safetensors_dtype_name(torch::ScalarType dtype) {
    switch (dtype) {
    case torch::kFloat: return "F32";
    case torch::kHalf: return "F16";
    case torch::kBFloat16: return "BF16";
    case torch::kDouble: return "F64";
    case torch::kLong: return "I64";
    case torch::kInt: return "I32";
    case torch::kShort: return "I16";
    case torch::kChar: return "I8";
    case torch::kByte: return "U8";
    case torch::kBool: return "BOOL";
    default: break;
    }
    throw Error(std::string("cannot store dtype ") + c10::toString(dtype) + " in safetensors");
}

torch::ScalarType torch_dtype_from_safetensors(const std::string& name, const std::string& context) {
    if (name == "F32") return torch::kFloat;
    if (name == "F16") return torch::kHalf;
    if (name == "BF16") return torch::kBFloat16;
    if (name == "F64") return torch::kDouble;
    if (name == "I64") return torch::kLong;
    if (name == "I32") return torch::kInt;
    if (name == "I16") return torch::kShort;
    if (name == "I8") return torch::kChar;
    if (name == "U8") return torch::kByte;
    if (name == "BOOL") return torch::kBool;
    throw Error(context + ": dtype " + name + " cannot be loaded (supported: F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL)");
}

void write_safetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
    struct Item {
        std::string name;
        torch::Tensor tensor;
        std::string dtype;
    };
    std::vector<Item> items;
    items.reserve(tensors.size());
    for (const auto& [name, t] : tensors) {
        if (!t.defined()) throw Error(path + ": tensor '" + name + "' is undefined");
        for (const auto& other : items)
            if (other.name == name) throw Error(path + ": tensor '" + name + "' given twice");
        // Python loaders are only tested against F32/F16/BF16 weights (FORMATS.md); integer types are
        // allowed for index/mask tensors. Anything else must be converted by the caller on purpose.
        const auto st = t.scalar_type();
        if (st == torch::kDouble || !(st == torch::kFloat || st == torch::kHalf || st == torch::kBFloat16 ||
                                      c10::isIntegralType(st, /*includeBool=*/true)))
            throw Error(path + ": tensor '" + name + "' has dtype " + c10::toString(st) +
                        ", which is not written to safetensors (convert it to float32, float16 or bfloat16)");
        torch::Tensor cpu = t.detach().to(torch::kCPU).contiguous();
        items.push_back({name, cpu, safetensors_dtype_name(cpu.scalar_type())});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        const auto sa = a.tensor.element_size(), sb = b.tensor.element_size();
        return sa != sb ? sa > sb : a.name < b.name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    meta["format"] = "pt";
    for (const auto& [k, v] : metadata) meta[k] = v;
    header["__metadata__"] = meta;
    uint64_t offset = 0;
    for (const auto& item : items) {
        const uint64_t bytes = static_cast<uint64_t>(item.tensor.numel()) * item.tensor.element_size();
        header[item.name] = {{"dtype", item.dtype},
                             {"shape", item.tensor.sizes().vec()},
                             {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text;
    try {
        text = header.dump();
    } catch (const nlohmann::json::exception& e) {
        // nlohmann refuses names that are not valid UTF-8; safetensors headers must be UTF-8.
        throw Error(path + ": a tensor name or metadata value is not valid UTF-8 (" + std::string(e.what()) + ")");
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    const std::string tmp = path + ".tmp";
    try {
        FileWriter out(tmp);
        const uint64_t n = text.size();
        out.write(&n, 8);
        out.write(text.data(), text.size());
        for (const auto& item : items)
            if (item.tensor.numel() > 0) out.write(item.tensor.data_ptr(), item.tensor.numel() * item.tensor.element_size());
        out.finish();
        if (std::rename(tmp.c_str(), path.c_str()) != 0)
            throw Error(path + ": cannot move the written file into place (" + std::strerror(errno) + ")");
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw;
    }
}

} // namespace peft
