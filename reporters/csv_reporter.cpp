// CSV for spreadsheets and GRC tools: RFC 4180 (CRLF records, fields quoted when they hold a
// comma, quote or line break), one row per finding including suppressed ones (see `status`).
// Every text cell that a spreadsheet would read as a formula (starting with = + - @, tab or CR)
// is prefixed with a single quote (OWASP "CSV injection"). Every cell goes through csv_cell
// (reporters/escape.h) in row(), the one writing point.
#include <sstream>

#include "reporters/escape.h"
#include "reporters/names.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
}

}  // namespace

std::string render_csv(const rules::Report& report, const RenderOptions& /*options*/) {
    std::ostringstream out;
    row(out, {"severity", "rule_id", "title", "path", "start_line", "start_column", "end_line", "end_column", "message",
              "controls", "evidence", "remediation", "format", "fingerprint", "status", "suppression_reason",
              "suppression_expires"});
    for (const rules::Finding& f : report.findings) {
        const rules::RuleSummary* rule = find_rule(report, f.rule_id);
        const analyzers::Span& s = f.location.span;
        row(out, {std::string(rules::to_string(f.severity)), f.rule_id, rule ? rule->title : "", f.location.path,
                  std::to_string(s.start.line), std::to_string(s.start.column), std::to_string(s.end.line),
                  std::to_string(s.end.column), f.message, joined(f.controls), f.evidence, f.remediation, f.format,
                  f.fingerprint, is_suppressed(f) ? std::string(to_string(f.suppression.kind)) : "open",
                  f.suppression.reason, f.suppression.expires});
    }
    return out.str();
}

}  // namespace ccscan::reporters
