// The whole-scan entry of the result cache (docs/cache.md): when every input of a scan is the
// same as at an earlier scan (the per-file scan key, the path, origin and SHA-256 of every file
// discovered, skipped files and their reasons, discovery diagnostics, the scan info, the config
// file, the baseline, the frameworks, today's date for suppression expiry, and every option that
// shapes the reports), the reports of that scan are written again from the stored bytes, with
// the same exit code and stderr summary: no parsing, no rules, no whole-scan pass.
//
// Not used (the scan runs as before) for history scans, git trees, --pull, --timestamps, or
// when a file cannot be read while hashing: then the outcome depends on more than the bytes.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyzers/diagnostic.h"
#include "cli/command.h"
#include "cli/config.h"
#include "rules/cache_folder.h"
#include "rules/engine.h"
#include "rules/report.h"

namespace ccscan::cli {

struct ScanRequest;

// What a scan wrote, enough to write it again.
struct RenderedReports {
    int exit_code = 0;
    std::string summary;                                       // the stderr summary line (printed unless -q or text on stdout)
    std::vector<std::pair<std::string, std::string>> reports;  // format id -> bytes, in the order written
};

std::string encode_rendered(const RenderedReports& r);
std::optional<RenderedReports> decode_rendered(std::string_view bytes);

// Everything the key reads besides the files themselves.
struct WholeScanInputs {
    std::string file_scan_key;  // cli::cache_scan_key (tool, build, packs, rules, policy, limits, keys)
    const std::vector<rules::FileSource>* sources = nullptr;
    const std::vector<analyzers::Diagnostic>* discovery_diagnostics = nullptr;
    const rules::ScanInfo* info = nullptr;
    const std::vector<rules::Pack>* packs = nullptr;
    std::string config_path;
    std::string data_root;
    std::string today;
    unsigned jobs = 0;  // threads hashing the files
};

// One scan's use of whole-scan entries.
struct WholeScan {
    std::optional<std::string> folder;   // the cache folder, when the scan uses one
    std::optional<std::string> key;      // the entry key, when the scan may use an entry
    std::optional<RenderedReports> hit;  // the stored reports, on a hit
    rules::CacheCounters counters;       // the per-file counters of a scan that ran
    double hash_seconds = 0;             // reading and hashing the files for the key
    std::uint64_t bytes_hashed = 0;
    std::unordered_set<std::string> file_hashes;  // of the files as hashed for the key
};

// Sets whole.folder and whole.key when they apply; true on a hit (whole.hit holds the entry).
bool look_up_whole_scan(WholeScan& whole, const WholeScanInputs& in, const ScanRequest& req, const Config& cfg);

// Writes the reports of a scan: the stored ones on a hit, else `report`'s (storing them when
// whole.key is set and the report depends on the key alone: no file ran out of time or failed
// to read, none changed between hashing and scanning); records the cache counters; returns the
// exit code. `stats_cache` (the
// --stats cache line) gets the whole-scan outcome appended.
int write_scan_reports(const rules::Report* report, WholeScan& whole, const ScanRequest& req, Run& run, std::string& stats_cache);

// The hex key of the whole-scan entry, or nullopt when the scan may not use one. Reads and
// hashes every file not skipped. `bytes_hashed` receives the bytes read, `file_hashes` their
// SHA-256s.
std::optional<std::string> whole_scan_key(const WholeScanInputs& in, const ScanRequest& req, std::uint64_t& bytes_hashed,
                                          std::unordered_set<std::string>& file_hashes);

}  // namespace ccscan::cli
