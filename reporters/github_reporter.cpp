// GitHub Actions workflow commands: one `::error|warning|notice file=...,line=...::message` per
// active finding, so findings show as annotations on the pull request diff without code
// scanning; files that could not be examined become warnings. Escaping follows
// @actions/core: %, CR and LF in the message; additionally ':' and ',' in property values
// (reporters/escape.h, github_data/github_property: every value written goes through one of them,
// so an annotation is always one log line and content cannot start a `::command::`).
#include <sstream>

#include "reporters/escape.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

std::string_view command(rules::Severity s) {
    if (s >= rules::Severity::high) return "error";
    if (s == rules::Severity::medium) return "warning";
    return "notice";
}

std::string properties(const rules::Location& l, const std::string& title) {
    std::string out = "file=" + github_property(l.path);
    const analyzers::Span& s = l.span;
    if (s.start.line > 0) out += ",line=" + std::to_string(s.start.line);
    if (s.start.column > 0) out += ",col=" + std::to_string(s.start.column);
    if (s.end.line >= s.start.line && s.end.line > 0) out += ",endLine=" + std::to_string(s.end.line);
    if (s.end.column > 0 && s.end.line >= s.start.line) out += ",endColumn=" + std::to_string(s.end.column);
    out += ",title=" + github_property(title);
    return out;
}

std::string message(const rules::Finding& f) {
    std::string text = "[" + std::string(rules::to_string(f.severity)) + "] " + f.message;
    if (!f.controls.empty()) {
        text += " (";
        for (std::size_t i = 0; i < f.controls.size(); ++i) text += (i ? ", " : "") + f.controls[i];
        text += ")";
    }
    if (!f.remediation.empty()) text += "\n" + f.remediation;
    return github_data(text);
}

}  // namespace

std::string render_github(const rules::Report& report, const RenderOptions& /*options*/) {
    std::ostringstream out;
    for (const rules::Finding& f : report.findings) {
        if (is_suppressed(f)) continue;
        out << "::" << command(f.severity) << " " << properties(f.location, f.rule_id) << "::" << message(f) << "\n";
    }
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status != rules::FileStatus::failed) continue;
        out << "::warning " << properties({e.path, {}}, "ccscan: file not examined") << "::"
            << github_data("could not be examined: " + e.reason) << "\n";
    }
    return out.str();
}

}  // namespace ccscan::reporters
