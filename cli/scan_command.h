// `ccscan scan` and `ccscan baseline create`: discover files, load config and packs, run the
// engine, apply suppressions and the baseline, assemble the Report and write it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/pull_command.h"
#include "rules/report.h"

namespace CLI {
class App;
}

namespace ccscan::cli {

struct WholeScan;

struct ScanRequest {
    std::vector<std::string> targets{"."};
    std::vector<std::string> packs;
    std::vector<std::string> formats;
    std::string output;
    std::string fail_on;
    std::vector<std::string> exclude;
    std::uint64_t max_file_size = 0;
    double file_timeout = -1;  // seconds; <0: from the config or the default
    unsigned jobs = 0;
    bool quiet = false;
    bool no_progress = false;
    bool include_suppressed = false;
    bool timestamps = false;
    bool stats = false;
    bool plain_path = false;  // hidden --plain-path: no prefilters or shared passes (identity tests)
    std::string config;
    std::string baseline;
    std::string cache_dir;  // --cache DIR (docs/cache.md)
    bool no_cache = false;  // --no-cache
    std::string redaction_key_file;
    std::string sign_key_file;  // --sign-key: HMAC-SHA256 signature of the JSON report's digest
    std::string git_ref;
    std::string changed_since;
    bool git_history = false;
    std::string since;
    bool all_refs = false;
    std::string category;
    std::string pull;            // --pull PLATFORM: pull into a temporary folder, then scan it
    PullSettings pull_settings;  // --instance-id, --region, ... for --pull
    std::string ca_bundle;       // CAs for cloning https git URLs (and --pull)
    std::string shard;           // --shard K/N (docs/sharding.md)
};

// Per-phase timings for `scan --stats`.
struct ScanStats {
    std::map<std::string, double> seconds;  // discovery, read, parse, analysis, flow, report
    std::uint64_t bytes = 0;
    std::size_t files = 0;
    unsigned jobs = 0;
    std::string cache;  // "H hits, M misses, S stored (DIR)" when a result cache was used
};

// Runs a scan and returns the report, or an exit code (2: usage/config/pack error) after
// printing the error to run.err. With `whole`, the result cache's whole-scan entry is looked up
// first (cli/whole_scan.h): on a hit, returns nullopt with whole->hit set and nothing scanned.
std::optional<rules::Report> perform_scan(const ScanRequest& req, Run& run, ScanStats* stats = nullptr, WholeScan* whole = nullptr);

void setup_scan_command(CLI::App& sub, Run& run);
void setup_baseline_command(CLI::App& sub, Run& run);

}  // namespace ccscan::cli
