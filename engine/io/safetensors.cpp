// SPDX-License-Identifier: MIT
// safetensors reader: every rule of the format is checked on the header before any tensor data
// is read, so a corrupt or hostile file gives an error naming the file and tensor, never a crash.
#include "io/safetensors.h"

#include "core/error.h"
#include "io/safetensors_header.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace peft {

struct SafetensorsFile::Impl {
    std::string path;
    SafetensorsHeader header;
    std::map<std::string, size_t> by_name;
    const uint8_t* data = nullptr; ///< start of the mapping
    size_t mapped = 0;
    int fd = -1;

    ~Impl() {
        if (data && mapped) munmap(const_cast<uint8_t*>(data), mapped);
        if (fd >= 0) close(fd);
    }
};

SafetensorsFile::SafetensorsFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

SafetensorsFile SafetensorsFile::open(const std::string& path) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (impl->fd < 0) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    struct stat st {};
    if (fstat(impl->fd, &st) != 0) throw Error(path + ": cannot read file size (" + std::strerror(errno) + ")");
    const auto file_size = static_cast<uint64_t>(st.st_size);
    if (file_size > 0) {
        void* p = mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, impl->fd, 0);
        if (p == MAP_FAILED) throw Error(path + ": cannot map the file (" + std::strerror(errno) + ")");
        impl->data = static_cast<const uint8_t*>(p);
        impl->mapped = file_size;
    }
    impl->header = parse_safetensors_header(impl->data, file_size, path);
    for (size_t i = 0; i < impl->header.entries.size(); ++i) impl->by_name[impl->header.entries[i].name] = i;
    return SafetensorsFile(std::move(impl));
}

const std::string& SafetensorsFile::path() const { return impl_->path; }
const SafetensorsHeader& SafetensorsFile::header() const { return impl_->header; }
bool SafetensorsFile::contains(const std::string& name) const { return impl_->by_name.count(name) > 0; }

const TensorEntry& SafetensorsFile::entry(const std::string& name) const {
    auto it = impl_->by_name.find(name);
    if (it == impl_->by_name.end()) throw Error(impl_->path + ": no tensor named '" + name + "'");
    return impl_->header.entries[it->second];
}

std::vector<std::string> SafetensorsFile::names() const {
    std::vector<std::string> out;
    out.reserve(impl_->header.entries.size());
    for (const auto& e : impl_->header.entries) out.push_back(e.name);
    return out;
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const {
    const TensorEntry& e = entry(name);
    const torch::ScalarType stored = torch_dtype_from_safetensors(e.dtype, impl_->path + ": tensor '" + name + "'");
    torch::Tensor out = torch::empty(e.shape, torch::TensorOptions().dtype(stored));
    const uint64_t bytes = e.end - e.begin;
    if (bytes > 0) {
        const uint8_t* src = impl_->data + 8 + impl_->header.header_size + e.begin;
        // memcpy: the mapping may be unaligned for the element type and goes away with the file.
        std::memcpy(out.data_ptr(), src, bytes);
    }
    return out;
}

torch::Tensor SafetensorsFile::tensor(const std::string& name, torch::ScalarType dtype) const {
    torch::Tensor t = tensor(name);
    if (t.scalar_type() == dtype) return t;
    return t.to(dtype);
}

SafetensorsHeader read_safetensors_header(const std::string& path) {
    // Reads only the 8-byte length and the header, then validates them against the file size.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        close(fd);
        throw Error(path + ": cannot read file size");
    }
    const auto file_size = static_cast<uint64_t>(st.st_size);
    std::vector<uint8_t> prefix(std::min<uint64_t>(file_size, 8));
    ssize_t got = prefix.empty() ? 0 : pread(fd, prefix.data(), prefix.size(), 0);
    if (got == 8) {
        uint64_t n = 0;
        std::memcpy(&n, prefix.data(), 8);
        if (n <= kMaxSafetensorsHeader && 8 + n <= file_size) {
            prefix.resize(8 + n);
            got = pread(fd, prefix.data() + 8, n, 8);
            if (got != static_cast<ssize_t>(n)) prefix.resize(8);
        }
    }
    close(fd);
    return parse_safetensors_header(prefix.data(), file_size, path, prefix.size());
}

} // namespace peft
