#include "rules/report.h"

#include <algorithm>
#include <tuple>

#include "analyzers/text_mask.h"

namespace ccscan::rules {

namespace {

void mask(std::string& path) {
    if (analyzers::has_maskable_digit_run(path)) path = analyzers::mask_digit_runs(path);
}

void mask(Location& l) { mask(l.path); }

}  // namespace

void mask_report_paths(Report& report) {
    for (Finding& f : report.findings) {
        mask(f.location);
        for (Location& l : f.related) mask(l);
        for (PathStep& s : f.path) mask(s.location);
        mask(f.suppression.where);
    }
    for (InventoryEntry& e : report.inventory) {
        mask(e.path);
        mask(e.reason);
    }
    for (analyzers::Diagnostic& d : report.diagnostics) mask(d.path);
    for (StaleEntry& s : report.stale) mask(s.where);
    std::stable_sort(report.findings.begin(), report.findings.end(), finding_less);
    std::stable_sort(report.inventory.begin(), report.inventory.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_order);
    std::stable_sort(report.stale.begin(), report.stale.end(), stale_order);
}

bool diagnostic_order(const analyzers::Diagnostic& a, const analyzers::Diagnostic& b) {
    return std::tie(a.path, a.span, a.code, a.message, a.level) < std::tie(b.path, b.span, b.code, b.message, b.level);
}

bool stale_order(const StaleEntry& a, const StaleEntry& b) {
    const bool ia = a.kind == "inline", ib = b.kind == "inline";
    if (ia != ib) return ia;
    return ia && std::tie(a.where, a.rule_id, a.message) < std::tie(b.where, b.rule_id, b.message);
}

std::string_view to_string(FileStatus s) {
    switch (s) {
        case FileStatus::scanned: return "scanned";
        case FileStatus::skipped: return "skipped";
        case FileStatus::failed: return "failed";
    }
    return "scanned";
}

std::string_view to_string(ControlStatus s) {
    switch (s) {
        case ControlStatus::fail: return "fail";
        case ControlStatus::pass: return "pass";
        case ControlStatus::not_applicable: return "not_applicable";
        case ControlStatus::manual: return "manual";
        case ControlStatus::waived: return "waived";
    }
    return "manual";
}

}  // namespace ccscan::rules
