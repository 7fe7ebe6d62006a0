// Sharded scans (docs/sharding.md): the configuration digest each shard's JSON report records,
// and `ccscan report --merge`, which joins the reports of shards 1..N of one scan into the
// Report a single run would have produced (every format then renders it byte-identically).
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "cli/scan_command.h"
#include "rules/report.h"

namespace ccscan::cli {

// SHA-256 over what decides a scan's result besides the files: tool version, targets, the
// effective options, the packs' hashes, the configuration and baseline files' bytes, the
// redaction key (hashed) and the scan flags. Shards with different digests cannot merge.
std::string shard_config_digest(const rules::Report& report, const ScanRequest& req, const std::string& config_path,
                                const std::string& hash_key);

// Joins shard reports (in any order). Refused, with an error naming the file: a report that is
// not a shard's, mixed shard counts, a shard missing or given twice, a different tool version,
// scan root or configuration digest, a file reported by two shards.
analyzers::Result<rules::Report> merge_shard_reports(std::vector<rules::Report> shards, const std::vector<std::string>& names,
                                                     const std::string& data_root);

}  // namespace ccscan::cli
