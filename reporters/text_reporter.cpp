// Human text for terminals and logs: findings grouped by file, one line each
// (`path:line:col: severity RULE-ID message`), flow steps indented below, then files that could
// not be examined, a summary line and one control-status line per framework. Suppressed findings
// are counted, not listed. ANSI colour only when RenderOptions::color. Text from the report is
// shown through terminal_text (reporters/escape.h) by TextOut, the one writer.
#include <string>

#include "reporters/escape.h"
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

// The only way text reaches the output: every piece written with << is shown through
// terminal_text (no raw control, escape sequence or bidi character from a scanned file, and no
// line break: a file cannot fake lines); colour codes and line ends come only from this class.
class TextOut {
public:
    explicit TextOut(bool colour) : m_colour(colour) {}

    struct Styled {
        std::string_view code;
        std::string text;
    };

    TextOut& operator<<(std::string_view text) {
        m_out += terminal_text(text);
        return *this;
    }
    TextOut& operator<<(const Styled& s) {
        if (m_colour) m_out += s.code;
        m_out += terminal_text(s.text);
        if (m_colour) m_out += k_reset;
        return *this;
    }
    void end_line() { m_out += '\n'; }
    std::string str() && { return std::move(m_out); }

private:
    bool m_colour;
    std::string m_out;
};

TextOut::Styled paint(std::string_view code, std::string text) { return {code, std::move(text)}; }

std::string position(const rules::Location& l) {
    std::string out = l.path;
    if (l.span.start.line != 0) out += ":" + std::to_string(l.span.start.line) + ":" + std::to_string(l.span.start.column);
    return out;
}

void write_finding(TextOut& out, const rules::Finding& f) {
    out << paint(k_bold, position(f.location)) << ": " << paint(severity_colour(f.severity), std::string(rules::to_string(f.severity)))
        << " " << f.rule_id << " " << f.message;
    out.end_line();
    if (!f.evidence.empty()) {
        out << "    " << paint(k_dim, "evidence: ") << f.evidence;
        out.end_line();
    }
    for (std::size_t i = 0; i < f.path.size(); ++i) {
        const rules::PathStep& step = f.path[i];
        out << "    " << paint(k_dim, std::to_string(i + 1) + ". " + position(step.location)) << " " << step.message;
        out.end_line();
    }
    for (const rules::Location& l : f.related) {
        out << "    " << paint(k_dim, "related: ") << position(l);
        out.end_line();
    }
}

void write_findings(TextOut& out, const rules::Report& report) {
    const std::string* current = nullptr;
    for (const rules::Finding& f : report.findings) {
        if (is_suppressed(f)) continue;
        if (current && *current != f.location.path) out.end_line();
        current = &f.location.path;
        write_finding(out, f);
    }
    if (current) out.end_line();
}

void write_failed(TextOut& out, const rules::Report& report) {
    bool any = false;
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status != rules::FileStatus::failed) continue;
        if (!any) {
            out << paint(k_bold, "Files that could not be examined:");
            out.end_line();
        }
        any = true;
        out << "  " << e.path << ": " << e.reason;
        out.end_line();
    }
    if (any) out.end_line();
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
    const Summary summary = summarize(report);
    TextOut out(options.color);
    write_findings(out, report);
    write_failed(out, report);
    out << paint(k_bold, summary_line(summary));
    out.end_line();
    for (const FrameworkCounts& fw : summary.frameworks) {
        out << fw.display << ": " << framework_counts_text(fw);
        out.end_line();
    }
    return std::move(out).str();
}

}  // namespace ccscan::reporters
