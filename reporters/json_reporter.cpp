// Writes the native JSON report as a stream (reporters/json_stream.h): each finding, inventory
// entry, ... is built as a small nlohmann value, written and dropped, so memory does not grow
// with the report. Key order is fixed by construction (keys inserted in the documented order);
// collections come from the Report already sorted. The integrity digest is computed in a second
// pass over the Report in canonical (sorted-key) order, also an item at a time.
#include <functional>
#include <map>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "reporters/integrity.h"
#include "reporters/json_reporter.h"
#include "reporters/json_stream.h"

#include "reporters/escape.h"
#include "reporters/names.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {


template <class J>
J location_json(const rules::Location& l) {
    J j;
    j["path"] = l.path;
    j["start_line"] = l.span.start.line;
    j["start_column"] = l.span.start.column;
    j["end_line"] = l.span.end.line;
    j["end_column"] = l.span.end.column;
    return j;
}

template <class J>
J tool_json(const rules::ToolInfo& t) {
    return J{{"name", t.name}, {"version", t.version}, {"information_uri", t.information_uri}};
}

template <class J>
J scan_json(const rules::ScanInfo& s) {
    J j;
    j["targets"] = s.targets;
    j["root"] = s.root;
    j["git_commit"] = s.git_commit;
    j["git_ref"] = s.git_ref;
    j["started_at"] = s.started_at;
    j["organisation"] = s.organisation;
    j["assessment"] = s.assessment;
    j["options"] = J::object();
    for (const auto& [key, value] : s.options) j["options"][key] = value;
    return j;
}

template <class J>
J pack_json(const rules::PackSummary& p) {
    return J{{"id", p.id},     {"name", p.name},     {"version", p.version},
                {"path", p.path}, {"sha256", p.sha256}, {"rule_count", p.rule_count}};
}

template <class J>
J rule_json(const rules::RuleSummary& r) {
    J j;
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

template <class J>
J suppression_json(const rules::Suppression& s) {
    J j;
    j["kind"] = to_string(s.kind);
    j["reason"] = s.reason;
    j["expires"] = s.expires;
    j["approver"] = s.approver;
    j["where"] = location_json<J>(s.where);
    return j;
}

template <class J>
J finding_json(const rules::Finding& f) {
    J j;
    j["rule_id"] = f.rule_id;
    j["severity"] = rules::to_string(f.severity);
    j["message"] = f.message;
    j["controls"] = f.controls;
    j["location"] = location_json<J>(f.location);
    j["related"] = J::array();
    for (const rules::Location& l : f.related) j["related"].push_back(location_json<J>(l));
    j["path"] = J::array();
    for (const rules::PathStep& step : f.path) {
        j["path"].push_back(J{{"location", location_json<J>(step.location)}, {"message", step.message}});
    }
    j["evidence"] = f.evidence;
    j["fingerprint"] = f.fingerprint;
    j["remediation"] = f.remediation;
    j["format"] = f.format;
    if (f.origin) j["origin"] = J{{"commit", f.origin->commit}, {"author", f.origin->author}, {"date", f.origin->date}};
    if (is_suppressed(f)) j["suppression"] = suppression_json<J>(f.suppression);
    return j;
}

template <class J>
J inventory_json(const rules::InventoryEntry& e) {
    return J{{"path", e.path},     {"format", e.format}, {"status", rules::to_string(e.status)},
                {"reason", e.reason}, {"sha256", e.sha256}, {"size", e.size},
                {"flows", e.flows}};
}

template <class J>
J diagnostic_json(const analyzers::Diagnostic& d) {
    return J{{"path", d.path},
                {"line", d.span.start.line},
                {"column", d.span.start.column},
                {"end_line", d.span.end.line},
                {"end_column", d.span.end.column},
                {"code", d.code},
                {"level", to_string(d.level)},
                {"message", d.message}};
}

template <class J>
J control_json(const rules::ControlResult& c) {
    return J{{"framework", c.framework}, {"id", c.id},       {"title", c.title},
                {"automation", c.automation}, {"status", rules::to_string(c.status)}, {"rules", c.rules},
                {"findings", c.findings},     {"artifacts", c.artifacts}};
}

template <class J>
J stale_json(const rules::StaleEntry& s) {
    return J{{"kind", s.kind},
                {"rule_id", s.rule_id},
                {"fingerprint", s.fingerprint},
                {"where", location_json<J>(s.where)},
                {"message", s.message}};
}

template <class J>
J summary_json(const rules::Report& report) {
    const Summary s = summarize(report);
    J findings;
    findings["total"] = s.active;
    for (rules::Severity sev : severities_descending()) findings[std::string(rules::to_string(sev))] = s.count(sev);
    findings["suppressed"] = s.suppressed;
    J frameworks = J::array();
    for (const FrameworkCounts& c : s.frameworks) {
        frameworks.push_back(J{{"id", c.id},
                                  {"fail", c.fail},
                                  {"pass", c.pass},
                                  {"not_applicable", c.not_applicable},
                                  {"manual", c.manual},
                                  {"waived", c.waived}});
    }
    return J{{"findings", findings},
                {"files", J{{"scanned", s.scanned}, {"skipped", s.skipped}, {"failed", s.failed}}},
                {"frameworks", frameworks}};
}

template <class J>
J framework_json(const rules::FrameworkSummary& f) {
    return J{{"id", f.id}, {"name", f.name}, {"version", f.version}};
}

template <class J>
J shard_json(const rules::ShardInfo& s) {
    J applicable = J::object();
    for (const auto& [rule, n] : s.applicable) applicable[rule] = n;
    return J{{"index", s.index}, {"count", s.count}, {"config_digest", s.config_digest}, {"applicable", applicable}};
}

// The report's top-level members in document order, each given to `out` whole (value) or as an
// array to build an item at a time (items). Out::Json is the nlohmann type to build.
template <class Out>
void write_sections(const rules::Report& report, Out& out) {
    using J = typename Out::Json;
    out.value("format_version", J(k_json_format_version));
    out.value("tool", tool_json<J>(report.tool));
    out.value("scan", scan_json<J>(report.scan));
    out.items("packs", report.packs, &pack_json<J>);
    out.items("rules", report.rules, &rule_json<J>);
    out.items("findings", report.findings, &finding_json<J>);
    out.items("inventory", report.inventory, &inventory_json<J>);
    out.items("diagnostics", report.diagnostics, &diagnostic_json<J>);
    out.items("frameworks", report.frameworks, &framework_json<J>);
    out.items("controls", report.controls, &control_json<J>);
    out.items("stale", report.stale, &stale_json<J>);
    if (report.shard) out.value("shard", shard_json<J>(*report.shard));
    out.value("summary", summary_json<J>(report));
}

// Writes the members as they come.
struct DocumentOut {
    using Json = nlohmann::ordered_json;
    JsonStream& stream;

    void value(std::string_view name, const Json& v) {
        stream.key(name);
        stream.value(v);
    }
    template <class T>
    void items(std::string_view name, const std::vector<T>& list, Json (*convert)(const T&)) {
        stream.key(name);
        stream.begin_array();
        for (const T& item : list) stream.value(convert(item));
        stream.end_array();
    }
};

// Collects the members, then hands them to the integrity digest in sorted order; the arrays are
// still built an item at a time.
struct DigestOut {
    using Json = nlohmann::json;
    std::map<std::string, std::function<void(IntegrityBuilder&)>, std::less<>> members;

    void value(std::string_view name, Json v) {
        members.emplace(name, [v = std::move(v), name](IntegrityBuilder& b) { b.section(name, v); });
    }
    template <class T>
    void items(std::string_view name, const std::vector<T>& list, Json (*convert)(const T&)) {
        members.emplace(name, [&list, convert, name](IntegrityBuilder& b) {
            b.begin_items(name);
            for (const T& item : list) b.item(convert(item));
            b.end_items();
        });
    }
};

}  // namespace

void write_json(const rules::Report& report, const RenderOptions& options, std::ostream& out) {
    JsonStream stream(out);
    stream.begin_object();
    DocumentOut document{stream};
    write_sections(report, document);

    DigestOut digest;
    write_sections(report, digest);
    IntegrityBuilder integrity;
    for (const auto& [name, write] : digest.members) write(integrity);
    stream.key("integrity");  // last: it covers everything above
    stream.value(integrity.finish(options.sign_key));
    stream.end_object();
    out << '\n';
}

std::string render_json(const rules::Report& report, const RenderOptions& options) {
    std::ostringstream out;
    write_json(report, options, out);
    return std::move(out).str();
}

}  // namespace ccscan::reporters
