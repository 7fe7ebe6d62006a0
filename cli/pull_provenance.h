// Carries a pulled folder's `ccscan-pull.json` into a scan's evidence and into `verify`:
// the platform, endpoint, masked account, scope and pull time become `pull.*` entries of the
// report's scan options (shown in the JSON report and the HTML header), every resource the pull
// could not read becomes a `pull-failed` diagnostic (listed as failed in every report), and a
// pulled file whose bytes no longer match the manifest's SHA-256 becomes a `pull-drift` one.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/report.h"

namespace ccscan::cli {

// No-op when `root` has no manifest; a manifest that cannot be read is a diagnostic.
void add_pull_provenance(const std::string& root, rules::ScanInfo& info, std::vector<analyzers::Diagnostic>& diagnostics);

struct PullCheck {
    bool present = false;
    int unchanged = 0, changed = 0, missing = 0;
};

// `verify`: re-hashes every file the manifest under `root` lists; prints each changed or
// missing file to `out`.
PullCheck verify_pull_manifest(const std::string& root, std::ostream& out);

}  // namespace ccscan::cli
