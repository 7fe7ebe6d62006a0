// INI-style configuration (Asterisk .conf files, generic .ini) and Java .properties -> Document.
//
// Asterisk shape (see analyzers/document.h): root object; `[section]` -> object child keyed by
// the section name, `tag` holding template arguments ("(!)", "(tmpl1,tmpl2)", "(+)"); lines
// `key = value` and `key => value` -> scalar children (tag "=>" for the arrow form); `;`
// comments (and `\;` as a literal semicolon); `#include file` / `#tryinclude` / `#exec` ->
// scalar with key "#include" etc. Lines before the first section go to a section named "".
// Never fails on content: a line it cannot read becomes a note, so a hand-edited file is still
// analysed; only limits (size, node count) produce a Diagnostic.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_ini(std::string_view text, const std::string& path, const ParseLimits& limits);
Result<Document> parse_properties(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
