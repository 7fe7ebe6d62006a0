// The scan engine: files in, findings out. For every file (in parallel, results identical
// whatever the number of jobs): read, hash, detect the format, analyze (Document, flows, syntax
// tree as the applicable rules need), run the per-file matchers of every rule whose selector
// applies; then run whole-scan matchers (flow rules across all flows of the scan); then compute
// fingerprints, sort and deduplicate. Nothing is lost: every file ends in the inventory as
// scanned, skipped (with a reason) or failed (with a diagnostic).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/input_file.h"
#include "rules/finding.h"
#include "rules/policy.h"
#include "rules/report.h"
#include "rules/rule.h"
#include "rules/suppression.h"

namespace ccscan::rules {

class ResultCache;

struct FileSource {
    std::string path;         // relative to the scan root
    std::string abs_path;     // for display/evidence; empty for in-memory or git blobs
    std::uint64_t size = 0;
    std::string skip_reason;  // non-empty: listed as skipped, never read
    std::string forced_format;
    std::string inventory_path;  // how the inventory names it, when not `path` ("<commit>:path" in history scans)
    analyzers::Origin origin = analyzers::Origin::worktree;
    std::optional<analyzers::GitOrigin> git;
    std::function<Result<std::string>()> load;  // reads the bytes (called once, on a worker)
};

struct ScanOptions {
    unsigned jobs = 0;  // 0: one per core
    analyzers::ParseLimits limits;
    Policy policy;
    // Per-file time budget: checked between the phases of a file and between its rules, and
    // code parsing is cancelled at it. A file that runs out is failed with a `limit-time`
    // diagnostic (what it had found so far is kept). Zero: no budget.
    std::chrono::milliseconds file_timeout{0};
    // Key of the keyed hashes in masked secret previews (rules/redact.h). Stays on the machine
    // that ran the scan; empty: previews carry no hash.
    std::string hash_key;
    // Prefilters (Matcher::may_match) and passes shared by the rules of one matcher kind on a
    // file. false: every applicable rule runs on every file on its own, which must give the same
    // findings (tests compare the two).
    bool fast_paths = true;
    // Result cache (rules/result_cache.h): per-file outcomes are looked up by content and stored
    // after a miss; null: no cache. Output is the same either way.
    ResultCache* cache = nullptr;
    // Sharded scans (rules/shard.h): the files whose findings, inventory entries, diagnostics and
    // applicable counts this run reports. Every other file is still read and, where it can link
    // to others (flows, documents of whole-scan rules, IaC handler definitions), parsed, so the
    // whole-scan and cross-artifact passes see the whole tree; its per-file rules do not run.
    // Whole-scan findings are reported by the run that owns their location's path. Empty: all.
    std::function<bool(const std::string& path)> owns;
    // Called after each file (from worker threads; must be thread-safe) for progress display.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// InventoryEntry::reason of a scanned file that was not parsed because no loaded rule needed its
// model (only content rules examined its text).
inline constexpr std::string_view k_text_only_reason = "content rules only: not parsed";

struct ScanResult {
    std::vector<Finding> findings;  // sorted, fingerprinted
    std::vector<InventoryEntry> inventory;
    std::vector<analyzers::Diagnostic> diagnostics;
    std::map<std::string, int> applicable;  // rule id -> applicable artifacts examined
    std::vector<InlineSuppression> suppressions;  // inline `ccscan:ignore` comments found
    // Seconds spent per phase, summed over worker threads (read, parse, analysis) or wall time
    // (flow: the whole-scan pass), and bytes read; for `scan --stats`.
    std::map<std::string, double> phase_seconds;
    std::uint64_t bytes_read = 0;
    // Pack errors found only when a rule first ran (a lazily compiled code query that does not
    // compile): each once, sorted. The rule did not run; the caller treats them as pack errors.
    std::vector<analyzers::Diagnostic> rule_errors;
};

ScanResult run_scan(const std::vector<const Rule*>& rules, std::vector<FileSource> files, const ScanOptions& options);

// Content-based fingerprint: rule, path and the matcher's location-independent key, plus an
// occurrence number when the same key repeats in a file.
void assign_fingerprints(std::vector<Finding>& findings);

// Binary content: a NUL byte in the first 8 KiB.
bool looks_binary(std::string_view bytes);

}  // namespace ccscan::rules
