// The `content` matcher: built-in detectors (rules/data/detectors.yaml) and user patterns over
// the raw text of any file, in one RE2::Set pass per file.
//
//   match:
//     content:
//       detectors: [pan, ssn, iban]          # ids from the catalogue
//       patterns:                            # optional user patterns (RE2); group 1 = the value
//         - {name: member-id, regex: 'MBR-[0-9]{8}'}
//       context:                             # optional severity shifts by words near the value
//         raise: [customer, cardholder]      #   +1 level
//         lower: [example, sample, dummy]    #   -1 level
//       require_context: false               # drop candidates with no detector context word
//       test_files: lower                    # lower (default) | skip | report
//
// Well-known test card numbers are not reported while policy `test_card_numbers` is true (the
// default). Evidence is always masked (rules/redact.h); fingerprint_key is "detector:" plus the
// text around the value on its line with every detected value blanked: it survives moved lines
// and never contains the value, so no fingerprint lets anyone test candidate values.
// Message variables: {{detector}}, {{description}}, {{evidence}}, {{brand}}.
#pragma once

#include "rules/matcher.h"

namespace ccscan::rules::content {

Result<std::shared_ptr<const Matcher>> make_content_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::content
