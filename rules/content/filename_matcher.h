// The `filename` matcher: built-in content detectors over a file's path relative to the scan
// root (its file and folder names), for card numbers, SSNs and the like used as names
// ("exports/4929581234567898/statement.pdf"). Evidence is masked; every output shows such
// paths through the digit-run mask (rules/report.h, mask_report_paths).
//
//   match:
//     filename:
//       detectors: [pan, ssn, ssn_bare]   # ids from rules/data/detectors.yaml
//
// One finding per detected value, at line 1, column 1 of the file. Well-known test card numbers
// are skipped like in the content matcher. Files that are never read (binary, too large,
// excluded) are not examined. Message variables: {{detector}}, {{description}}, {{evidence}}.
#pragma once

#include "rules/matcher.h"

namespace ccscan::rules::content {

Result<std::shared_ptr<const Matcher>> make_filename_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::content
