// Report: everything a scan produced, the single input of every reporter. JSON is its lossless
// serialization (reporters/json_reporter), so `ccscan report --from results.json` re-renders it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/finding.h"
#include "rules/severity.h"

namespace ccscan::rules {

struct ToolInfo {
    std::string name = "ccscan";
    std::string version;
    std::string information_uri = "https://github.com/ccscan/ccscan";
};

struct PackSummary {
    std::string id, name, version, path, sha256;
    int rule_count = 0;
};

// Rule metadata as reporters need it (no matcher).
struct RuleSummary {
    std::string id, pack, title, description, remediation, help_uri, precision, matcher_kind;
    Severity severity = Severity::medium;
    std::vector<std::string> controls;
    std::vector<std::string> formats;
    std::vector<std::string> tags;
};

enum class FileStatus { scanned, skipped, failed };

struct InventoryEntry {
    std::string path;
    std::string format;  // format id, or "" when unrecognised
    FileStatus status = FileStatus::scanned;
    std::string reason;  // why skipped / failed
    std::string sha256;  // of the bytes scanned (empty when not read)
    std::uint64_t size = 0;
    int flows = 0;       // flow graphs found in the file
};

enum class ControlStatus { fail, pass, not_applicable, manual, waived };

struct ControlResult {
    std::string framework;  // "pci-dss"
    std::string id;         // canonical "pci-dss:3.3.1.2"
    std::string title;
    std::string automation;  // automated | partial | manual
    ControlStatus status = ControlStatus::manual;
    std::vector<std::string> rules;  // rule ids that evidence it
    int findings = 0;
    int artifacts = 0;  // applicable files examined
};

struct FrameworkSummary {
    std::string id, name, version;
};

struct ScanInfo {
    std::vector<std::string> targets;      // as given on the command line
    std::string root;                      // scan root (display form)
    std::string git_commit;                // HEAD of the scanned repository, if any
    std::string git_ref;                   // --git-ref
    std::string started_at;                // only with --timestamps
    std::string organisation, assessment;  // from config
    std::map<std::string, std::string> options;  // effective options, for evidence
};

struct StaleEntry {  // baseline entries / suppressions that matched nothing
    std::string kind;  // "baseline" | "inline" | "waiver"
    std::string rule_id;
    std::string fingerprint;
    Location where;
    std::string message;
};

// In the JSON report of `scan --shard K/N` only (docs/sharding.md): what `report --merge` needs
// to check the shards belong together and to recompute the control matrix.
struct ShardInfo {
    int index = 1;  // K
    int count = 1;  // N
    std::string config_digest;  // packs, policy, options, keys and tool version of the scan
    std::map<std::string, int> applicable;  // rule id -> applicable artifacts of this shard's files
};

struct Report {
    ToolInfo tool;
    ScanInfo scan;
    std::vector<PackSummary> packs;
    std::vector<RuleSummary> rules;          // sorted by id
    std::vector<Finding> findings;           // sorted (finding_less); includes suppressed ones
    std::vector<InventoryEntry> inventory;   // sorted by path
    std::vector<analyzers::Diagnostic> diagnostics;  // sorted
    std::vector<FrameworkSummary> frameworks;
    std::vector<ControlResult> controls;     // sorted by framework then id
    std::vector<StaleEntry> stale;  // inline ones first, by location; then waivers, baseline entries
    std::optional<ShardInfo> shard;
};

// Paths are scanned content too: a card number or SSN used as a file or folder name. Applies the
// digit-run mask (analyzers/text_mask) to every path the Report holds (findings, related
// locations, path steps, suppressions, inventory, diagnostics, stale entries) and to inventory
// reasons, then restores the sort orders. cli::assemble_report calls it once, so every format
// shows masked paths. The scan root (given by the user) is left as it is. `ccscan verify` finds
// files again by masking the paths it discovers the same way (cli/verify_command.cpp).
// Diagnostics are then sorted by path, position, code, message; stale inline suppressions by
// location (so the reports of shards merge into the same order).
void mask_report_paths(Report& report);
bool diagnostic_order(const analyzers::Diagnostic& a, const analyzers::Diagnostic& b);
bool stale_order(const StaleEntry& a, const StaleEntry& b);

std::string_view to_string(FileStatus s);
std::string_view to_string(ControlStatus s);

}  // namespace ccscan::rules
