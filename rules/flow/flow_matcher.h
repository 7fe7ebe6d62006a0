// The `flow` matcher: path-sensitive compliance checks over every IVR flow of a scan (see
// docs/flow-rules.md for the spec). One rule uses exactly one mode:
//   at + require:        at every node matching `at`, on every path from an entry, each listed
//                        state variable holds one of the allowed values;
//   at + preceded_by:    every path to a node matching `at` passes a node matching preceded_by;
//   at + decline_branch: a node matching `at` (a consent question) has a branch that turns the
//                        variable off (recording) and never on;
//   taint:               values from `sources` reach `sinks` through variables, unless a
//                        `sanitizers` node intervenes;
//   at alone:            every node matching `at` (property checks: http:// URLs, ...).
// Findings carry the shortest counterexample path from an entry as Finding::path.
#pragma once

#include <memory>

#include "analyzers/document.h"
#include "rules/matcher.h"

namespace ccscan::rules::flow {

Result<std::shared_ptr<const Matcher>> make_flow_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::flow
