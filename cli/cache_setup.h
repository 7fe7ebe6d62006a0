// Wiring of the result cache into `ccscan scan` (docs/cache.md): which folder (--cache DIR,
// --no-cache, `cache:` in .ccscan.yaml) and the scan key every entry key starts from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/config.h"
#include "rules/engine.h"
#include "rules/rule.h"

namespace ccscan::cli {

// Defined in the source cmake/build_id.cmake generates: a hash of the sources of this build.
const char* build_id();

// $XDG_CACHE_HOME/ccscan when XDG_CACHE_HOME is an absolute path, else ~/.cache/ccscan; empty
// when neither is known.
std::string default_cache_folder();

// The folder a scan uses, or nullopt for none: --no-cache wins, then --cache DIR, then the
// config's `cache:` (true: default_cache_folder(); a relative folder is relative to the
// config file's folder).
std::optional<std::string> cache_folder_for(bool no_cache, const std::string& flag_dir, const Config& cfg);

// Everything besides a file's own path and bytes that decides its per-file outcome: tool version
// and build id, the encoding version, every loaded pack (id and SHA-256 of its file), the rules
// the scan runs, the policy, the parse limits, the file time budget, and (as a keyed hash, never
// the key) the redaction key. Job count, progress and the fast paths do not change results and
// are not part of it.
std::string cache_scan_key(const std::vector<rules::Pack>& packs, const std::vector<const rules::Rule*>& rules,
                           const rules::ScanOptions& options);

}  // namespace ccscan::cli
