// Controls by context: a rule may name some controls only when a certain class of data is in
// play. PCI DSS applies where card data is stored, processed or transmitted; logging a whole
// event in a handler that sees no card data is a GDPR/CCPA finding, not a PCI DSS 3.3.1 one.
//
//   controls: [gdpr:Art.32]                       # always
//   controls_by_sensitivity:
//     - when: [card]                              # pan, cvv, expiry, pin
//       controls: [pci-dss:3.3.1, pci-dss:10.2.1]
//
// A matcher says which class of data its finding is about (Finding::sensitivity: the collected
// input, the taint source, the data the handler receives); the engine gives the finding the
// rule's unconditional controls plus those of every `when` that class satisfies. An unknown class
// (empty) satisfies only `when: [unknown]`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {
struct Node;
}

namespace ccscan::rules {

struct PackContext;

struct ConditionalControls {
    std::vector<std::string> when;      // classes (pan, ...), groups (card, personal, any) or unknown
    std::vector<std::string> controls;  // canonical ids
};

// Class names accepted in `when`, for lint messages and the schema.
const std::vector<std::string>& sensitivity_condition_names();
// Whether `sensitivity` (a class name, "" unknown) satisfies the condition name.
bool sensitivity_satisfies(std::string_view condition, std::string_view sensitivity);

// Parses `controls_by_sensitivity` (a list of {when, controls}); errors name line and column.
analyzers::Result<std::vector<ConditionalControls>> parse_conditional_controls(const analyzers::Node& n, const PackContext& ctx);

// The controls a finding about `sensitivity` fails: of `all` (every control of the rule, its
// first `unconditional` ones always), those that hold, in the rule's order.
std::vector<std::string> controls_for(const std::vector<std::string>& all, std::size_t unconditional,
                                      const std::vector<ConditionalControls>& conditional, std::string_view sensitivity);

}  // namespace ccscan::rules
