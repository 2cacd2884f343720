// SPDX-License-Identifier: MIT
#include "io/safetensors_header.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>

namespace peft {
namespace {

using json = nlohmann::json;

std::string shape_string(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i) s += ",";
        s += std::to_string(shape[i]);
    }
    return s + "]";
}

TensorEntry parse_entry(const std::string& name, const json& value, const std::string& path) {
    const std::string where = path + ": tensor '" + name + "'";
    if (!value.is_object()) throw Error(where + ": header entry is not an object");
    TensorEntry e;
    e.name = name;
    auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string()) throw Error(where + ": missing or non-string 'dtype'");
    e.dtype = dtype->get<std::string>();
    if (safetensors_dtype_bits(e.dtype) == 0) throw Error(where + ": unknown dtype '" + e.dtype + "'");

    auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array()) throw Error(where + ": missing or non-array 'shape'");
    for (const auto& d : *shape) {
        // is_number_integer excludes floats such as 2.5; huge unsigned values read as negative.
        if (!d.is_number_integer() || d.get<int64_t>() < 0)
            throw Error(where + ": shape " + shape->dump() + " must hold non-negative integers");
        e.shape.push_back(d.get<int64_t>());
    }
    auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
        throw Error(where + ": 'data_offsets' must be two non-negative integers [begin, end]");
    e.begin = (*offsets)[0].get<uint64_t>();
    e.end = (*offsets)[1].get<uint64_t>();
    if (e.end < e.begin)
        throw Error(where + ": data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) + "] end before they begin");

    // Element count with overflow checks: a hostile shape must not wrap around.
    uint64_t numel = 1;
    uint64_t bits = 0;
    for (int64_t d : e.shape) {
        if (__builtin_mul_overflow(numel, static_cast<uint64_t>(d), &numel))
            throw Error(where + ": shape " + shape_string(e.shape) + " is too large");
    }
    if (__builtin_mul_overflow(numel, static_cast<uint64_t>(safetensors_dtype_bits(e.dtype)), &bits) ||
        numel > static_cast<uint64_t>(INT64_MAX))
        throw Error(where + ": shape " + shape_string(e.shape) + " is too large");
    const uint64_t have = e.end - e.begin;
    if (bits % 8 != 0 || bits / 8 != have) {
        throw Error(where + ": has " + std::to_string(have) + " bytes but shape " + shape_string(e.shape) + " of " +
                    e.dtype + " needs " + std::to_string(bits / 8) + " bytes");
    }
    return e;
}

} // namespace

int safetensors_dtype_bits(const std::string& d) {
    static const std::pair<const char*, int> table[] = {
        {"BOOL", 8}, {"U8", 8}, {"I8", 8}, {"F8_E5M2", 8}, {"F8_E4M3", 8}, {"F8_E8M0", 8},
        {"I16", 16}, {"U16", 16}, {"F16", 16}, {"BF16", 16}, {"I32", 32}, {"U32", 32}, {"F32", 32},
        {"F64", 64}, {"I64", 64}, {"U64", 64}, {"C64", 64}, {"F4", 4}, {"F6_E2M3", 6}, {"F6_E3M2", 6}};
    for (const auto& [name, bits] : table)
        if (d == name) return bits;
    return 0;
}

SafetensorsHeader parse_safetensors_header(const uint8_t* data, uint64_t file_size, const std::string& path,
                                           uint64_t available) {
    available = std::min(available, file_size);
    if (file_size < 8)
        throw Error(path + ": file is " + std::to_string(file_size) +
                    " bytes, too short for a safetensors file (it starts with an 8-byte header length); "
                    "the file is truncated or not safetensors");
    uint64_t n = 0;
    std::memcpy(&n, data, 8); // little-endian on every platform we build for
    if (n > kMaxSafetensorsHeader)
        throw Error(path + ": header length " + std::to_string(n) + " is absurd (limit " +
                    std::to_string(kMaxSafetensorsHeader) + "); the file is corrupt or not safetensors");
    if (8 + n > file_size)
        throw Error(path + ": header length " + std::to_string(n) + " points past the end of the file (" +
                    std::to_string(file_size) + " bytes); the file is truncated or corrupt");
    if (8 + n > available) throw Error(path + ": could not read the " + std::to_string(n) + "-byte header");

    const char* text = reinterpret_cast<const char*>(data + 8);
    // The reference reader insists on '{' first; anything else is not a safetensors header.
    if (n == 0 || text[0] != '{')
        throw Error(path + ": header does not start with '{' (" + (n == 0 ? std::string("it is empty") :
                    "first byte is " + std::to_string(static_cast<unsigned char>(text[0]))) +
                    "); the file is corrupt or not safetensors");
    // Duplicate names are legal JSON but ambiguous tensors: catch them while parsing.
    std::set<std::string> seen;
    std::string duplicate;
    json::parser_callback_t track = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth == 1 && event == json::parse_event_t::key) {
            const std::string key = parsed.get<std::string>();
            if (!seen.insert(key).second && duplicate.empty()) duplicate = key;
        }
        return true;
    };
    json header;
    try {
        header = json::parse(text, text + n, track);
    } catch (const json::parse_error& e) {
        throw Error(path + ": header is not valid JSON (" + std::string(e.what()) + ")");
    }
    if (!duplicate.empty()) throw Error(path + ": tensor name '" + duplicate + "' appears twice in the header");
    if (!header.is_object()) throw Error(path + ": header is not a JSON object");

    SafetensorsHeader out;
    out.header_size = n;
    out.file_size = file_size;
    for (const auto& [name, value] : header.items()) {
        if (name == "__metadata__") {
            if (value.is_null()) continue;
            if (!value.is_object()) throw Error(path + ": __metadata__ must be an object of strings");
            for (const auto& [key, v] : value.items()) {
                if (!v.is_string())
                    throw Error(path + ": __metadata__ value of '" + key + "' is " + v.dump() +
                                ", but metadata values must be strings");
                out.metadata[key] = v.get<std::string>();
            }
            continue;
        }
        out.entries.push_back(parse_entry(name, value, path));
    }

    // Sorted by offset, the entries must tile the data buffer exactly.
    std::sort(out.entries.begin(), out.entries.end(), [](const TensorEntry& a, const TensorEntry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    const uint64_t buffer = file_size - 8 - n;
    uint64_t expected = 0;
    const TensorEntry* previous = nullptr;
    for (const auto& e : out.entries) {
        if (e.begin < expected)
            throw Error(path + ": tensor '" + e.name + "' (bytes " + std::to_string(e.begin) + "–" + std::to_string(e.end) +
                        ") overlaps tensor '" + (previous ? previous->name : "") + "'");
        if (e.begin > expected)
            throw Error(path + ": " + std::to_string(e.begin - expected) + " unused bytes (a hole) before tensor '" + e.name +
                        "' at offset " + std::to_string(expected));
        expected = e.end;
        previous = &e;
    }
    if (expected > buffer)
        throw Error(path + ": tensor data is truncated: the header describes " + std::to_string(expected) +
                    " bytes of data but the file holds " + std::to_string(buffer) +
                    (previous ? " (tensor '" + previous->name + "' ends past the end of the file)" : std::string()));
    if (expected < buffer)
        throw Error(path + ": " + std::to_string(buffer - expected) +
                    " bytes after the last tensor are not described by the header");
    return out;
}

} // namespace peft
