// The `--format LIST --output PATH` semantics shared by `ccscan scan` and `ccscan report`:
// - no format: text;
// - one format: to `output` as a file, or to `stdout_stream` when output is empty or "-"; an
//   existing folder (or a path ending in '/') receives ccscan.<ext>;
// - several formats: `output` is a folder (created if needed) receiving ccscan.<ext> per format
//   (ccscan-<id>.<ext> when two selected formats share an extension, e.g. text and github).
// Every format id is checked before anything is written. Returns the files written (empty when
// the only output went to stdout_stream).
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "reporters/reporter.h"
#include "rules/report.h"

namespace ccscan::reporters {

analyzers::Result<std::vector<std::string>> write_reports(const rules::Report& report,
                                                          const std::vector<std::string>& formats,
                                                          const std::string& output, const RenderOptions& options,
                                                          std::ostream& stdout_stream);

// The same, writing what `emit` writes for each selected format (the result cache's whole-scan
// entries write stored bytes this way).
using EmitReport = std::function<void(const Reporter&, std::ostream&)>;
analyzers::Result<std::vector<std::string>> write_reports_with(const std::vector<std::string>& formats, const std::string& output,
                                                               const EmitReport& emit, std::ostream& stdout_stream);

// Splits "html,sarif" (also accepts spaces and repeated commas) into ids, keeping order.
std::vector<std::string> split_format_list(const std::string& list);

}  // namespace ccscan::reporters
