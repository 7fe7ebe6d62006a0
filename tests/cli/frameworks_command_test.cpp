// End-to-end: `ccscan rules frameworks` lists the catalogues with automation levels and the
// rules behind each control, in text and JSON, and rejects unknown frameworks and controls.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/cli/run_binary.h"

using ccscan::test::run_ccscan;
using ccscan::test::source_dir;

TEST_CASE("rules frameworks --format json lists controls with their rules", "[frameworks][e2e]") {
    auto out = run_ccscan("rules frameworks --format json", false);
    REQUIRE(out.code == 0);
    auto j = nlohmann::json::parse(out.text);
    REQUIRE(j.size() == 3);
    CHECK(j[0]["id"] == "ccpa");
    CHECK(j[2]["id"] == "pci-dss");
    CHECK(j[2]["version"] == "4.0.1");
    bool found_storage_rule = false, found_training = false;
    for (const auto& c : j[2]["controls"]) {
        if (c["id"] == "pci-dss:3.5.1") {
            for (const auto& r : c["rules"]) found_storage_rule |= r == "CCS-IAC-001";
        }
        if (c["id"] == "pci-dss:12.6.3") {
            found_training = true;
            CHECK(c["automation"] == "manual");
            CHECK(c["rules"].empty());
            CHECK_FALSE(c["summary"].get<std::string>().empty());
        }
    }
    CHECK(found_storage_rule);
    CHECK(found_training);
}

TEST_CASE("rules frameworks text output and filters", "[frameworks][e2e]") {
    auto out = run_ccscan("rules frameworks --framework gdpr");
    REQUIRE(out.code == 0);
    CHECK(out.text.find("GDPR 2016/679 (gdpr):") != std::string::npos);
    CHECK(out.text.find("gdpr:Art.35") != std::string::npos);
    CHECK(out.text.find("pci-dss:") == std::string::npos);

    auto bad = run_ccscan("rules frameworks --framework gpdr");
    CHECK(bad.code == 2);
    CHECK(bad.text.find("no framework 'gpdr' (did you mean 'gdpr'?)") != std::string::npos);
}

TEST_CASE("rules frameworks and rules lint reject a pack naming an unknown control", "[frameworks][e2e]") {
    namespace fs = std::filesystem;
    fs::path dir = ccscan::test::scratch_path("ccscan-frameworks-test");
    fs::create_directories(dir);
    fs::path pack = dir / "bad-control.yaml";
    std::ofstream(pack) << R"(pack: {id: acme, name: Acme, version: 1.0.0}
rules:
  - id: ACME-X-001
    title: Example
    severity: low
    controls: [pci-dss:3.3.12]
    description: d
    remediation: r
    help_uri: https://example.invalid/
    applies_to: {formats: [json]}
    match:
      config:
        where: {path: a, exists: true}
    tests:
      - {name: m, expect: match, filename: a.json, content: '{"a": 1}'}
      - {name: n, expect: no_match, filename: a.json, content: '{"b": 1}'}
)";
    auto fw = run_ccscan("rules frameworks --pack " + pack.string());
    CHECK(fw.code == 2);
    CHECK(fw.text.find("names control 'pci-dss:3.3.12'") != std::string::npos);
    CHECK(fw.text.find("(did you mean 'pci-dss:3.3.1") != std::string::npos);

    auto lint = run_ccscan("rules lint " + pack.string());
    CHECK(lint.code == 2);
    CHECK(lint.text.find("bad-control.yaml:3:") != std::string::npos);
    CHECK(lint.text.find("'pci-dss:3.3.12'") != std::string::npos);
    fs::remove_all(dir);
}
