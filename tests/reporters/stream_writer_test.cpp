// The streaming JSON and SARIF writers (reporters/json_stream.h) against DOM-based writing: the
// JSON report against the DOM writer it replaced (kept here, below, as the reference), SARIF
// against nlohmann's own layout of the same document, both on the sample report and on a large
// report full of text a writer could mangle (invalid UTF-8, controls, bidi, quotes, non-BMP).
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reporters/escape.h"
#include "reporters/integrity.h"
#include "reporters/json_reporter.h"
#include "reporters/names.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"
#include "tests/reporters/sample_report.h"

namespace ccscan::reporters {
namespace {

// The DOM-based render_json as it was before streaming (commit 52c9198), verbatim.
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

namespace {

std::string legacy_render_json(const rules::Report& report, const RenderOptions& options) {
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
    // json_document only rewrites unsafe characters as \u escapes: the parsed content, which the
    // integrity digest covers, is unchanged.
    return json_document(doc.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}


// Text every escape has to get right, cycled through the report's strings.
const std::vector<std::string> k_hostile = {
    "plain",
    "quote \" backslash \\ slash / tab \t newline \n cr \r",
    "controls \x01\x02\x1b[31m\x7f",
    "invalid \xff\xfe utf-8 \xc3 cut",
    "truncated at the end \xe2\x80",
    "bidi \u202e override \u2066 isolate \u200b zero-width",
    "non-BMP \U0001F4DE and tag \U000E0041",
    "C1 \u0085 and BOM \ufeff",
    "",
};

const std::string& hostile(std::size_t i) { return k_hostile[i % k_hostile.size()]; }

rules::Report hostile_report(std::size_t findings) {
    rules::Report r = test::sample_report();
    r.scan.options["odd \xff key"] = hostile(3);
    for (std::size_t i = 0; i < findings; ++i) {
        rules::Finding f = r.findings[i % r.findings.size()];
        f.message = "finding " + std::to_string(i) + ": " + hostile(i);
        f.evidence = hostile(i + 1);
        f.location.path = "dir " + hostile(i + 2) + "/file" + std::to_string(i / 7) + ".py";
        f.location.span = {{static_cast<std::uint32_t>(i % 90 + 1), 3}, {static_cast<std::uint32_t>(i % 90 + 1), 9}};
        if (i % 3 == 0) f.related.push_back({"other/" + hostile(i) + ".js", {{2, 1}, {2, 4}}});
        if (i % 5 == 0) f.path.push_back({{f.location.path, {{1, 1}, {1, 2}}}, "step " + hostile(i + 4)});
        if (i % 11 == 0) f.suppression = {rules::SuppressionKind::waiver, "because " + hostile(i), "2031-01-01", "a.person", f.location};
        if (i % 13 == 0) f.origin = analyzers::GitOrigin{"abc" + std::to_string(i), hostile(i + 5), "2030-01-02"};
        r.findings.push_back(std::move(f));
    }
    for (std::size_t i = 0; i < findings / 4; ++i) {
        rules::InventoryEntry e;
        e.path = "inv/" + hostile(i) + std::to_string(i);
        e.format = "python";
        e.reason = hostile(i + 1);
        e.sha256 = std::string(64, 'a');
        e.size = i * 1000003ULL;
        r.inventory.push_back(std::move(e));
    }
    r.diagnostics.push_back(analyzers::make_diagnostic("parse", "bad/" + hostile(3), {4, 5}, "cannot parse " + hostile(6)));
    return r;
}

// What a DOM writer gives for the document in `text`: parse it (key order kept) and lay it out
// again with nlohmann's dump(2) and json_document.
std::string dom_layout(const std::string& text) {
    const auto doc = nlohmann::ordered_json::parse(text);
    return json_document(doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

}  // namespace

TEST_CASE("streamed json report is byte-identical to the DOM writer", "[report][json-report][stream]") {
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{500}}) {
        const rules::Report report = n == 0 ? test::sample_report() : hostile_report(n);
        for (const std::string key : {"", "a signing key"}) {
            RenderOptions options;
            options.sign_key = key;
            const std::string streamed = render_json(report, options);
            CHECK(streamed == legacy_render_json(report, options));
            std::ostringstream out;
            write_json(report, options, out);
            CHECK(out.str() == streamed);
            const IntegrityResult check = check_integrity(streamed, key);
            CHECK(check.present);
            CHECK(check.problems.empty());
        }
    }
}

TEST_CASE("streamed json report of an empty report is byte-identical to the DOM writer", "[report][json-report][stream]") {
    const rules::Report empty;
    CHECK(render_json(empty, {}) == legacy_render_json(empty, {}));
}

TEST_CASE("streamed sarif has the DOM writer's layout", "[report][sarif][stream]") {
    for (const std::size_t n : {std::size_t{0}, std::size_t{500}}) {
        const rules::Report report = n == 0 ? test::sample_report() : hostile_report(n);
        for (const bool suppressed : {false, true}) {
            RenderOptions options;
            options.include_suppressed = suppressed;
            options.read_source = [](const std::string& path) -> std::optional<std::string> {
                const std::string text = test::sample_source(path);
                if (!text.empty()) return text;
                return std::string(100, 'x') + "\n" + hostile(path.size()) + "\n";
            };
            const std::string streamed = render_sarif(report, options);
            CHECK(streamed == dom_layout(streamed));
            std::ostringstream out;
            write_sarif(report, options, out);
            CHECK(out.str() == streamed);
        }
    }
    CHECK(render_sarif(rules::Report{}, {}) == dom_layout(render_sarif(rules::Report{}, {})));
}

}  // namespace ccscan::reporters
