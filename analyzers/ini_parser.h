// INI-style configuration (Asterisk .conf and plain .ini) -> Document.
//
// Shape (see analyzers/document.h): the root object holds one object per `[section]` (key = the
// name, key_span = the name inside the brackets, tag = the template arguments as written, e.g.
// "(!)" or "(tmpl1,tmpl2)"); each `key = value` / `key => value` line is a scalar child (tag "=>"
// for the arrow form) with exact spans for the key and for the trimmed value. Lines before the
// first section go to a section named "". `#include file` and `#exec cmd` become scalars keyed
// "#include" / "#exec" (quotes stripped from the value). Comments: `;` to the end of the line
// (`\;` is a literal semicolon) and Asterisk block comments `;-- ... --;`. Duplicate sections and
// keys are kept. Lines the parser does not understand become notes, never failures.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_ini(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
