// The `config` matcher: selects candidate nodes of a Document with a path, keeps those that
// satisfy a condition, and reports each at a node relative to it.
//
//   match:
//     config:
//       select: "Actions[*]"        # candidates (default: the document root)
//       where: {...}                # rules/config/condition.h (default: always)
//       report: Parameters.StoreInput   # where the finding points (default: the candidate)
//       resolve: {platform: chan_sip, defaults: {encryption: "no"}}   # optional, see below
//
// With `resolve` (chan_sip, pjsip, freeswitch) the rule runs once per scan on effective
// configurations (rules/config/effective.h): includes spliced, templates and [general] folded
// into each section, FreeSWITCH `$${vars}` expanded, unset settings given the declared platform
// defaults. A finding points where the effective value is written (or, for a default, at the
// section or profile it applies to); sections with the same cause are its related locations.
// {{origin}} says where a value came from (" (inherited from [general])", a default).
//
// Message variables: {{name}} (the candidate's Identifier/name/id or key), {{path}} (structural
// path), {{key}} and {{value}} of the reported node (the value is masked when its key looks
// like a secret or it holds a long digit run).
#pragma once

#include "rules/matcher.h"

namespace ccscan::rules::config {

Result<std::shared_ptr<const Matcher>> make_config_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::config
