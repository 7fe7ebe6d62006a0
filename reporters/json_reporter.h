// The native JSON format (docs/json-format.md): a lossless serialization of rules::Report with
// keys in a fixed order, so the same Report always gives the same bytes, and reading it back
// with read_json_report gives a Report that renders byte-identically in every format.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "rules/report.h"

namespace ccscan::reporters {

// Version of the JSON layout; bumped on any incompatible change.
inline constexpr int k_json_format_version = 1;

// Reads a document written by render_json. Errors (not JSON, not a ccscan report, a field of the
// wrong type, an unknown enum name) name `path`, and line/column for syntax errors.
analyzers::Result<rules::Report> read_json_report(std::string_view text, const std::string& path);

}  // namespace ccscan::reporters
