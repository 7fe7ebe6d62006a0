// JSON (RFC 8259) -> Document with a span on every node and key. Hand-written because no
// packaged JSON library reports source positions. Iterative (an explicit stack), so depth is a
// limit, not a stack overflow; never throws. Tolerates a UTF-8 BOM.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_json(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
