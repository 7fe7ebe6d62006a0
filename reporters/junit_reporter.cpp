// JUnit XML for CI test dashboards: one <testsuite> per rule (a passing test case when the rule
// found nothing, a <failure> per active finding), plus a "ccscan files" suite with an <error>
// per file that could not be examined. Suppressed findings are reported as skipped.
#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

#include "reporters/escape.h"
#include "reporters/reporter.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

std::string position(const rules::Location& l) {
    std::string out = l.path;
    if (l.span.start.line > 0) out += ":" + std::to_string(l.span.start.line) + ":" + std::to_string(l.span.start.column);
    return out;
}

std::string details(const rules::Finding& f) {
    std::string out = position(f.location) + "\n" + f.message + "\n";
    if (!f.controls.empty()) {
        out += "Controls:";
        for (const std::string& c : f.controls) out += " " + c;
        out += "\n";
    }
    if (!f.evidence.empty()) out += "Evidence: " + f.evidence + "\n";
    for (std::size_t i = 0; i < f.path.size(); ++i) {
        out += "  " + std::to_string(i + 1) + ". " + position(f.path[i].location) + " " + f.path[i].message + "\n";
    }
    if (!f.remediation.empty()) out += "Remediation: " + f.remediation + "\n";
    return out;
}

void add_case(pugi::xml_node suite, const rules::Finding& f) {
    pugi::xml_node tc = suite.append_child("testcase");
    tc.append_attribute("name") = xml_text(position(f.location)).c_str();
    tc.append_attribute("classname") = xml_text(f.rule_id).c_str();
    tc.append_attribute("file") = xml_text(f.location.path).c_str();
    tc.append_attribute("line") = f.location.span.start.line;
    if (is_suppressed(f)) {
        tc.append_child("skipped").append_attribute("message") = xml_text("suppressed: " + f.suppression.reason).c_str();
        return;
    }
    pugi::xml_node failure = tc.append_child("failure");
    failure.append_attribute("message") = xml_text(f.message).c_str();
    failure.append_attribute("type") = std::string(rules::to_string(f.severity)).c_str();
    failure.append_child(pugi::node_pcdata).set_value(xml_text(details(f)).c_str());
}

struct Counts {
    int tests = 0, failures = 0, errors = 0, skipped = 0;
};

void set_counts(pugi::xml_node node, const Counts& c) {
    node.append_attribute("tests") = c.tests;
    node.append_attribute("failures") = c.failures;
    node.append_attribute("errors") = c.errors;
    node.append_attribute("skipped") = c.skipped;
}

Counts add_rule_suite(pugi::xml_node root, const std::string& rule_id, const std::string& title, const rules::Report& report) {
    pugi::xml_node suite = root.append_child("testsuite");
    suite.append_attribute("name") = xml_text(rule_id + (title.empty() ? "" : ": " + title)).c_str();
    Counts c;
    for (const rules::Finding& f : report.findings) {
        if (f.rule_id != rule_id) continue;
        add_case(suite, f);
        ++c.tests;
        (is_suppressed(f) ? c.skipped : c.failures)++;
    }
    if (c.tests == 0) {
        pugi::xml_node tc = suite.append_child("testcase");
        tc.append_attribute("name") = "no findings";
        tc.append_attribute("classname") = xml_text(rule_id).c_str();
        c.tests = 1;
    }
    set_counts(suite, c);
    return c;
}

Counts add_files_suite(pugi::xml_node root, const rules::Report& report) {
    Counts c;
    pugi::xml_node suite = root.append_child("testsuite");
    suite.append_attribute("name") = "ccscan files";
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status != rules::FileStatus::failed) continue;
        pugi::xml_node tc = suite.append_child("testcase");
        tc.append_attribute("name") = xml_text(e.path).c_str();
        tc.append_attribute("classname") = "ccscan.files";
        tc.append_attribute("file") = xml_text(e.path).c_str();
        tc.append_child("error").append_attribute("message") = xml_text("not examined: " + e.reason).c_str();
        ++c.tests;
        ++c.errors;
    }
    set_counts(suite, c);
    if (c.tests == 0) root.remove_child(suite);
    return c;
}

}  // namespace

std::string render_junit(const rules::Report& report, const RenderOptions& /*options*/) {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("testsuites");
    root.append_attribute("name") = "ccscan";
    Counts total;
    std::vector<std::pair<std::string, std::string>> suites;  // rules, then rule ids only seen in findings
    for (const rules::RuleSummary& r : report.rules) suites.emplace_back(r.id, r.title);
    for (const rules::Finding& f : report.findings) {
        if (!find_rule(report, f.rule_id) &&
            std::find_if(suites.begin(), suites.end(), [&](const auto& s) { return s.first == f.rule_id; }) == suites.end()) {
            suites.emplace_back(f.rule_id, "");
        }
    }
    for (const auto& [id, title] : suites) {
        Counts c = add_rule_suite(root, id, title, report);
        total.tests += c.tests;
        total.failures += c.failures;
        total.skipped += c.skipped;
    }
    Counts files = add_files_suite(root, report);
    total.tests += files.tests;
    total.errors += files.errors;
    set_counts(root, total);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

}  // namespace ccscan::reporters
