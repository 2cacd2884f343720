// SPDX-License-Identifier: MIT
#include "export/import.h"

#include "core/error.h"
#include "export/adapter_files.h"
#include "export/adapterhub.h"
#include "export/export_util.h"

#include <filesystem>

namespace peft {
namespace fs = std::filesystem;

bool is_peft_adapter_dir(const std::string& dir) {
    return fs::is_regular_file(fs::path(dir) / exporting::kPeftConfigFile);
}

bool is_adapterhub_adapter_dir(const std::string& dir) {
    const fs::path config = fs::path(dir) / exporting::kAdapterHubConfigFile;
    if (!fs::is_regular_file(config)) return false;
    try {
        return exporting::is_adapterhub_config(exporting::read_json_file(config.string()));
    } catch (const Error&) {
        return false;
    }
}

bool is_studio_adapter_dir(const std::string& dir) {
    return fs::is_regular_file(fs::path(dir) / exporting::kStudioManifestFile);
}

ImportedAdapter import_adapter(const std::string& adapter_dir, const std::string& base_model_dir, torch::ScalarType dtype) {
    if (!fs::is_directory(adapter_dir)) throw Error("import: the adapter folder " + adapter_dir + " does not exist");
    // A studio folder may also hold a PEFT config some day; its own manifest wins.
    if (is_studio_adapter_dir(adapter_dir)) return exporting::import_studio_adapter(adapter_dir, base_model_dir, dtype);
    if (is_adapterhub_adapter_dir(adapter_dir))
        return exporting::import_adapterhub_adapter(adapter_dir, base_model_dir, dtype);
    if (is_peft_adapter_dir(adapter_dir)) return exporting::import_peft_adapter(adapter_dir, base_model_dir, dtype);
    throw Error("import: " + adapter_dir + " has neither adapter_config.json (PEFT) nor " +
                exporting::kStudioManifestFile + " (studio adapter); an AdapterHub folder has adapter_config.json with a \"config\" object; merged models load as plain model folders");
}

} // namespace peft
