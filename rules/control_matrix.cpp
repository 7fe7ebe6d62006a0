#include "rules/control_matrix.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace ccscan::rules {

namespace {

struct Evidence {
    std::set<std::string> rules;
    int open = 0;        // unsuppressed findings
    int suppressed = 0;  // suppressed findings
    int artifacts = 0;   // largest applicable-artifact count among its rules
};

ControlStatus status_of(const Control& control, const Evidence& e) {
    if (e.open > 0) return ControlStatus::fail;
    if (e.suppressed > 0) return ControlStatus::waived;
    if (control.automation == "manual" || e.rules.empty()) return ControlStatus::manual;
    if (e.artifacts > 0) return ControlStatus::pass;
    return ControlStatus::not_applicable;
}

}  // namespace

bool control_id_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && db) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
            std::string_view na(a.data() + i, ie - i), nb(b.data() + j, je - j);
            while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
            while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

std::vector<ControlResult> compute_control_matrix(const std::vector<Framework>& frameworks,
                                                  const std::vector<RuleSummary>& rules,
                                                  const std::vector<Finding>& findings,
                                                  const std::map<std::string, int>& applicable_artifacts_per_rule) {
    std::map<std::string, Evidence> by_control;
    std::map<std::string, const RuleSummary*> rule_by_id;
    for (const RuleSummary& r : rules) {
        rule_by_id[r.id] = &r;
        auto it = applicable_artifacts_per_rule.find(r.id);
        int artifacts = it == applicable_artifacts_per_rule.end() ? 0 : it->second;
        for (const std::string& c : r.controls) {
            Evidence& e = by_control[c];
            e.rules.insert(r.id);
            e.artifacts = std::max(e.artifacts, artifacts);
        }
    }
    for (const Finding& f : findings) {
        // A finding counts for the controls of its rule (the engine copies them into the
        // finding; fall back to the rule's list for findings read back without them).
        const std::vector<std::string>* controls = &f.controls;
        auto r = rule_by_id.find(f.rule_id);
        if (controls->empty() && r != rule_by_id.end()) controls = &r->second->controls;
        for (const std::string& c : *controls) {
            Evidence& e = by_control[c];
            if (r != rule_by_id.end()) e.rules.insert(f.rule_id);
            (f.suppression.kind == SuppressionKind::none ? e.open : e.suppressed)++;
        }
    }
    std::vector<ControlResult> out;
    for (const Framework& fw : frameworks) {
        for (const Control& c : fw.controls) {
            static const Evidence k_none;
            auto it = by_control.find(c.id);
            const Evidence& e = it == by_control.end() ? k_none : it->second;
            ControlResult row;
            row.framework = fw.id;
            row.id = c.id;
            row.title = c.title;
            row.automation = c.automation;
            row.status = status_of(c, e);
            row.rules.assign(e.rules.begin(), e.rules.end());
            row.findings = e.open + e.suppressed;
            row.artifacts = e.artifacts;
            out.push_back(std::move(row));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ControlResult& a, const ControlResult& b) {
        if (a.framework != b.framework) return a.framework < b.framework;
        return control_id_less(a.id, b.id);
    });
    return out;
}

std::vector<FrameworkSummary> framework_summaries(const std::vector<Framework>& frameworks) {
    std::vector<FrameworkSummary> out;
    for (const Framework& fw : frameworks) out.push_back({fw.id, fw.name, fw.version});
    return out;
}

}  // namespace ccscan::rules
