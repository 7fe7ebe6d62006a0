// Java .properties -> Document: a root object of scalars, one per key in source order
// (duplicates kept). Follows java.util.Properties: `#`/`!` comment lines, key and value separated
// by the first unescaped '=', ':' or blank, a trailing backslash continues the value on the next
// line (leading blanks there dropped), escapes \t \n \r \f \uXXXX and `\x` -> x. key_span covers
// the key as written; span covers the value as written (across continuation lines).
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_properties(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
