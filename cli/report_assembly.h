// Turns packs + an engine ScanResult into the Report every reporter renders: rule summaries,
// pack summaries with hashes, inventory, diagnostics, frameworks and the control matrix.
#pragma once

#include <string>
#include <vector>

#include "rules/engine.h"
#include "rules/report.h"
#include "rules/rule.h"

namespace ccscan::cli {

rules::Report assemble_report(const std::vector<rules::Pack>& packs, rules::ScanResult result,
                              std::vector<rules::StaleEntry> stale, rules::ScanInfo info, const std::string& data_root);

}  // namespace ccscan::cli
