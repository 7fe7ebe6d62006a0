#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "reporters/reporter.h"
#include "tests/reporters/expected.h"
#include "tests/reporters/sample_report.h"
#include "tests/skip.h"

using namespace ccscan;
using nlohmann::json;

namespace {

reporters::RenderOptions with_sources() {
    reporters::RenderOptions options;
    options.read_source = [](const std::string& path) -> std::optional<std::string> {
        if (path == "lambda/handler.py") return std::nullopt;  // an unreadable file
        return test::sample_source(path);
    };
    return options;
}

rules::Report sample_with_absolute_root() {
    rules::Report r = test::sample_report();
    r.scan.root = "/src/acme";  // keeps originalUriBaseIds independent of the working directory
    return r;
}

json sarif_of(const rules::Report& r, const reporters::RenderOptions& o) {
    return json::parse(reporters::render_sarif(r, o));
}

}  // namespace

TEST_CASE("sarif reporter matches saved output", "[report][sarif]") {
    const std::string out = reporters::render_sarif(sample_with_absolute_root(), with_sources());
    CHECK(out == test::expected_output("sample.sarif", out));
}

TEST_CASE("sarif has one run with unique rules that results point at", "[report][sarif]") {
    const json log = sarif_of(sample_with_absolute_root(), with_sources());
    CHECK(log["version"] == "2.1.0");
    REQUIRE(log["runs"].size() == 1);
    const json& run = log["runs"][0];
    CHECK(run["automationDetails"]["id"] == "ccscan/");
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///src/acme/");
    const json& rules = run["tool"]["driver"]["rules"];
    std::set<std::string> ids;
    for (const json& r : rules) {
        CHECK(ids.insert(r["id"].get<std::string>()).second);
        CHECK(r["properties"]["tags"][0] == "security");
        CHECK(r["properties"]["security-severity"].is_string());
        CHECK(r["help"].contains("markdown"));
    }
    CHECK(rules[2]["id"] == "CCS-CONNECT-001");
    CHECK(rules[2]["properties"]["security-severity"] == "8.0");
    CHECK(rules[2]["defaultConfiguration"]["level"] == "error");
    // Suppressed findings are left out by default.
    CHECK(run["results"].size() == 6);
    for (const json& result : run["results"]) {
        CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
        CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
        CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
        CHECK_FALSE(result.contains("suppressions"));
    }
}

TEST_CASE("sarif results carry fingerprints, flows and related locations", "[report][sarif]") {
    const json run = sarif_of(sample_with_absolute_root(), with_sources())["runs"][0];
    const json* flow = nullptr;
    const json* py = nullptr;
    for (const json& r : run["results"]) {
        if (r["ruleId"] == "CCS-FLOW-002") flow = &r;
        if (r["ruleId"] == "CCS-CONTENT-PAN") py = &r;
    }
    REQUIRE(flow != nullptr);
    REQUIRE(py != nullptr);
    CHECK((*flow)["partialFingerprints"]["ccscan/v1"] == "0f1e2d3c4b5a6978");
    CHECK((*flow)["partialFingerprints"]["primaryLocationLineHash"].get<std::string>().find(':') != std::string::npos);
    const json& steps = (*flow)["codeFlows"][0]["threadFlows"][0]["locations"];
    REQUIRE(steps.size() == 3);
    CHECK(steps[1]["location"]["message"]["text"] == "UpdateContactRecordingBehavior 'Record' (recording) - recording: on");
    // The unreadable file gets our fingerprint but no line hash.
    CHECK_FALSE((*py)["partialFingerprints"].contains("primaryLocationLineHash"));
    CHECK((*py)["properties"]["evidence"] == "411111******1111");
}

TEST_CASE("sarif taxonomies list each framework once with its controls", "[report][sarif]") {
    const json run = sarif_of(sample_with_absolute_root(), with_sources())["runs"][0];
    std::set<std::string> names;
    for (const json& t : run["taxonomies"]) {
        CHECK(names.insert(t["name"].get<std::string>()).second);
        std::set<std::string> taxa;
        for (const json& taxon : t["taxa"]) CHECK(taxa.insert(taxon["id"].get<std::string>()).second);
    }
    CHECK(names == std::set<std::string>{"PCI DSS", "GDPR", "CCPA/CPRA"});
    const json& pci = run["taxonomies"][0];
    const json& connect = run["tool"]["driver"]["rules"][2];
    const json& target = connect["relationships"][0]["target"];
    CHECK(target["toolComponent"]["name"] == "PCI DSS");
    CHECK(pci["taxa"][target["index"].get<std::size_t>()]["id"] == "3.3.2");
}

TEST_CASE("sarif reports failed files as tool execution notifications", "[report][sarif]") {
    const json inv = sarif_of(sample_with_absolute_root(), with_sources())["runs"][0]["invocations"][0];
    CHECK(inv["executionSuccessful"] == true);
    bool parse_error = false;
    for (const json& n : inv["toolExecutionNotifications"]) {
        if (n["descriptor"]["id"] != "parse-error") continue;
        parse_error = true;
        CHECK(n["level"] == "error");
        CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "flows/broken.json");
    }
    CHECK(parse_error);
}

TEST_CASE("sarif includes suppressed findings only when asked", "[report][sarif]") {
    reporters::RenderOptions options = with_sources();
    options.include_suppressed = true;
    options.category = "ccscan-pci";
    const json run = sarif_of(sample_with_absolute_root(), options)["runs"][0];
    CHECK(run["automationDetails"]["id"] == "ccscan-pci/");
    CHECK(run["results"].size() == 8);
    int suppressed = 0;
    for (const json& r : run["results"]) {
        REQUIRE(r.contains("suppressions"));
        if (r["suppressions"].empty()) continue;
        ++suppressed;
        CHECK(r["suppressions"][0]["kind"] == "external");
    }
    CHECK(suppressed == 2);
}

TEST_CASE("sarif converts byte columns to UTF-16 columns when the source is readable", "[report][sarif]") {
    rules::Report r;
    r.scan.root = "/src";
    rules::Finding f;
    f.rule_id = "X-1";
    f.message = "m";
    f.location = {"a.txt", {{1, 8}, {1, 10}}};  // after "h\xC3\xA9llo " (6 chars, 7 bytes)
    r.findings.push_back(f);
    reporters::RenderOptions options;
    options.read_source = [](const std::string&) -> std::optional<std::string> { return std::string("h\xC3\xA9llo ab\n"); };
    const json region = sarif_of(r, options)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startColumn"] == 7);
    CHECK(region["endColumn"] == 9);
    // Unknown rule ids still get a rule entry.
    CHECK(sarif_of(r, options)["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "X-1");
}

TEST_CASE("sarif keeps within GitHub's result limit, most severe first", "[report][sarif]") {
    rules::Report r;
    r.scan.root = "/src";
    for (int i = 0; i < 25002; ++i) {
        rules::Finding f;
        f.rule_id = "X-1";
        f.severity = i == 25001 ? rules::Severity::critical : rules::Severity::low;
        f.message = "m";
        f.location = {"a.txt", {{static_cast<std::uint32_t>(i + 1), 1}, {static_cast<std::uint32_t>(i + 1), 2}}};
        r.findings.push_back(f);
    }
    const json run = sarif_of(r, {})["runs"][0];
    REQUIRE(run["results"].size() == 25000);
    CHECK(run["results"][24999]["level"] == "error");  // the critical one survived, in report order
    const json& note = run["invocations"][0]["toolExecutionNotifications"][0];
    CHECK(note["descriptor"]["id"] == "results-truncated");
    CHECK_THAT(note["message"]["text"].get<std::string>(), Catch::StartsWith("2 results left out"));
}

TEST_CASE("sarif passes the SARIF schema and the Microsoft validator with GitHub rules", "[report][sarif][sarif-validate]") {
    namespace fs = std::filesystem;
    if (!ccscan::test::tool_present("node")) return ccscan::test::skip_test("node is not installed");
    const fs::path dir = ccscan::test::scratch_path("ccscan-sarif-validate");
    fs::create_directories(dir);
    for (bool include_suppressed : {false, true}) {
        reporters::RenderOptions options = with_sources();
        options.include_suppressed = include_suppressed;
        const fs::path file = dir / (include_suppressed ? "with-suppressed.sarif" : "sample.sarif");
        std::ofstream(file, std::ios::binary) << reporters::render_sarif(test::sample_report(), options);
        const std::string script = std::string(CCSCAN_SOURCE_DIR) + "/tests/tools/validate_sarif.sh";
        const int status = std::system(("'" + script + "' '" + file.string() + "' 2>&1").c_str());
        INFO("validate_sarif.sh " << file.string() << " (exit 2 means: run `npm ci` in tests/tools)");
        if (WIFEXITED(status) && WEXITSTATUS(status) == 2) return ccscan::test::skip_test("the npm test tools (tests/tools) are missing");
        CHECK(status == 0);
    }
}
