// SPDX-License-Identifier: MIT
// safetensors: a memory-mapped, validated reader and a writer that follows the reference writer.
// Format rules: ../shared/FORMATS.md. Every rule is checked before data is touched.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace peft {

/// Header entry of one tensor.
struct TensorEntry {
    std::string name;
    std::string dtype;            ///< as written: "F32", "BF16", "I64", ...
    std::vector<int64_t> shape;
    uint64_t begin = 0;           ///< offsets relative to the data buffer; end exclusive
    uint64_t end = 0;
};

/// Reads only the header (no mapping of the data): for listing models without loading them.
struct SafetensorsHeader {
    std::vector<TensorEntry> entries;            ///< in file order of offsets
    std::map<std::string, std::string> metadata; ///< __metadata__
    uint64_t header_size = 0;
    uint64_t file_size = 0;
};
SafetensorsHeader read_safetensors_header(const std::string& path);

/// A validated, memory-mapped safetensors file. Move-only; unmaps on destruction.
class SafetensorsFile {
public:
    static SafetensorsFile open(const std::string& path);
    SafetensorsFile(SafetensorsFile&&) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
    ~SafetensorsFile();

    const std::string& path() const;
    const SafetensorsHeader& header() const;
    bool contains(const std::string& name) const;
    const TensorEntry& entry(const std::string& name) const; ///< throws peft::Error naming file and tensor
    std::vector<std::string> names() const;

    /// Copies the tensor out of the mapping, converted to `dtype` (float types convert between
    /// F32/F16/BF16/F64; integer tensors keep integer types unless asked).
    torch::Tensor tensor(const std::string& name, torch::ScalarType dtype) const;
    /// Same, in the stored dtype.
    torch::Tensor tensor(const std::string& name) const;

private:
    struct Impl;
    explicit SafetensorsFile(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Writes tensors as the reference writer does: entries ordered by dtype size descending then by
/// name, header padded with spaces to a multiple of 8, `{"format":"pt"}` metadata (merged with
/// `metadata`). Writes to `path + ".tmp"` and renames, so a failure leaves no partial file.
void write_safetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

/// safetensors dtype name of a torch dtype ("F32", ...); throws for unsupported ones.
std::string safetensors_dtype_name(torch::ScalarType dtype);
torch::ScalarType torch_dtype_from_safetensors(const std::string& name, const std::string& context);

} // namespace peft
