// End-to-end: the real binary on real files; exit codes, stdout and files.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

struct Run {
    int code = -1;
    std::string out;
};

Run run(const std::string& args) {
    std::string cmd = std::string(CCSCAN_BINARY) + " " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string fixtures() { return std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/e2e"; }

}  // namespace

TEST_CASE("e2e: findings give exit 1, exact location, suppression honoured", "[e2e]") {
    Run r = run("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --no-progress --format text");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("sip.yaml:4:12") != std::string::npos);
    CHECK(r.out.find("CCS-MINI-001") != std::string::npos);
    CHECK(r.out.find("sip.yaml:8:") == std::string::npos);  // suppressed with a reason
}

TEST_CASE("e2e: a malformed file is a diagnostic with line and column; the scan goes on", "[e2e]") {
    Run r = run("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --no-progress --format json");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("\"broken.yaml\"") != std::string::npos);
    CHECK(r.out.find("\"failed\"") != std::string::npos);
    CHECK(r.out.find("\"sip.yaml\"") != std::string::npos);
}

TEST_CASE("e2e: --fail-on none exits 0; a pack typo exits 2 with a suggestion", "[e2e]") {
    CHECK(run("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml --fail-on none -q").code == 0);
    Run typo = run("scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/typo.yaml -q");
    INFO(typo.out);
    CHECK(typo.code == 2);
    CHECK(typo.out.find("typo.yaml:5:5: unknown key 'severty'") != std::string::npos);
    CHECK(typo.out.find("did you mean 'severity'") != std::string::npos);
    CHECK(run("scan --fail-on sometimes").code == 2);
    CHECK(run("nosuchcommand").code == 2);
}

TEST_CASE("e2e: output is identical whatever --jobs is", "[e2e]") {
    std::string base = "scan " + fixtures() + "/basic --pack " + fixtures() + "/packs/mini.yaml -q --format json";
    Run one = run(base + " --jobs 1");
    Run two = run(base + " --jobs 2");
    CHECK(one.out == two.out);
    CHECK_FALSE(one.out.empty());
}

TEST_CASE("e2e: rules test runs embedded tests and ends with the count line", "[e2e]") {
    Run r = run("rules test --pack " + fixtures() + "/packs/mini.yaml");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("2 passed, 0 failed") != std::string::npos);
}
