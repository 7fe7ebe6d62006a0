// Overlapping findings of a generic detector and a specific rule: one root cause, one finding.
// A content (detector) finding tagged `credentials` on the same line as a finding of a specific
// config or code rule tagged `credentials` (a hard-coded Genesys user password, a weak SIP
// secret) says the same thing less precisely, so only the specific finding is kept.
#pragma once

#include <vector>

#include "rules/finding.h"
#include "rules/rule.h"

namespace ccscan::rules {

void drop_generic_duplicates(const std::vector<const Rule*>& rules, std::vector<Finding>& findings);

}  // namespace ccscan::rules
