// The control matrix: one row per control of every loaded framework, with a status an auditor
// can rely on and the evidence behind it (rule ids, finding and artifact counts).
//
// Status of a control, first match wins:
//   Fail           an unsuppressed finding of a rule that names the control;
//   Waived         findings exist, all suppressed (inline comment, waiver or baseline);
//   Manual         the catalogue marks the control manual, or no rule names it: people must
//                  supply the evidence;
//   Pass           its rules ran on at least one applicable artifact and found nothing;
//   Not applicable rules exist, but nothing they apply to was scanned.
// Rows are sorted by framework id, then by control id in natural order (3.3.1 < 3.3.1.2 < 3.10).
// Controls that rules name but no catalogue lists are not invented here; check_rule_controls
// (rules/framework.h) reports them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/finding.h"
#include "rules/framework.h"
#include "rules/report.h"

namespace ccscan::rules {

std::vector<ControlResult> compute_control_matrix(const std::vector<Framework>& frameworks,
                                                  const std::vector<RuleSummary>& rules,
                                                  const std::vector<Finding>& findings,
                                                  const std::map<std::string, int>& applicable_artifacts_per_rule);

// Natural order of control ids: numeric runs compare as numbers ("Art.5" < "Art.32").
bool control_id_less(const std::string& a, const std::string& b);

// FrameworkSummary rows for a Report, in the frameworks' order.
std::vector<FrameworkSummary> framework_summaries(const std::vector<Framework>& frameworks);

}  // namespace ccscan::rules
