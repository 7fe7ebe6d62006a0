#include "cli/report_assembly.h"

#include <algorithm>
#include <set>

#include "rules/control_matrix.h"
#include "rules/framework.h"

namespace ccscan::cli {

rules::Report assemble_report(const std::vector<rules::Pack>& packs, rules::ScanResult result,
                              std::vector<rules::StaleEntry> stale, rules::ScanInfo info, const std::string& data_root) {
    rules::Report report;
    report.tool.version = CCSCAN_VERSION;
    report.scan = std::move(info);
    for (const rules::Pack& p : packs) {
        report.packs.push_back({p.id, p.name, p.version, p.path, p.sha256, static_cast<int>(p.rules.size())});
        for (const rules::Rule& r : p.rules) {
            rules::RuleSummary s;
            s.id = r.id;
            s.pack = r.pack;
            s.title = r.title;
            s.description = r.description;
            s.remediation = r.remediation;
            s.help_uri = r.help_uri;
            s.precision = r.precision;
            s.matcher_kind = r.matcher_kind;
            s.severity = r.severity;
            s.controls = r.controls;
            s.formats = r.applies_to.formats;
            s.tags = r.tags;
            report.rules.push_back(std::move(s));
        }
    }
    std::sort(report.rules.begin(), report.rules.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    report.findings = std::move(result.findings);
    report.inventory = std::move(result.inventory);
    std::sort(report.inventory.begin(), report.inventory.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    report.diagnostics = std::move(result.diagnostics);
    report.stale = std::move(stale);
    rules::mask_report_paths(report);
    // The control matrix: every control of every catalogue, Manual where no rule speaks to it.
    if (auto frameworks = rules::load_frameworks(data_root + "/frameworks"); frameworks.ok()) {
        report.frameworks = rules::framework_summaries(*frameworks);
        report.controls = rules::compute_control_matrix(*frameworks, report.rules, report.findings, result.applicable);
    } else {
        report.diagnostics.push_back(frameworks.error());
    }
    return report;
}

}  // namespace ccscan::cli
