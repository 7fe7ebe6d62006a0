#include "reporters/summary.h"

#include <algorithm>

namespace ccscan::reporters {

using rules::ControlStatus;
using rules::FileStatus;
using rules::Severity;

bool is_suppressed(const rules::Finding& finding) {
    return finding.suppression.kind != rules::SuppressionKind::none;
}

std::string framework_display(const rules::FrameworkSummary& framework) {
    std::string name = framework.name.empty() ? framework.id : framework.name;
    if (framework.version.empty() || name.find(framework.version) != std::string::npos) return name;
    // "4.0.1" reads as "v4.0.1"; a version such as "2016/679" (a regulation number) stays as is.
    const bool numeric = framework.version.find_first_not_of("0123456789.") == std::string::npos;
    return name + (numeric ? " v" : " ") + framework.version;
}

std::string framework_counts_text(const FrameworkCounts& c) {
    std::string out = std::to_string(c.fail) + " fail, " + std::to_string(c.pass) + " pass, " +
                      std::to_string(c.not_applicable) + " n/a, " + std::to_string(c.manual) + " manual";
    if (c.waived > 0) out += ", " + std::to_string(c.waived) + " waived";
    return out;
}

const std::array<Severity, 5>& severities_descending() {
    static const std::array<Severity, 5> k_all{Severity::critical, Severity::high, Severity::medium, Severity::low,
                                               Severity::info};
    return k_all;
}

const rules::RuleSummary* find_rule(const rules::Report& report, const std::string& id) {
    auto it = std::lower_bound(report.rules.begin(), report.rules.end(), id,
                               [](const rules::RuleSummary& r, const std::string& key) { return r.id < key; });
    if (it != report.rules.end() && it->id == id) return &*it;
    // Tolerate an unsorted rule list (hand-built reports).
    auto linear = std::find_if(report.rules.begin(), report.rules.end(), [&](const auto& r) { return r.id == id; });
    return linear == report.rules.end() ? nullptr : &*linear;
}

std::vector<const rules::ControlResult*> controls_in_natural_order(const rules::Report& report) {
    std::vector<const rules::ControlResult*> out;
    for (const rules::ControlResult& c : report.controls) out.push_back(&c);
    std::stable_sort(out.begin(), out.end(), [](const auto* x, const auto* y) {
        if (x->framework != y->framework) return x->framework < y->framework;
        return natural_less(x->id, y->id);
    });
    return out;
}

namespace {

FrameworkCounts& counts_for(std::vector<FrameworkCounts>& all, const std::string& id) {
    auto it = std::find_if(all.begin(), all.end(), [&](const FrameworkCounts& c) { return c.id == id; });
    if (it != all.end()) return *it;
    all.push_back({id, id});
    return all.back();
}

void add_status(FrameworkCounts& c, ControlStatus s) {
    switch (s) {
        case ControlStatus::fail: ++c.fail; break;
        case ControlStatus::pass: ++c.pass; break;
        case ControlStatus::not_applicable: ++c.not_applicable; break;
        case ControlStatus::manual: ++c.manual; break;
        case ControlStatus::waived: ++c.waived; break;
    }
}

}  // namespace

Summary summarize(const rules::Report& report) {
    Summary s;
    for (const rules::Finding& f : report.findings) {
        if (is_suppressed(f)) {
            ++s.suppressed;
            continue;
        }
        ++s.active;
        ++s.by_severity[static_cast<std::size_t>(f.severity)];
    }
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status == FileStatus::scanned) ++s.scanned;
        if (e.status == FileStatus::skipped) ++s.skipped;
        if (e.status == FileStatus::failed) ++s.failed;
    }
    for (const rules::FrameworkSummary& fw : report.frameworks) s.frameworks.push_back({fw.id, framework_display(fw)});
    for (const rules::ControlResult& c : report.controls) add_status(counts_for(s.frameworks, c.framework), c.status);
    return s;
}

}  // namespace ccscan::reporters
