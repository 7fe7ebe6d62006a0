// Counts every human-facing format shows: findings by severity (suppressed ones apart), files by
// coverage status, and control statuses per framework. Derived from the Report, never stored.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/text.h"
#include "rules/report.h"

namespace ccscan::reporters {

struct FrameworkCounts {
    std::string id;       // "pci-dss"
    std::string display;  // "PCI DSS v4.0.1"
    int fail = 0, pass = 0, not_applicable = 0, manual = 0, waived = 0;
    int total() const { return fail + pass + not_applicable + manual + waived; }
};

struct Summary {
    std::array<int, 5> by_severity{};  // active (unsuppressed) findings, indexed by Severity
    int active = 0;
    int suppressed = 0;
    int scanned = 0, skipped = 0, failed = 0;
    // report.frameworks order, then any framework that only appears in report.controls.
    std::vector<FrameworkCounts> frameworks;
    int count(rules::Severity s) const { return by_severity[static_cast<std::size_t>(s)]; }
};

Summary summarize(const rules::Report& report);

bool is_suppressed(const rules::Finding& finding);

// "PCI DSS v4.0.1": the framework's name, with its version appended when the name lacks it.
std::string framework_display(const rules::FrameworkSummary& framework);

// "12 fail, 9 pass, 4 n/a, 11 manual" (+ ", 1 waived" when any).
std::string framework_counts_text(const FrameworkCounts& counts);

// Severities from most to least severe.
const std::array<rules::Severity, 5>& severities_descending();

// Orders control ids as people read them: "pci-dss:2.2.4" < "pci-dss:10.5.1",
// "gdpr:Art.5(1)(f)" < "gdpr:Art.13" (digit runs compare as numbers).
using analyzers::natural_less;
// report.controls by framework (as given) then natural id order.
std::vector<const rules::ControlResult*> controls_in_natural_order(const rules::Report& report);

// The rule summary with this id, or nullptr.
const rules::RuleSummary* find_rule(const rules::Report& report, const std::string& id);

}  // namespace ccscan::reporters
