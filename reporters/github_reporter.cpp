// GitHub Actions workflow commands: one `::error|warning|notice file=...,line=...::message` per
// active finding, so findings show as annotations on the pull request diff without code
// scanning; files that could not be examined become warnings. Escaping follows
// @actions/core: %, CR and LF in the message; additionally ':' and ',' in property values.
#include <sstream>

#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

std::string escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out;
    for (char c : escape_data(text)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string_view command(rules::Severity s) {
    if (s >= rules::Severity::high) return "error";
    if (s == rules::Severity::medium) return "warning";
    return "notice";
}

std::string properties(const rules::Location& l, const std::string& title) {
    std::string out = "file=" + escape_property(l.path);
    const analyzers::Span& s = l.span;
    if (s.start.line > 0) out += ",line=" + std::to_string(s.start.line);
    if (s.start.column > 0) out += ",col=" + std::to_string(s.start.column);
    if (s.end.line >= s.start.line && s.end.line > 0) out += ",endLine=" + std::to_string(s.end.line);
    if (s.end.column > 0 && s.end.line >= s.start.line) out += ",endColumn=" + std::to_string(s.end.column);
    out += ",title=" + escape_property(title);
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
    return escape_data(text);
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
            << escape_data("could not be examined: " + e.reason) << "\n";
    }
    return out.str();
}

}  // namespace ccscan::reporters
