// The `config` matcher: selects candidate nodes of a Document with a path, keeps those that
// satisfy a condition, and reports each at a node relative to it.
//
//   match:
//     config:
//       select: "Actions[*]"        # candidates (default: the document root)
//       where: {...}                # rules/config/condition.h (default: always)
//       report: Parameters.StoreInput   # where the finding points (default: the candidate)
//
// Message variables: {{name}} (the candidate's Identifier/name/id or key), {{path}} (structural
// path), {{key}} and {{value}} of the reported node (the value is masked when its key looks
// like a secret or it holds a long digit run).
#pragma once

#include "rules/matcher.h"

namespace ccscan::rules::config {

Result<std::shared_ptr<const Matcher>> make_config_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::config
