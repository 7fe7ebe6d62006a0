// FileOutcome: everything the engine's per-file pass produced for one file, before the whole-scan
// pass (flow rules, cross-artifact taint, deduplication, fingerprints) and the merge in file
// order. The result cache (rules/result_cache.h) stores and restores it; the timings and the
// kept Document are not part of a cached outcome (see docs/cache.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/flow_graph.h"
#include "rules/cross_artifact.h"
#include "rules/finding.h"
#include "rules/report.h"
#include "rules/suppression.h"

namespace ccscan::rules {

struct FileOutcome {
    InventoryEntry entry;
    double read_s = 0, parse_s = 0, analysis_s = 0;
    std::vector<Finding> findings;  // finished (rule, severity, controls, masked message), not fingerprinted
    std::vector<analyzers::Diagnostic> diagnostics;
    std::vector<analyzers::FlowGraph> flows;      // for flow rules and cross-artifact taint
    std::optional<analyzers::Document> document;  // kept only for whole-scan config rules
    std::vector<HandlerDef> handlers;             // functions the file defines (IaC), for cross-artifact taint
    std::vector<std::string> applicable_rules;
    std::vector<InlineSuppression> suppressions;
    std::vector<analyzers::Diagnostic> rule_errors;
    // Set when the outcome depends on the clock (the file ran into its time budget): never cached.
    bool timed_out = false;
};

}  // namespace ccscan::rules
