// Stable text names of the report's enums, as they appear in every output format, and their
// inverses for reading a JSON report back (nullopt for an unknown name).
#pragma once

#include <optional>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "rules/finding.h"
#include "rules/report.h"

namespace ccscan::reporters {

std::string_view to_string(rules::SuppressionKind kind);    // none | inline | waiver | baseline
std::string_view to_string(analyzers::DiagnosticLevel level);  // error | warning | note

std::optional<rules::SuppressionKind> parse_suppression_kind(std::string_view text);
std::optional<analyzers::DiagnosticLevel> parse_diagnostic_level(std::string_view text);
std::optional<rules::FileStatus> parse_file_status(std::string_view text);
std::optional<rules::ControlStatus> parse_control_status(std::string_view text);

// Short human label of a control status: "fail", "pass", "n/a", "manual", "waived".
std::string_view status_label(rules::ControlStatus status);

}  // namespace ccscan::reporters
