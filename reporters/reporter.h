// Reporters turn a rules::Report into bytes. Each output format is one function in one file
// (json_reporter.cpp, sarif_reporter.cpp, ...) listed in ONE table in registry.cpp; the table
// drives `--format` validation, `--help` and "did you mean".
//
// Renderers are pure: they never print, never touch the network, and given the same Report and
// options return byte-identical output. The only outside input is the optional `read_source`
// callback, which SARIF uses to compute GitHub's primaryLocationLineHash from the scanned file's
// lines; without it (or when it returns nullopt) that fingerprint is left out.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/report.h"

namespace ccscan::reporters {

struct RenderOptions {
    bool color = false;               // text: ANSI colours
    bool include_suppressed = false;  // SARIF: suppressed/baselined results with `suppressions`
    bool timestamps = false;          // emit scan.started_at where a format has a place for it
    std::string category;             // SARIF runAutomationDetails.id prefix (GitHub category)
    std::string sign_key;             // JSON: sign the integrity digest with HMAC-SHA256 (reporters/integrity.h)
    // Returns the content of a file named by a report path (relative to the scan root), or
    // nullopt when it cannot be read. See source_reader().
    std::function<std::optional<std::string>(const std::string& path)> read_source;
};

using RenderFunction = std::string (*)(const rules::Report&, const RenderOptions&);
// Writes the same bytes as the RenderFunction to a stream as they are produced, for formats
// whose reports grow with the findings (JSON, SARIF, HTML): memory stays at one item, not the file.
using StreamFunction = void (*)(const rules::Report&, const RenderOptions&, std::ostream&);

struct Reporter {
    std::string_view id;         // --format value
    std::string_view extension;  // with the dot: ".sarif"
    std::string_view description;
    RenderFunction render;
    StreamFunction write = nullptr;  // when set, write_reports streams with it
};

// Every reporter, in the order `--help` lists them.
const std::vector<Reporter>& reporters();
const Reporter* find_reporter(std::string_view id);
// " (did you mean 'sarif'?)" for an unknown id, ready to append to a message ("" when nothing is
// close).
std::string suggest_reporter(std::string_view id);

// Renders with the reporter named `format`; an unknown id is a Diagnostic listing the known ones.
analyzers::Result<std::string> render(const rules::Report& report, std::string_view format,
                                      const RenderOptions& options);

// A read_source callback reading `root / path` from disk (paths that escape root are refused).
std::function<std::optional<std::string>(const std::string&)> source_reader(std::string root);

// The per-format renderers (one file each).
std::string render_json(const rules::Report& report, const RenderOptions& options);
void write_json(const rules::Report& report, const RenderOptions& options, std::ostream& out);
std::string render_text(const rules::Report& report, const RenderOptions& options);
std::string render_sarif(const rules::Report& report, const RenderOptions& options);
void write_sarif(const rules::Report& report, const RenderOptions& options, std::ostream& out);
std::string render_html(const rules::Report& report, const RenderOptions& options);
void write_html(const rules::Report& report, const RenderOptions& options, std::ostream& out);
std::string render_junit(const rules::Report& report, const RenderOptions& options);
std::string render_markdown(const rules::Report& report, const RenderOptions& options);
std::string render_csv(const rules::Report& report, const RenderOptions& options);
std::string render_github(const rules::Report& report, const RenderOptions& options);

}  // namespace ccscan::reporters
