// Writes the native JSON report. Key order is fixed by construction (ordered_json, keys inserted
// in the documented order); collections come from the Report already sorted.
#include <nlohmann/json.hpp>

#include "reporters/integrity.h"
#include "reporters/json_reporter.h"
#include "reporters/names.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

using Json = nlohmann::ordered_json;

Json location_json(const rules::Location& l) {
    Json j;
    j["path"] = l.path;
    j["start_line"] = l.span.start.line;
    j["start_column"] = l.span.start.column;
    j["end_line"] = l.span.end.line;
    j["end_column"] = l.span.end.column;
    return j;
}

Json tool_json(const rules::ToolInfo& t) {
    return Json{{"name", t.name}, {"version", t.version}, {"information_uri", t.information_uri}};
}

Json scan_json(const rules::ScanInfo& s) {
    Json j;
    j["targets"] = s.targets;
    j["root"] = s.root;
    j["git_commit"] = s.git_commit;
    j["git_ref"] = s.git_ref;
    j["started_at"] = s.started_at;
    j["organisation"] = s.organisation;
    j["assessment"] = s.assessment;
    j["options"] = Json::object();
    for (const auto& [key, value] : s.options) j["options"][key] = value;
    return j;
}

Json pack_json(const rules::PackSummary& p) {
    return Json{{"id", p.id},     {"name", p.name},     {"version", p.version},
                {"path", p.path}, {"sha256", p.sha256}, {"rule_count", p.rule_count}};
}

Json rule_json(const rules::RuleSummary& r) {
    Json j;
    j["id"] = r.id;
    j["pack"] = r.pack;
    j["title"] = r.title;
    j["severity"] = rules::to_string(r.severity);
    j["precision"] = r.precision;
    j["matcher_kind"] = r.matcher_kind;
    j["controls"] = r.controls;
    j["formats"] = r.formats;
    j["tags"] = r.tags;
    j["description"] = r.description;
    j["remediation"] = r.remediation;
    j["help_uri"] = r.help_uri;
    return j;
}

Json suppression_json(const rules::Suppression& s) {
    Json j;
    j["kind"] = to_string(s.kind);
    j["reason"] = s.reason;
    j["expires"] = s.expires;
    j["approver"] = s.approver;
    j["where"] = location_json(s.where);
    return j;
}

Json finding_json(const rules::Finding& f) {
    Json j;
    j["rule_id"] = f.rule_id;
    j["severity"] = rules::to_string(f.severity);
    j["message"] = f.message;
    j["controls"] = f.controls;
    j["location"] = location_json(f.location);
    j["related"] = Json::array();
    for (const rules::Location& l : f.related) j["related"].push_back(location_json(l));
    j["path"] = Json::array();
    for (const rules::PathStep& step : f.path) {
        j["path"].push_back(Json{{"location", location_json(step.location)}, {"message", step.message}});
    }
    j["evidence"] = f.evidence;
    j["fingerprint"] = f.fingerprint;
    j["remediation"] = f.remediation;
    j["format"] = f.format;
    if (f.origin) j["origin"] = Json{{"commit", f.origin->commit}, {"author", f.origin->author}, {"date", f.origin->date}};
    if (is_suppressed(f)) j["suppression"] = suppression_json(f.suppression);
    return j;
}

Json inventory_json(const rules::InventoryEntry& e) {
    return Json{{"path", e.path},     {"format", e.format}, {"status", rules::to_string(e.status)},
                {"reason", e.reason}, {"sha256", e.sha256}, {"size", e.size},
                {"flows", e.flows}};
}

Json diagnostic_json(const analyzers::Diagnostic& d) {
    return Json{{"path", d.path},
                {"line", d.span.start.line},
                {"column", d.span.start.column},
                {"end_line", d.span.end.line},
                {"end_column", d.span.end.column},
                {"code", d.code},
                {"level", to_string(d.level)},
                {"message", d.message}};
}

Json control_json(const rules::ControlResult& c) {
    return Json{{"framework", c.framework}, {"id", c.id},       {"title", c.title},
                {"automation", c.automation}, {"status", rules::to_string(c.status)}, {"rules", c.rules},
                {"findings", c.findings},     {"artifacts", c.artifacts}};
}

Json stale_json(const rules::StaleEntry& s) {
    return Json{{"kind", s.kind},
                {"rule_id", s.rule_id},
                {"fingerprint", s.fingerprint},
                {"where", location_json(s.where)},
                {"message", s.message}};
}

Json summary_json(const rules::Report& report) {
    const Summary s = summarize(report);
    Json findings;
    findings["total"] = s.active;
    for (rules::Severity sev : severities_descending()) findings[std::string(rules::to_string(sev))] = s.count(sev);
    findings["suppressed"] = s.suppressed;
    Json frameworks = Json::array();
    for (const FrameworkCounts& c : s.frameworks) {
        frameworks.push_back(Json{{"id", c.id},
                                  {"fail", c.fail},
                                  {"pass", c.pass},
                                  {"not_applicable", c.not_applicable},
                                  {"manual", c.manual},
                                  {"waived", c.waived}});
    }
    return Json{{"findings", findings},
                {"files", Json{{"scanned", s.scanned}, {"skipped", s.skipped}, {"failed", s.failed}}},
                {"frameworks", frameworks}};
}

template <class T, class F>
Json array_of(const std::vector<T>& items, F convert) {
    Json out = Json::array();
    for (const T& item : items) out.push_back(convert(item));
    return out;
}

}  // namespace

std::string render_json(const rules::Report& report, const RenderOptions& options) {
    Json doc;
    doc["format_version"] = k_json_format_version;
    doc["tool"] = tool_json(report.tool);
    doc["scan"] = scan_json(report.scan);
    doc["packs"] = array_of(report.packs, pack_json);
    doc["rules"] = array_of(report.rules, rule_json);
    doc["findings"] = array_of(report.findings, finding_json);
    doc["inventory"] = array_of(report.inventory, inventory_json);
    doc["diagnostics"] = array_of(report.diagnostics, diagnostic_json);
    doc["frameworks"] = array_of(report.frameworks, [](const rules::FrameworkSummary& f) {
        return Json{{"id", f.id}, {"name", f.name}, {"version", f.version}};
    });
    doc["controls"] = array_of(report.controls, control_json);
    doc["stale"] = array_of(report.stale, stale_json);
    doc["summary"] = summary_json(report);
    doc["integrity"] = integrity_of(doc, options.sign_key);  // last: it covers everything above
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ccscan::reporters
