// End-to-end for IVR flows: `ccscan graph` and a scan with the built-in flow rules across files.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "analyzers/parsers.h"
#include "tests/cli/run_binary.h"

namespace {

using ccscan::test::run_ccscan;
using Out = ccscan::test::Output;

std::string flows() { return std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/flows"; }

}  // namespace

TEST_CASE("e2e: ccscan graph prints dot, mermaid and json", "[e2e][flow]") {
    Out dot = run_ccscan("graph " + flows() + "/connect/pay_by_phone.json");
    INFO(dot.text);
    CHECK(dot.code == 0);
    CHECK(dot.text.rfind("digraph flows {", 0) == 0);
    CHECK(dot.text.find("dtmf:1") != std::string::npos);
    Out json = run_ccscan("graph --format json " + flows() + "/connect/pay_secure.json " + flows() + "/connect/take_payment.json");
    INFO(json.text);
    CHECK(json.code == 0);
    CHECK(json.text.find("\"condition\": \"transfer\"") != std::string::npos);
    CHECK(json.text.find("\"sensitivity\": \"cvv\"") != std::string::npos);
    Out mm = run_ccscan("graph -f mermaid " + flows() + "/asterisk/extensions.conf");
    INFO(mm.text);
    CHECK(mm.code == 0);
    CHECK(mm.text.rfind("flowchart TD", 0) == 0);
    CHECK(run_ccscan("graph --format svg " + flows() + "/connect/pay_by_phone.json").code == 2);
    CHECK(run_ccscan("graph " + flows() + "/does-not-exist.json").code == 2);
}

TEST_CASE("e2e: built-in flow rules find recording during card entry across dialplan files", "[e2e][flow]") {
    Out r = run_ccscan("scan " + flows() + "/asterisk --no-progress --format text");
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("CCS-FLOW-020") != std::string::npos);
    CHECK(r.text.find("payments.conf:3:") != std::string::npos);
    CHECK(r.text.find("CCS-FLOW-043") != std::string::npos);  // caller number in the file name
}

TEST_CASE("e2e: built-in flow rules pass their own tests", "[e2e][flow]") {
    Out r = run_ccscan("rules test");
    INFO(r.text);
    // VoiceXML rules need the XML parser; until it is part of the build they cannot run.
    auto xml = ccscan::analyzers::parse_document("xml", "<vxml/>", "t.vxml", ccscan::analyzers::ParseLimits{});
    bool xml_parsed = xml.ok() && xml->root.key == "vxml";
    std::istringstream lines(r.text);
    std::string line;
    int failing = 0;
    while (std::getline(lines, line)) {
        if (line.find("FAIL CCS-FLOW-") == std::string::npos) continue;
        bool needs_xml = line.find("CCS-FLOW-033") != std::string::npos || line.find("CCS-FLOW-034") != std::string::npos;
        if (needs_xml && !xml_parsed) continue;
        ++failing;
        UNSCOPED_INFO(line);
    }
    CHECK(failing == 0);
    CHECK(r.text.find("passed") != std::string::npos);
}
