// YAML (1.2 core schema, multi-document, anchors/aliases/merge keys) -> Document, through
// yaml-cpp's event parser. Never throws: syntax errors and exceeded limits become Diagnostics
// with 1-based line and column.
//
// Spans: yaml-cpp reports where a node starts; a scalar's end is computed from its source text
// when it sits on one line, and a container ends where its last child ends.
// Aliases are expanded by copy, counted against ParseLimits::max_alias_expansion, so a
// "billion laughs" document fails fast with a "limit-alias" diagnostic.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_yaml(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
