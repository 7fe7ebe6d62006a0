// JSON (RFC 8259) -> Document with an exact span on every node and on every member key.
//
// Hand-written because no packaged JSON library reports source positions. The parser is
// iterative (an explicit stack of open containers), so nesting depth is a limit, never a stack
// overflow, and it never throws. Strings are unescaped (\uXXXX surrogate pairs become UTF-8; a
// lone surrogate becomes U+FFFD); numbers keep their source text. Duplicate keys are kept in
// source order. Tolerated beyond the RFC: a UTF-8 BOM, raw tabs/control bytes inside strings.
//
// Errors: Diagnostic "parse-error" at the offending line and column, saying what was expected;
// "limit-size", "limit-depth", "limit-nodes" when ParseLimits are exceeded.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_json(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
