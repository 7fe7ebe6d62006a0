// Loads and validates rule packs. A pack is a YAML file with `pack:` and `rules:`, or a folder
// holding `pack.yaml` plus rule files (`rules:` only). Loading is strict: an unknown key, a wrong
// type, a bad severity, an unknown format id or matcher kind, a duplicate rule id: each is a
// Diagnostic `FILE:LINE:COL: message (did you mean '...')`, and the caller exits with code 2.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/rule.h"

namespace ccscan::rules {

struct PackLoadOptions {
    // false: code queries are compiled when a file of their language first needs them (scans;
    // a broken query is then a ScanResult::rule_errors entry). true: at load, as validation.
    bool compile_queries = true;
};

Result<Pack> load_pack(const std::string& path, const PackLoadOptions& options = {});

// Loads every spec (a built-in pack name such as "pci-dss", a file or a folder); an empty list
// loads every built-in pack under `builtin_dir`. Rule ids must be unique across all packs.
Result<std::vector<Pack>> load_packs(const std::vector<std::string>& specs, const std::string& builtin_dir,
                                     const PackLoadOptions& options = {});

// Names of the built-in packs (folders/files under builtin_dir), sorted.
std::vector<std::string> builtin_pack_names(const std::string& builtin_dir);

}  // namespace ccscan::rules
