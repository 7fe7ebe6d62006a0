// Human text for terminals and logs: findings grouped by file, one line each
// (`path:line:col: severity RULE-ID message`), flow steps indented below, then files that could
// not be examined, a summary line and one control-status line per framework. Suppressed findings
// are counted, not listed. ANSI colour only when RenderOptions::color.
#include <sstream>

#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";

std::string_view severity_colour(rules::Severity s) {
    switch (s) {
        case rules::Severity::critical: return "\x1b[1;35m";
        case rules::Severity::high: return "\x1b[1;31m";
        case rules::Severity::medium: return "\x1b[33m";
        case rules::Severity::low: return "\x1b[36m";
        case rules::Severity::info: return "\x1b[2m";
    }
    return "";
}

class Painter {
public:
    explicit Painter(bool on) : m_on(on) {}
    std::string operator()(std::string_view code, std::string_view text) const {
        if (!m_on) return std::string(text);
        return std::string(code) + std::string(text) + std::string(k_reset);
    }

private:
    bool m_on;
};

std::string position(const rules::Location& l) {
    std::string out = l.path;
    if (l.span.start.line != 0) out += ":" + std::to_string(l.span.start.line) + ":" + std::to_string(l.span.start.column);
    return out;
}

void write_finding(std::ostream& out, const rules::Finding& f, const Painter& paint) {
    out << paint(k_bold, position(f.location)) << ": " << paint(severity_colour(f.severity), rules::to_string(f.severity))
        << " " << f.rule_id << " " << f.message << "\n";
    if (!f.evidence.empty()) out << "    " << paint(k_dim, "evidence: ") << f.evidence << "\n";
    for (std::size_t i = 0; i < f.path.size(); ++i) {
        const rules::PathStep& step = f.path[i];
        out << "    " << paint(k_dim, std::to_string(i + 1) + ". " + position(step.location)) << " " << step.message << "\n";
    }
    for (const rules::Location& l : f.related) out << "    " << paint(k_dim, "related: ") << position(l) << "\n";
}

void write_findings(std::ostream& out, const rules::Report& report, const Painter& paint) {
    const std::string* current = nullptr;
    for (const rules::Finding& f : report.findings) {
        if (is_suppressed(f)) continue;
        if (current && *current != f.location.path) out << "\n";
        current = &f.location.path;
        write_finding(out, f, paint);
    }
    if (current) out << "\n";
}

void write_failed(std::ostream& out, const rules::Report& report, const Painter& paint) {
    bool any = false;
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status != rules::FileStatus::failed) continue;
        if (!any) out << paint(k_bold, "Files that could not be examined:") << "\n";
        any = true;
        out << "  " << e.path << ": " << e.reason << "\n";
    }
    if (any) out << "\n";
}

std::string summary_line(const Summary& s) {
    std::string out = std::to_string(s.active) + (s.active == 1 ? " finding" : " findings");
    std::string parts;
    for (rules::Severity sev : severities_descending()) {
        if (s.count(sev) == 0) continue;
        parts += (parts.empty() ? "" : ", ") + std::to_string(s.count(sev)) + " " + std::string(rules::to_string(sev));
    }
    if (!parts.empty()) out += " (" + parts + ")";
    if (s.suppressed > 0) out += ", " + std::to_string(s.suppressed) + " suppressed";
    out += "; " + std::to_string(s.scanned) + " files scanned, " + std::to_string(s.skipped) + " skipped, " +
           std::to_string(s.failed) + " failed";
    return out;
}

}  // namespace

std::string render_text(const rules::Report& report, const RenderOptions& options) {
    const Painter paint(options.color);
    const Summary summary = summarize(report);
    std::ostringstream out;
    write_findings(out, report, paint);
    write_failed(out, report, paint);
    out << paint(k_bold, summary_line(summary)) << "\n";
    for (const FrameworkCounts& fw : summary.frameworks) {
        out << fw.display << ": " << framework_counts_text(fw) << "\n";
    }
    return out.str();
}

}  // namespace ccscan::reporters
