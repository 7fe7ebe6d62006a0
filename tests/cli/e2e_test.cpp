// End-to-end: the real binary on real files; exit codes, stdout and files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli/run_binary.h"

namespace {

using ccscan::test::run_ccscan;

std::string fixtures() { return std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/e2e"; }

}  // namespace

TEST_CASE("e2e: findings give exit 1, exact location, suppression honoured", "[e2e]") {
    auto r = run_ccscan("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --no-progress --format text");
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("sip.yaml:4:12") != std::string::npos);
    CHECK(r.text.find("CCS-MINI-001") != std::string::npos);
    CHECK(r.text.find("sip.yaml:8:") == std::string::npos);  // suppressed with a reason
}

TEST_CASE("e2e: a malformed file is a diagnostic with line and column; the scan goes on", "[e2e]") {
    auto r = run_ccscan("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --no-progress --format json");
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("\"broken.yaml\"") != std::string::npos);
    CHECK(r.text.find("\"failed\"") != std::string::npos);
    CHECK(r.text.find("\"sip.yaml\"") != std::string::npos);
}

TEST_CASE("e2e: --fail-on none exits 0; a pack typo exits 2 with a suggestion", "[e2e]") {
    CHECK(run_ccscan("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --fail-on none -q").code == 0);
    auto typo = run_ccscan("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/typo.yaml -q");
    INFO(typo.text);
    CHECK(typo.code == 2);
    CHECK(typo.text.find("typo.yaml:5:5: unknown key 'severty'") != std::string::npos);
    CHECK(typo.text.find("did you mean 'severity'") != std::string::npos);
    CHECK(run_ccscan("scan --fail-on sometimes").code == 2);
    CHECK(run_ccscan("nosuchcommand").code == 2);
}

TEST_CASE("e2e: no built-in packs is an error, never a scan with no rules", "[e2e]") {
    auto r = ccscan::test::run_ccscan_env("CCSCAN_DATA_DIR=" + fixtures() + "/no-such-data", "scan " + fixtures() + "/basic -q");
    INFO(r.text);
    CHECK(r.code == 2);
    CHECK(r.text.find("no built-in rule packs found") != std::string::npos);
    // Naming a pack still works without the built-in folder.
    CHECK(ccscan::test::run_ccscan_env("CCSCAN_DATA_DIR=" + fixtures() + "/no-such-data",
                                       "scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml -q")
              .code == 1);
}

TEST_CASE("e2e: output is identical whatever --jobs is", "[e2e]") {
    std::string base = "scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml -q --format json";
    auto one = run_ccscan(base + " --jobs 1");
    auto two = run_ccscan(base + " --jobs 2");
    CHECK(one.text == two.text);
    CHECK_FALSE(one.text.empty());
}

TEST_CASE("e2e: rules test runs embedded tests and ends with the count line", "[e2e]") {
    auto r = run_ccscan("rules test --pack " + fixtures() + "/packs/mini.yaml");
    INFO(r.text);
    CHECK(r.code == 0);
    CHECK(r.text.find("2 passed, 0 failed") != std::string::npos);
}
