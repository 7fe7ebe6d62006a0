// Expected-output and behaviour tests for the JUnit, Markdown, CSV and GitHub-annotation reporters.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "reporters/reporter.h"
#include "tests/reporters/expected.h"
#include "tests/reporters/sample_report.h"

using namespace ccscan;

TEST_CASE("junit, markdown, csv and github reporters match saved output", "[report][small-formats]") {
    const rules::Report report = test::sample_report();
    const std::pair<const char*, std::string> outputs[] = {
        {"sample.junit.xml", reporters::render_junit(report, {})},
        {"sample.md", reporters::render_markdown(report, {})},
        {"sample.csv", reporters::render_csv(report, {})},
        {"sample.github.txt", reporters::render_github(report, {})},
    };
    for (const auto& [name, out] : outputs) {
        INFO(name);
        CHECK(out == test::expected_output(name, out));
    }
}

TEST_CASE("junit has a suite per rule and a failure per active finding", "[report][small-formats][junit]") {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(reporters::render_junit(test::sample_report(), {}).c_str()));
    pugi::xml_node root = doc.child("testsuites");
    CHECK(root.attribute("failures").as_int() == 6);
    CHECK(root.attribute("skipped").as_int() == 2);
    CHECK(root.attribute("errors").as_int() == 1);
    int suites = 0;
    for (pugi::xml_node s = root.child("testsuite"); s; s = s.next_sibling("testsuite")) ++suites;
    CHECK(suites == 7);  // six rules + the failed-files suite
    pugi::xml_node connect = root.find_child_by_attribute("testsuite", "name", "CCS-CONNECT-001: Sensitive input stored without encryption");
    REQUIRE(connect);
    CHECK(connect.attribute("failures").as_int() == 1);
    CHECK(connect.attribute("skipped").as_int() == 1);
    // The hostile message survives as text.
    CHECK(std::string(root.find_node([](pugi::xml_node n) { return std::string(n.name()) == "failure" &&
        std::string(n.attribute("message").value()).find("<script>") != std::string::npos; }).name()) == "failure");
}

TEST_CASE("csv quotes per RFC 4180 and defuses formulas", "[report][small-formats][csv]") {
    const std::string out = reporters::render_csv(test::sample_report(), {});
    CHECK(out.rfind("severity,rule_id,title,path,", 0) == 0);
    CHECK(out.find("\r\n") != std::string::npos);
    CHECK(out.find("\"Prompt says <script>alert(\"\"x\"\")</script> & =HYPERLINK(\"\"http://evil\"\") | *bold*\"") != std::string::npos);
    CHECK(out.find(",'=cmd|' /C calc'!A0 should never run,") != std::string::npos);
    CHECK(out.find(",=cmd") == std::string::npos);
    CHECK(out.find("waiver,Legacy flow retired in Q1,2027-03-31") != std::string::npos);
}

TEST_CASE("github annotations escape properties and data", "[report][small-formats][github]") {
    rules::Report r;
    rules::Finding f;
    f.rule_id = "CCS-X";
    f.severity = rules::Severity::high;
    f.message = "100% bad,\nreally: yes";
    f.location = {"dir,a/b:c.json", {{3, 4}, {3, 9}}};
    r.findings.push_back(f);
    CHECK(reporters::render_github(r, {}) ==
          "::error file=dir%2Ca/b%3Ac.json,line=3,col=4,endLine=3,endColumn=9,title=CCS-X::[high] 100%25 bad,%0Areally: yes\n");
}

TEST_CASE("markdown escapes finding text and caps the list", "[report][small-formats][markdown]") {
    const std::string out = reporters::render_markdown(test::sample_report(), {});
    CHECK(out.rfind("## ccscan: 6 findings (2 critical, 1 high)", 0) == 0);
    CHECK(out.find("<script>") == std::string::npos);
    CHECK(out.find("\\<script\\>") != std::string::npos);
    CHECK(out.find("- **PCI DSS v4.0.1**: 5 fail, 1 pass, 1 n/a, 1 manual, 1 waived") != std::string::npos);
    rules::Report many;
    for (int i = 0; i < 25; ++i) {
        rules::Finding f;
        f.rule_id = "R";
        f.message = "m";
        f.location = {"a", {{static_cast<std::uint32_t>(i + 1), 1}, {static_cast<std::uint32_t>(i + 1), 2}}};
        many.findings.push_back(f);
    }
    CHECK(reporters::render_markdown(many, {}).find("_5 more in the full report._") != std::string::npos);
}
