// Suppressions: inline comments and config waivers.
//
// Inline, in any format with comments (YAML, .conf, XML, HCL, code), on the finding's line or
// the line before it:
//     ccscan:ignore CCS-SIP-001 -- lab trunk, isolated VLAN [until 2027-03-31]
//     ccscan:ignore CCS-SIP-001,CCS-SIP-002 -- reason
// A suppression without a reason (`-- ...`) does not suppress and is reported; an expired one
// stops suppressing and says so; one that matches nothing is reported as stale.
// Waivers (config `waivers:`) cover files without comments (JSON flows): rule, path glob,
// optional fingerprint, reason, expiry, approver.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/finding.h"
#include "rules/report.h"

namespace ccscan::rules {

struct InlineSuppression {
    Location where;
    std::vector<std::string> rule_ids;  // "*" = every rule
    std::string reason;
    std::string until;  // YYYY-MM-DD or empty
    bool malformed_date = false;
};

struct Waiver {
    std::string rule_id;  // "*" allowed
    std::string path_glob;
    std::string fingerprint;  // optional: waive one finding only
    std::string reason;
    std::string expires;
    std::string approver;
    Location where;  // in the config file
};

std::vector<InlineSuppression> find_inline_suppressions(const std::string& path, std::string_view bytes);

// Marks suppressed findings (Finding::suppression), reports misuse as diagnostics (warnings) and
// unused suppressions/waivers as stale entries. `today` is YYYY-MM-DD.
void apply_suppressions(std::vector<Finding>& findings, const std::vector<InlineSuppression>& inline_suppressions,
                        const std::vector<Waiver>& waivers, const std::string& today,
                        std::vector<analyzers::Diagnostic>& diagnostics, std::vector<StaleEntry>& stale);

}  // namespace ccscan::rules
