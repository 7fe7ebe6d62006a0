// HTML report: charts, control matrix and findings (see html_reporter.cpp for the rest).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "reporters/escape.h"
#include "reporters/html_model.h"
#include "reporters/summary.h"

namespace ccscan::reporters::html {

namespace {

constexpr int k_bar_width = 300;  // px of the longest severity bar
constexpr int k_stack_width = 400;  // px of a framework's control-status bar

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string framework_of(const std::string& control) {
    const auto colon = control.find(':');
    return colon == std::string::npos ? std::string() : control.substr(0, colon);
}

std::map<std::string, std::string> framework_names(const rules::Report& report) {
    std::map<std::string, std::string> names;
    for (const FrameworkCounts& fw : summarize(report).frameworks) names[fw.id] = fw.display;
    return names;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

Data severity_bars(const Summary& s) {
    int max = 0;
    for (rules::Severity sev : severities_descending()) max = std::max(max, s.count(sev));
    Data bars = list();
    int y = 0;
    for (rules::Severity sev : severities_descending()) {
        const int count = s.count(sev);
        const int width = count == 0 ? 0 : std::max(3, static_cast<int>(std::lround(count * 1.0 * k_bar_width / max)));
        Data d;
        d.set("id", std::string(rules::to_string(sev)));
        d.set("label", capitalised(rules::to_string(sev)));
        d.set("count", std::to_string(count));
        d.set("width", std::to_string(width));
        d.set("y", std::to_string(y));
        d.set("count_x", std::to_string(90 + width + 6));
        bars.push_back(d);
        y += 26;
    }
    return bars;
}

Data status_segments(const FrameworkCounts& fw) {
    const std::pair<const char*, int> parts[] = {{"fail", fw.fail},     {"waived", fw.waived}, {"manual", fw.manual},
                                                 {"n/a", fw.not_applicable}, {"pass", fw.pass}};
    Data segments = list();
    int x = 0, used = 0, seen = 0;
    for (const auto& [label, count] : parts) {
        if (count == 0) continue;
        seen += count;
        // Cumulative rounding keeps the segments exactly k_stack_width wide together.
        const int end = static_cast<int>(std::lround(seen * 1.0 * k_stack_width / fw.total()));
        Data d;
        d.set("cls", std::string(label) == "n/a" ? "na" : label);
        d.set("label", std::to_string(count) + " " + label);
        d.set("x", std::to_string(x));
        d.set("width", std::to_string(end - used));
        segments.push_back(d);
        x = end;
        used = end;
    }
    return segments;
}

Data control_data(const rules::ControlResult& c) {
    Data d;
    d.set("id", c.id);
    d.set("title", c.title.empty() ? "-" : c.title);
    d.set("automation", c.automation.empty() ? "-" : c.automation);
    d.set("status", c.status == rules::ControlStatus::not_applicable ? "na" : std::string(rules::to_string(c.status)));
    d.set("status_label", c.status == rules::ControlStatus::not_applicable ? "N/A" : capitalised(rules::to_string(c.status)));
    d.set("rules", c.rules.empty() ? "-" : joined(c.rules, ", "));
    d.set("findings", std::to_string(c.findings));
    d.set("has_findings", Data(c.findings > 0));
    d.set("artifacts", std::to_string(c.artifacts));
    return d;
}

Data step_list(const std::vector<rules::PathStep>& path) {
    Data out = list();
    for (std::size_t i = 0; i < path.size(); ++i) {
        Data d;
        d.set("n", std::to_string(i + 1));
        d.set("location", location_text(path[i].location));
        d.set("message", path[i].message);
        d.set("last", Data(i + 1 == path.size()));
        out.push_back(d);
    }
    return out;
}

Data finding_data(const rules::Finding& f, std::size_t n, const rules::Report& report) {
    const rules::RuleSummary* rule = find_rule(report, f.rule_id);
    std::vector<std::string> frameworks;
    for (const std::string& c : f.controls) {
        const std::string fw = framework_of(c);
        if (!fw.empty() && std::find(frameworks.begin(), frameworks.end(), fw) == frameworks.end()) frameworks.push_back(fw);
    }
    Data d;
    d.set("n", std::to_string(n));
    d.set("severity", std::string(rules::to_string(f.severity)));
    d.set("severity_label", capitalised(rules::to_string(f.severity)));
    d.set("rule_id", f.rule_id);
    d.set("title", rule && !rule->title.empty() ? rule->title : f.rule_id);
    d.set("message", f.message);
    d.set("location", location_text(f.location));
    d.set("path", f.location.path);
    d.set("format", f.format.empty() ? "unknown" : f.format);
    d.set("controls", text_list(f.controls));
    d.set("controls_attr", joined(f.controls, " "));
    d.set("frameworks_attr", joined(frameworks, " "));
    d.set("evidence", f.evidence);
    d.set("has_evidence", Data(!f.evidence.empty()));
    const std::string remediation = !f.remediation.empty() ? f.remediation : rule ? rule->remediation : "";
    d.set("remediation", remediation);
    d.set("has_remediation", Data(!remediation.empty()));
    d.set("steps", step_list(f.path));
    d.set("has_steps", Data(!f.path.empty()));
    std::vector<std::string> related;
    for (const rules::Location& l : f.related) related.push_back(location_text(l));
    d.set("related", text_list(related));
    d.set("has_related", Data(!related.empty()));
    d.set("has_origin", Data(f.origin.has_value()));
    if (f.origin) {
        d.set("origin_commit", f.origin->commit);
        d.set("origin_author", f.origin->author);
        d.set("origin_date", f.origin->date);
    }
    // The only link a finding carries: the rule pack's help_uri, when it is a plain http(s) URL.
    const std::string help = http_url(rule ? rule->help_uri : "");
    d.set("has_help_uri", Data(!help.empty()));
    d.set("help_uri", help);
    d.set("fingerprint", f.fingerprint);
    return d;
}

Data options_of(const std::set<std::string>& values, const std::map<std::string, std::string>& labels = {}) {
    Data out = list();
    for (const std::string& v : values) {
        Data d;
        d.set("value", v);
        auto it = labels.find(v);
        d.set("label", it == labels.end() ? v : it->second);
        out.push_back(d);
    }
    return out;
}

}  // namespace

void add_charts(Data& view, const rules::Report& report) {
    const Summary s = summarize(report);
    view.set("total", std::to_string(s.active));
    view.set("suppressed_count", std::to_string(s.suppressed));
    view.set("scanned", std::to_string(s.scanned));
    view.set("skipped", std::to_string(s.skipped));
    view.set("failed", std::to_string(s.failed));
    view.set("severity_bars", severity_bars(s));
    Data rows = list();
    int y = 0;
    for (const FrameworkCounts& fw : s.frameworks) {
        if (fw.total() == 0) continue;
        Data d;
        d.set("display", fw.display);
        d.set("counts", framework_counts_text(fw));
        d.set("segments", status_segments(fw));
        d.set("y", std::to_string(y));
        rows.push_back(d);
        y += 60;  // name, counts, bar
    }
    view.set("framework_rows", rows);
    view.set("framework_chart_height", std::to_string(std::max(y, 1)));
    view.set("has_framework_rows", Data(y > 0));
}

void add_controls(Data& view, const rules::Report& report) {
    Data frameworks = list();
    for (const FrameworkCounts& fw : summarize(report).frameworks) {
        Data controls = list();
        for (const rules::ControlResult* c : controls_in_natural_order(report)) {
            if (c->framework == fw.id) controls.push_back(control_data(*c));
        }
        if (controls.list_value().empty()) continue;
        Data d;
        d.set("id", fw.id);
        d.set("display", fw.display);
        d.set("counts", framework_counts_text(fw));
        d.set("controls", controls);
        frameworks.push_back(d);
    }
    view.set("has_matrix", Data(!frameworks.list_value().empty()));
    view.set("matrix", frameworks);
}

namespace {

// Most severe first; report order (file, line) within a severity.
std::vector<const rules::Finding*> open_findings(const rules::Report& report) {
    std::vector<const rules::Finding*> open;
    for (const rules::Finding& f : report.findings) {
        if (!is_suppressed(f)) open.push_back(&f);
    }
    std::stable_sort(open.begin(), open.end(), [](const auto* a, const auto* b) { return a->severity > b->severity; });
    return open;
}

}  // namespace

void add_findings(Data& view, const rules::Report& report) {
    std::set<std::string> frameworks, formats, files;
    std::set<rules::Severity> severities;
    std::size_t n = 0;
    for (const rules::Finding* fp : open_findings(report)) {
        const rules::Finding& f = *fp;
        ++n;
        for (const std::string& c : f.controls) {
            if (!framework_of(c).empty()) frameworks.insert(framework_of(c));
        }
        formats.insert(f.format.empty() ? "unknown" : f.format);
        files.insert(f.location.path);
        severities.insert(f.severity);
    }
    view.set("has_findings", Data(n > 0));
    view.set("framework_options", options_of(frameworks, framework_names(report)));
    view.set("format_options", options_of(formats));
    view.set("file_options", options_of(files));
    Data severity_options = list();
    for (rules::Severity sev : severities_descending()) {
        if (!severities.count(sev)) continue;
        Data d;
        d.set("value", std::string(rules::to_string(sev)));
        d.set("label", capitalised(rules::to_string(sev)));
        severity_options.push_back(d);
    }
    view.set("severity_options", severity_options);
}

void for_each_finding_view(const rules::Report& report, const std::function<void(const Data&)>& render) {
    std::size_t n = 0;
    for (const rules::Finding* f : open_findings(report)) render(finding_data(*f, ++n, report));
}

}  // namespace ccscan::reporters::html
