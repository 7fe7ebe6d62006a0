// Baselines: a JSON file of accepted findings, keyed by content-based fingerprint (rules/engine.h
// assign_fingerprints), so moving code, adding lines above it or reformatting a flow keeps the
// finding matched, while a second violation of the same rule in the same file is new.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/finding.h"
#include "rules/report.h"

namespace ccscan::rules {

struct BaselineEntry {
    std::string rule_id;
    std::string path;
    std::string fingerprint;
    std::string message;
};

struct Baseline {
    std::vector<BaselineEntry> entries;
};

std::string baseline_to_json(const std::vector<Finding>& findings);
analyzers::Result<Baseline> load_baseline(const std::string& path);

// Marks findings present in the baseline (suppression kind `baseline`); baseline entries that
// match nothing become stale entries.
void apply_baseline(std::vector<Finding>& findings, const Baseline& baseline, const std::string& baseline_path,
                    std::vector<StaleEntry>& stale);

}  // namespace ccscan::rules
