// JSON (RFC 8259) -> Document with a span on every node and key. Hand-written because no
// packaged JSON library reports source positions. Iterative (an explicit stack), so depth is a
// limit, not a stack overflow; never throws. Tolerates a UTF-8 BOM. Files that are JSON with
// comments by convention (tsconfig*.json, jsconfig*.json, .vscode/*.json, devcontainer.json,
// .eslintrc*.json, *.jsonc) also take // and /* */ comments and a trailing comma.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

// True for files whose tools read them as JSONC (comments and trailing commas allowed).
bool is_jsonc_path(std::string_view path);

Result<Document> parse_json(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
