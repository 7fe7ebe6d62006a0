// End-to-end: scanning examples/acme-contact-center finds every deliberate violation its README
// lists, at the file it names, and nothing in the compliant counterparts; the waiver in its
// .ccscan.yaml turns gdpr:Art.35 into Waived; no secret from the example leaks into the report.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "tests/cli/run_binary.h"

using ccscan::test::run_ccscan;
using ccscan::test::source_dir;

namespace {

bool suppressed(const nlohmann::json& finding) {
    return finding.contains("suppression") && !finding["suppression"].is_null();
}

struct ExampleScan {
    nlohmann::json report;
    std::map<std::pair<std::string, std::string>, int> open;  // (path, rule) -> unsuppressed count
    std::set<std::string> files_with_findings;
    std::string raw;
};

const ExampleScan& example_scan() {
    static const ExampleScan scan = [] {
        ExampleScan s;
        auto out = run_ccscan("scan " + source_dir() + "/examples/acme-contact-center --format json", false);
        REQUIRE(out.code == 1);  // findings at or above fail-on: high
        s.raw = out.text;
        s.report = nlohmann::json::parse(out.text);
        for (const auto& f : s.report["findings"]) {
            if (suppressed(f)) continue;
            std::string path = f["location"]["path"];
            s.open[{path, f["rule_id"]}]++;
            s.files_with_findings.insert(path);
        }
        return s;
    }();
    return scan;
}

}  // namespace

TEST_CASE("example contact center: every deliberate violation is found", "[example][e2e]") {
    // Mirrors the table in examples/acme-contact-center/README.md: file, rule, minimum count.
    const std::vector<std::tuple<std::string, std::string, int>> expected = {
        {"connect/flows/payment.json", "CCS-FLOW-001", 1},
        {"connect/flows/payment.json", "CCS-FLOW-005", 1},
        {"connect/flows/payment.json", "CCS-FLOW-006", 1},
        {"connect/flows/payment.json", "CCS-FLOW-040", 1},
        {"connect/flows/payment.json", "CCS-FLOW-050", 1},
        {"connect/terraform/instance.tf", "CCS-IAC-001", 1},
        {"connect/terraform/instance.tf", "CCS-IAC-101", 1},
        {"connect/terraform/storage.tf", "CCS-IAC-009", 1},
        {"connect/terraform/lambda.tf", "CCS-IAC-011", 1},
        {"connect/cloudformation/after-hours-ivr.yaml", "CCS-IAC-002", 1},
        {"connect/cloudformation/after-hours-ivr.yaml", "CCS-IAC-010", 1},
        {"connect/cloudformation/after-hours-ivr.yaml", "CCS-FLOW-005", 1},
        {"twilio/studio/payment-flow.json", "CCS-FLOW-010", 1},
        {"twilio/studio/payment-flow.json", "CCS-FLOW-011", 1},
        {"twilio/studio/payment-flow.json", "CCS-FLOW-012", 1},
        {"twilio/twiml/gather-card.xml", "CCS-FLOW-010", 1},
        {"twilio/twiml/gather-card.xml", "CCS-FLOW-011", 1},
        {"twilio/twiml/gather-card.xml", "CCS-FLOW-022", 1},
        {"genesys/flows/billing-inbound.yaml", "CCS-FLOW-030", 1},
        {"genesys/flows/billing-inbound.yaml", "CCS-FLOW-031", 1},
        {"genesys/terraform/contact-center.tf", "CCS-GEN-001", 1},
        {"genesys/terraform/contact-center.tf", "CCS-GEN-003", 1},
        {"asterisk/extensions.conf", "CCS-FLOW-020", 1},
        {"asterisk/extensions.conf", "CCS-FLOW-021", 1},
        {"asterisk/extensions.conf", "CCS-FLOW-022", 1},
        {"asterisk/pjsip.conf", "CCS-SIP-001", 1},
        {"asterisk/pjsip.conf", "CCS-SIP-004", 1},
        {"asterisk/pjsip.conf", "CCS-SIP-011", 1},
        {"asterisk/logger.conf", "CCS-SIP-013", 1},
        {"freeswitch/dialplan/acme-billing.xml", "CCS-FLOW-020", 1},
        {"freeswitch/dialplan/acme-billing.xml", "CCS-FLOW-021", 1},
        {"freeswitch/sip_profiles/external.xml", "CCS-SIP-014", 1},
        {"freeswitch/sip_profiles/external.xml", "CCS-SIP-026", 1},
        {"voicexml/payment.vxml", "CCS-FLOW-033", 1},
        {"voicexml/payment.vxml", "CCS-FLOW-034", 1},
        {"vonage/payment-ncco.json", "CCS-FLOW-032", 1},
        {"lex/PaymentBot/BotLocales/en_US/Intents/MakePayment/Slots/CardNumber/Slot.json", "CCS-LEX-001", 1},
    };
    const ExampleScan& scan = example_scan();
    for (const auto& [path, rule, min] : expected) {
        INFO(path << " " << rule);
        auto it = scan.open.find({path, rule});
        CHECK((it == scan.open.end() ? 0 : it->second) >= min);
    }
}

TEST_CASE("example contact center: one root cause, one finding", "[example][e2e]") {
    // Each deliberate problem of the example is one finding: the same rule never fires twice in
    // one file, and the places a cause repeats in are related locations of that one finding.
    const ExampleScan& scan = example_scan();
    for (const auto& [key, count] : scan.open) {
        INFO(key.first << " " << key.second);
        CHECK(count == 1);
    }
    // The recording started once in [acme-pay-legacy] is on at the card number and the CVV.
    bool grouped = false;
    for (const auto& f : scan.report["findings"]) {
        if (f["rule_id"] != "CCS-FLOW-020" || f["location"]["path"] != "asterisk/extensions.conf") continue;
        REQUIRE(f["related"].size() == 1);
        CHECK(f["related"][0]["start_line"] == 31);
        CHECK(f["message"].get<std::string>().find("(and 1 more place with the same cause") != std::string::npos);
        grouped = true;
    }
    CHECK(grouped);
    // Labels never show markup.
    for (const auto& f : scan.report["findings"]) {
        std::string m = f["message"];
        INFO(m);
        CHECK(m.find("<speak") == std::string::npos);
        CHECK(m.find("<prosody") == std::string::npos);
    }
}

TEST_CASE("example contact center: compliant counterparts are clean", "[example][e2e]") {
    const ExampleScan& scan = example_scan();
    for (const char* clean : {"connect/flows/main-routing.json", "connect/flows/payment-secure.json",
                              "connect/terraform/providers.tf", "twilio/studio/payment-flow-secure.json",
                              "twilio/twiml/pay.xml", "lambda/payment_handler_secure.py"}) {
        INFO(clean);
        CHECK(scan.files_with_findings.count(clean) == 0);
    }
    // Compliant blocks inside files that also hold violations.
    for (const auto& f : scan.report["findings"]) {
        std::string path = f["location"]["path"];
        int line = f["location"]["start_line"];
        INFO(path << ":" << line << " " << f["rule_id"].get<std::string>());
        if (path == "asterisk/extensions.conf") CHECK(line < 40);          // [acme-pay] starts at line 40
        if (path == "freeswitch/dialplan/acme-billing.xml") CHECK(line < 18);  // extension "pay"
        if (path == "asterisk/pjsip.conf") CHECK((line < 16 || line > 49));  // [transport-tls] .. [carrier]
    }
}

TEST_CASE("example contact center: waiver, control matrix and redaction", "[example][e2e]") {
    const ExampleScan& scan = example_scan();
    bool waived = false;
    for (const auto& f : scan.report["findings"]) {
        if (f["rule_id"] == "CCS-IAC-109") {
            REQUIRE(suppressed(f));
            CHECK(f["suppression"]["kind"] == "waiver");
            waived = true;
        }
    }
    CHECK(waived);
    std::map<std::string, std::string> status;
    for (const auto& c : scan.report["controls"]) status[c["id"]] = c["status"];
    CHECK(status["gdpr:Art.35"] == "waived");
    CHECK(status["pci-dss:3.3.1.2"] == "fail");
    CHECK(status["pci-dss:4.2.1"] == "fail");
    CHECK(status["pci-dss:12.6.3"] == "manual");
    CHECK(status["gdpr:Art.5(1)(d)"] == "manual");
    // Secrets written in the example never reach the report.
    CHECK(scan.raw.find("Q7m2Vx9Lr4tZp8Kw") == std::string::npos);
    std::string findings = scan.report["findings"].dump();
    CHECK(findings.find("password=1234") == std::string::npos);
    CHECK(findings.find(": 1234") == std::string::npos);
    CHECK(findings.find("\"1234\"") == std::string::npos);
}
