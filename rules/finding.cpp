#include "rules/finding.h"

#include <tuple>

namespace ccscan::rules {

bool finding_less(const Finding& a, const Finding& b) {
    return std::tie(a.location.path, a.location.span, a.rule_id, a.message, a.fingerprint) <
           std::tie(b.location.path, b.location.span, b.rule_id, b.message, b.fingerprint);
}

}  // namespace ccscan::rules
