// Runs the examples embedded in rules (`tests:`): each `expect: match` input must produce
// findings of that rule (the given count, on the given lines), each `expect: no_match` input none.
// `ccscan rules test` prints one line per failure and ends with `N passed, M failed`.
#pragma once

#include <string>
#include <vector>

#include "rules/policy.h"
#include "rules/rule.h"

namespace ccscan::rules {

struct RuleTestResult {
    std::string rule_id;
    std::string test_name;
    std::string where;  // pack file:line of the test
    bool passed = false;
    std::string detail;  // why it failed
};

std::vector<RuleTestResult> run_rule_tests(const std::vector<Pack>& packs, const Policy& policy);

// Rules that carry no must-match or no must-not-match test (reported by `rules lint`).
std::vector<std::string> rules_missing_tests(const std::vector<Pack>& packs);

}  // namespace ccscan::rules
