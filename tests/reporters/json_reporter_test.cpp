#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "reporters/json_reporter.h"
#include "reporters/reporter.h"
#include "tests/reporters/expected.h"
#include "tests/reporters/sample_report.h"

using namespace ccscan;

TEST_CASE("json reporter matches saved output", "[report][json-report]") {
    const std::string out = reporters::render_json(test::sample_report(), {});
    CHECK(out == test::expected_output("sample.json", out));
}

TEST_CASE("json report keeps the documented key order", "[report][json-report]") {
    const auto doc = nlohmann::ordered_json::parse(reporters::render_json(test::sample_report(), {}));
    std::vector<std::string> keys;
    for (auto it = doc.begin(); it != doc.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"format_version", "tool", "scan", "packs", "rules", "findings", "inventory",
                                           "diagnostics", "frameworks", "controls", "stale", "summary", "integrity"});
    const auto& finding = doc["findings"][0];
    std::vector<std::string> fkeys;
    for (auto it = finding.begin(); it != finding.end(); ++it) fkeys.push_back(it.key());
    CHECK(fkeys.front() == "rule_id");
    CHECK(doc["summary"]["findings"]["total"] == 6);
    CHECK(doc["summary"]["findings"]["suppressed"] == 2);
    CHECK(doc["summary"]["files"]["failed"] == 1);
}

TEST_CASE("json report reads back losslessly", "[report][json-report]") {
    const rules::Report original = test::sample_report();
    const std::string first = reporters::render_json(original, {});
    auto back = reporters::read_json_report(first, "results.json");
    REQUIRE(back.ok());
    CHECK(back->findings.size() == original.findings.size());
    CHECK(back->findings[0].location == original.findings[0].location);
    CHECK(back->scan.options == original.scan.options);
    bool has_origin = false, has_waiver = false;
    for (const rules::Finding& f : back->findings) {
        has_origin = has_origin || f.origin.has_value();
        has_waiver = has_waiver || (f.suppression.kind == rules::SuppressionKind::waiver && f.suppression.expires == "2027-03-31");
    }
    CHECK(has_origin);
    CHECK(has_waiver);
    CHECK(reporters::render_json(*back, {}) == first);
}

TEST_CASE("every format re-renders byte-identically from the JSON report", "[report][json-report]") {
    const rules::Report original = test::sample_report();
    auto back = reporters::read_json_report(reporters::render_json(original, {}), "results.json");
    REQUIRE(back.ok());
    reporters::RenderOptions options;
    options.read_source = [](const std::string& path) -> std::optional<std::string> { return test::sample_source(path); };
    for (const reporters::Reporter& r : reporters::reporters()) {
        INFO("format " << r.id);
        CHECK(r.render(*back, options) == r.render(original, options));
    }
}

TEST_CASE("json report reader explains what is wrong", "[report][json-report]") {
    auto syntax = reporters::read_json_report("{\n  \"tool\": ,\n}", "r.json");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().path == "r.json");
    CHECK(syntax.error().span.start.line == 2);

    auto other = reporters::read_json_report("{\"version\": 1, \"findings\": []}", "baseline.json");
    REQUIRE_FALSE(other.ok());
    CHECK_THAT(other.error().message, Catch::Contains("not a ccscan JSON report"));

    auto bad_type = reporters::read_json_report(
        R"({"tool": {}, "findings": [{"rule_id": "X", "severity": "high", "location": {"path": "a", "start_line": "3"}}]})", "r.json");
    REQUIRE_FALSE(bad_type.ok());
    CHECK_THAT(bad_type.error().message, Catch::Contains("findings[0].location.start_line"));

    auto bad_enum = reporters::read_json_report(R"({"tool": {}, "findings": [{"severity": "severe"}]})", "r.json");
    REQUIRE_FALSE(bad_enum.ok());
    CHECK_THAT(bad_enum.error().message, Catch::Contains("unknown value 'severe'"));
}

TEST_CASE("json report reader survives hostile input", "[report][json-report]") {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    CHECK_FALSE(reporters::read_json_report(deep, "deep.json").ok());
    CHECK_FALSE(reporters::read_json_report("", "empty.json").ok());
    CHECK_FALSE(reporters::read_json_report("{\"tool\": 1, \"findings\": 2}", "types.json").ok());
    auto negative = reporters::read_json_report(R"({"tool": {}, "findings": [{"severity": "low", "location": {"start_line": -1}}]})", "n.json");
    REQUIRE_FALSE(negative.ok());
    CHECK_THAT(negative.error().message, Catch::Contains("findings[0].location.start_line: out of range"));
}
