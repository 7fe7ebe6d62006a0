// Parser dispatch by syntax id (json, yaml, xml, ini, properties, hcl), and the step after
// parsing: building flow graphs and syntax trees as the scan's rules need them.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/format_registry.h"

namespace ccscan::analyzers {

Result<Document> parse_document(std::string_view syntax, std::string_view text, const std::string& path, const ParseLimits& limits);

// Adds flows (flow adapters) and the syntax tree (code formats) to a parsed file.
void build_artifacts(const InputFile& file, ParsedFile& parsed, const AnalyzeOptions& options);

}  // namespace ccscan::analyzers
