// Code embedded in templates (analyzers/embedded_code.h) gets the code rules of its language as
// if it were a source file; the findings point into the template (lines and columns mapped
// back, the template's path). Content rules already run on the whole template text.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/format_registry.h"
#include "rules/finding.h"
#include "rules/matcher.h"
#include "rules/rule.h"

namespace ccscan::rules {

// Runs the per-file code rules of `rules` on every piece of `parsed.embedded_code` of `file`.
// Findings are appended unfinished (the caller fills rule data, as for the file's own ones);
// `rule_of[i]` is the rule of finding `out[first + i]`.
void scan_embedded_code(const std::vector<const Rule*>& rules, const analyzers::InputFile& file,
                        const analyzers::ParsedFile& parsed, const analyzers::AnalyzeOptions& options,
                        const Policy& policy, std::string_view hash_key, std::vector<Finding>& out,
                        std::vector<const Rule*>& rule_of);

}  // namespace ccscan::rules
