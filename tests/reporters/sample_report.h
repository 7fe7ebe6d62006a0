// A fixed, rich in-memory Report for reporter tests: findings of every severity across several
// files (one with a flow path, one with related locations, one suppressed by a waiver, one
// baselined, one from git history, one whose message tries to inject HTML/CSV/markdown), a
// failed and a skipped file, diagnostics, three frameworks with controls in every status, and a
// stale suppression. Everything is made-up data; evidence is already masked.
#pragma once

#include <string>

#include "rules/report.h"

namespace ccscan::test {

rules::Report sample_report();

// Sources of the sample's scanned files (for SARIF line hashes), keyed by report path.
std::string sample_source(const std::string& path);

}  // namespace ccscan::test
