// The `code` matcher: tree-sitter queries with predicates, and/or intra-procedural taint, over
// source code (python, javascript, typescript, tsx, java, csharp, go, php, ruby).
//
//   match:
//     code:
//       queries:                      # per language; `query:` + `languages:` gives one text to several
//         python: |
//           (call function: (attribute attribute: (identifier) @m) @report
//             (#eq? @m "get")) 
//       report: report                # capture that locates the finding (default: "report",
//                                     # else the pattern's first capture)
//       prefilter: [verify]           # words one of which the file must contain (default: the
//                                     # #eq?/#any-of? literals when every pattern has one)
//       taint:                        # rules/code/taint.h; see docs/code-rules.md
//         sources: {names: [...], paths: [...], whole: [...]}
//         sinks: {python: [...], javascript: [...], any: [...]}
//         sanitizers: [mask, encrypt]
//
// Queries are compiled once, at pack load; an error there names the pack file, the rule's
// line and the query line/column. Message variables: {{language}}, {{capture}} (text of the
// reported capture, masked when it is a string or number literal), {{callee}}, {{source}}.
#pragma once

#include "rules/matcher.h"

namespace ccscan::rules::code {

Result<std::shared_ptr<const Matcher>> make_code_matcher(const analyzers::Node& spec, const PackContext& ctx);

}  // namespace ccscan::rules::code
