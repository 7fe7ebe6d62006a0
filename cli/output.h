// Writing reports for `scan` and `report`: `--format LIST --output PATH` semantics (one format:
// a file or stdout; several: a folder with ccscan.<ext> each), a short summary on stderr, and
// the exit code by `--fail-on`.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/scan_command.h"
#include "cli/whole_scan.h"
#include "rules/report.h"

namespace ccscan::cli {

// Writes the report in every requested format; returns the exit code (0/1 by severity, 2 when
// a format is unknown or an output cannot be written). With `keep`, also records the bytes of
// each format, the summary and the exit code (for the result cache's whole-scan entry).
int emit_reports(const rules::Report& report, const ScanRequest& req, Run& run, RenderedReports* keep = nullptr);

// Writes stored reports as emit_reports wrote them (same destinations, summary, exit code).
int replay_reports(const RenderedReports& stored, const ScanRequest& req, Run& run);

// 1 when an unsuppressed finding is at or above `fail_on` ("none": never), else 0.
int exit_code_for(const rules::Report& report, const std::string& fail_on);

}  // namespace ccscan::cli
