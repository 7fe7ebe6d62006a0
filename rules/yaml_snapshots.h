// YAML of the rules layer (packs, frameworks, the detector catalogue), read from the snapshots
// made at build time when the bytes are those of a built-in file (analyzers/node_snapshot.h),
// else parsed. Parsing the built-in packs with yaml-cpp was a quarter of ccscan's start-up.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::rules {

// `sha256_hex` of `bytes` when the caller has it already (empty: computed here).
analyzers::Result<analyzers::Document> parse_rules_yaml(std::string_view bytes, const std::string& path,
                                                        const std::string& sha256_hex = {});

// Number of embedded snapshots (0 in fuzz builds); for tests.
std::size_t builtin_snapshot_count();

}  // namespace ccscan::rules
