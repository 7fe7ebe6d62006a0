// Markdown for pull-request comments and $GITHUB_STEP_SUMMARY: a headline, a severity table,
// one line per framework, the most severe findings (at most k_top) and the files not examined.
// Text from the report is written only as markdown_inline or markdown_code (reporters/escape.h),
// so a message or file name cannot open a link, image, autolink or HTML, nor close the table.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "reporters/escape.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

constexpr std::size_t k_top = 20;

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string position(const rules::Location& l) {
    std::string out = l.path;
    if (l.span.start.line > 0) out += ":" + std::to_string(l.span.start.line);
    return out;
}

void write_counts(std::ostream& out, const Summary& s) {
    out << "| Severity | Findings |\n|---|---:|\n";
    for (rules::Severity sev : severities_descending()) out << "| " << capitalised(rules::to_string(sev)) << " | " << s.count(sev) << " |\n";
    out << "| **Total** | **" << s.active << "** |\n";
    if (s.suppressed > 0) out << "| Suppressed | " << s.suppressed << " |\n";
    out << "\nFiles: " << s.scanned << " scanned, " << s.skipped << " skipped, " << s.failed << " failed.\n\n";
}

void write_top(std::ostream& out, const rules::Report& report) {
    std::vector<const rules::Finding*> active;
    for (const rules::Finding& f : report.findings) {
        if (!is_suppressed(f)) active.push_back(&f);
    }
    if (active.empty()) return;
    std::stable_sort(active.begin(), active.end(), [](const auto* a, const auto* b) { return a->severity > b->severity; });
    out << "### " << (active.size() > k_top ? "Top findings" : "Findings") << "\n\n";
    out << "| Severity | Rule | Location | Message |\n|---|---|---|---|\n";
    for (std::size_t i = 0; i < active.size() && i < k_top; ++i) {
        const rules::Finding& f = *active[i];
        out << "| " << rules::to_string(f.severity) << " | " << markdown_code(f.rule_id, true) << " | "
            << markdown_code(position(f.location), true) << " | " << markdown_inline(f.message) << " |\n";
    }
    if (active.size() > k_top) out << "\n_" << active.size() - k_top << " more in the full report._\n";
    out << "\n";
}

void write_failed(std::ostream& out, const rules::Report& report) {
    bool any = false;
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status != rules::FileStatus::failed) continue;
        if (!any) out << "### Files not examined\n\n";
        any = true;
        out << "- " << markdown_code(e.path, false) << ": " << markdown_inline(e.reason) << "\n";
    }
    if (any) out << "\n";
}

}  // namespace

std::string render_markdown(const rules::Report& report, const RenderOptions& /*options*/) {
    const Summary s = summarize(report);
    std::ostringstream out;
    out << "## ccscan: " << s.active << (s.active == 1 ? " finding" : " findings");
    if (s.count(rules::Severity::critical) + s.count(rules::Severity::high) > 0) {
        out << " (" << s.count(rules::Severity::critical) << " critical, " << s.count(rules::Severity::high) << " high)";
    }
    out << "\n\n";
    write_counts(out, s);
    for (const FrameworkCounts& fw : s.frameworks) out << "- **" << markdown_inline(fw.display) << "**: " << framework_counts_text(fw) << "\n";
    if (!s.frameworks.empty()) out << "\n";
    write_top(out, report);
    write_failed(out, report);
    std::string text = out.str();
    while (text.size() > 1 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') text.pop_back();
    return text;
}

}  // namespace ccscan::reporters
