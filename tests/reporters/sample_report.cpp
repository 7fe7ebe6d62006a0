#include "tests/reporters/sample_report.h"

#include <algorithm>

namespace ccscan::test {

namespace {

using rules::Finding;
using rules::Location;
using rules::Severity;

Location loc(std::string path, std::uint32_t line, std::uint32_t col, std::uint32_t end_line, std::uint32_t end_col) {
    return Location{std::move(path), {{line, col}, {end_line, end_col}}};
}

Finding finding(std::string rule, Severity sev, std::string message, Location where, std::vector<std::string> controls,
                std::string fingerprint, std::string format) {
    Finding f;
    f.rule_id = std::move(rule);
    f.severity = sev;
    f.message = std::move(message);
    f.location = std::move(where);
    f.controls = std::move(controls);
    f.fingerprint = std::move(fingerprint);
    f.format = std::move(format);
    return f;
}

rules::RuleSummary rule(std::string id, std::string pack, std::string title, Severity sev, std::vector<std::string> controls,
                        std::vector<std::string> formats, std::string matcher) {
    rules::RuleSummary r;
    r.id = std::move(id);
    r.pack = std::move(pack);
    r.title = std::move(title);
    r.severity = sev;
    r.controls = std::move(controls);
    r.formats = std::move(formats);
    r.matcher_kind = std::move(matcher);
    r.precision = "high";
    r.description = "Checks that " + r.title + ".\nSee the pack documentation for details.";
    r.remediation = "Fix the configuration so that the check passes; see `" + r.id + "` in the pack docs.";
    r.help_uri = "https://example.com/ccscan/rules/" + r.id;
    r.tags = {"contact-center"};
    return r;
}

std::vector<Finding> findings() {
    std::vector<Finding> out;
    Finding store = finding("CCS-CONNECT-001", Severity::high, "Input 'CardNumber' is stored without InputEncryption",
                            loc("flows/payment.json", 14, 9, 14, 30), {"pci-dss:3.3.2", "gdpr:Art.32"},
                            "a1b2c3d4e5f60718", "amazon-connect-flow");
    store.remediation = "Set Parameters.InputEncryption with a customer-managed key.";
    store.evidence = "StoreInput: True";
    store.related = {loc("flows/payment.json", 10, 5, 10, 40)};
    out.push_back(store);

    Finding recorded = finding("CCS-FLOW-002", Severity::critical,
                               "Card number is collected while call recording is on",
                               loc("flows/payment.json", 22, 7, 22, 36), {"pci-dss:3.3.1", "pci-dss:3.3.1.2"},
                               "0f1e2d3c4b5a6978", "amazon-connect-flow");
    recorded.remediation = "Suspend recording (UpdateContactRecordingBehavior) before collecting card data.";
    recorded.path = {{loc("flows/payment.json", 3, 5, 3, 30), "Entry 'Start' (entry) - recording: off"},
                     {loc("flows/payment.json", 8, 5, 8, 52), "UpdateContactRecordingBehavior 'Record' (recording) - recording: on"},
                     {loc("flows/payment.json", 22, 7, 22, 36), "GetParticipantInput 'CardNumber' (collect_input, pan) - recording: on"}};
    out.push_back(recorded);

    Finding pan = finding("CCS-CONTENT-PAN", Severity::critical, "Card number in source code",
                          loc("lambda/handler.py", 7, 12, 7, 30), {"pci-dss:3.5.1"}, "99aa88bb77cc66dd", "python");
    pan.evidence = "411111******1111";
    pan.origin = analyzers::GitOrigin{"3f2a9c0d1e4b5a6978877665544332211ffeeddc", "Dev Example <dev@example.com>", "2026-10-01T09:30:00Z"};
    out.push_back(pan);

    Finding evil = finding("CCS-TWILIO-004", Severity::medium,
                           "Prompt says <script>alert(\"x\")</script> & =HYPERLINK(\"http://evil\") | *bold*",
                           loc("studio/ivr.json", 41, 17, 43, 2), {"gdpr:Art.13", "ccpa:1798.100(a)"},
                           "1234abcd5678ef90", "twilio-studio-flow");
    evil.remediation = "=cmd|' /C calc'!A0 should never run";
    out.push_back(evil);

    Finding log = finding("CCS-CODE-LOG", Severity::low, "Caller phone number written to a log",
                          loc("lambda/handler.py", 12, 5, 12, 41), {"gdpr:Art.5(1)(f)"}, "feedbeefcafe0001", "python");
    log.path = {{loc("lambda/handler.py", 4, 5, 4, 33), "phone = event['Details']['ContactData']['CustomerEndpoint']"},
                {loc("lambda/handler.py", 12, 5, 12, 41), "logger.info(phone)"}};
    out.push_back(log);

    Finding info = finding("CCS-ASTERISK-010", Severity::info, "Manager interface enabled", loc("asterisk/manager.conf", 2, 1, 2, 12),
                           {"pci-dss:2.2.4"}, "0a0b0c0d0e0f1011", "asterisk-conf");
    out.push_back(info);

    Finding waived = finding("CCS-CONNECT-001", Severity::high, "Input 'Pin' is stored without InputEncryption",
                             loc("flows/legacy.json", 30, 9, 30, 28), {"pci-dss:3.3.2"}, "5555666677778888", "amazon-connect-flow");
    waived.suppression = {rules::SuppressionKind::waiver, "Legacy flow retired in Q1", "2027-03-31", "Security Lead",
                          loc(".ccscan.yaml", 12, 5, 15, 1)};
    out.push_back(waived);

    Finding baselined = finding("CCS-ASTERISK-010", Severity::medium, "AMI bound to 0.0.0.0", loc("asterisk/manager.conf", 5, 1, 5, 18),
                                {"pci-dss:2.2.4"}, "abababababababab", "asterisk-conf");
    baselined.suppression = {rules::SuppressionKind::baseline, "in baseline .ccscan-baseline.json", "", "", {}};
    out.push_back(baselined);
    std::sort(out.begin(), out.end(), rules::finding_less);
    return out;
}

std::vector<rules::ControlResult> controls() {
    using rules::ControlStatus;
    return {
        {"ccpa", "ccpa:1798.100(a)", "Notice at collection", "partial", ControlStatus::fail, {"CCS-TWILIO-004"}, 1, 1},
        {"ccpa", "ccpa:1798.130", "Privacy request routes", "manual", ControlStatus::manual, {}, 0, 0},
        {"gdpr", "gdpr:Art.13", "Information at collection", "partial", ControlStatus::fail, {"CCS-TWILIO-004"}, 1, 1},
        {"gdpr", "gdpr:Art.32", "Security of processing", "automated", ControlStatus::fail, {"CCS-CONNECT-001"}, 1, 2},
        {"gdpr", "gdpr:Art.35", "Data protection impact assessment", "manual", ControlStatus::manual, {}, 0, 0},
        {"gdpr", "gdpr:Art.5(1)(f)", "Integrity and confidentiality", "automated", ControlStatus::fail, {"CCS-CODE-LOG"}, 1, 1},
        {"pci-dss", "pci-dss:10.5.1", "Audit log retention", "automated", ControlStatus::not_applicable, {"CCS-TF-LOGS"}, 0, 0},
        {"pci-dss", "pci-dss:12.6.1", "Security awareness training", "manual", ControlStatus::manual, {}, 0, 0},
        {"pci-dss", "pci-dss:2.2.4", "Only necessary services enabled", "automated", ControlStatus::fail, {"CCS-ASTERISK-010"}, 1, 1},
        {"pci-dss", "pci-dss:3.3.1", "SAD not retained after authorization", "automated", ControlStatus::fail, {"CCS-FLOW-002"}, 1, 2},
        {"pci-dss", "pci-dss:3.3.1.2", "CVV not retained", "automated", ControlStatus::fail, {"CCS-FLOW-002"}, 1, 2},
        {"pci-dss", "pci-dss:3.3.2", "SAD encrypted before authorization", "automated", ControlStatus::fail, {"CCS-CONNECT-001"}, 1, 2},
        {"pci-dss", "pci-dss:3.5.1", "PAN unreadable wherever stored", "automated", ControlStatus::fail, {"CCS-CONTENT-PAN"}, 1, 3},
        {"pci-dss", "pci-dss:4.2.1", "Strong cryptography in transit", "automated", ControlStatus::pass, {"CCS-SIP-TLS"}, 0, 1},
        {"pci-dss", "pci-dss:8.3.1", "Hard-coded credentials", "partial", ControlStatus::waived, {"CCS-SECRET"}, 0, 3},
    };
}

}  // namespace

rules::Report sample_report() {
    rules::Report r;
    r.tool.version = "0.1.0";
    r.scan.targets = {"examples/acme"};
    r.scan.root = "examples/acme";
    r.scan.git_commit = "3f2a9c0d1e4b5a6978877665544332211ffeeddc";
    r.scan.organisation = "Acme Contact Center Ltd";
    r.scan.assessment = "PCI DSS 2026 annual assessment";
    r.scan.options = {{"fail-on", "high"}, {"packs", "pci-dss,gdpr,ccpa"}};
    r.packs = {{"ccpa", "CCPA/CPRA contact-center pack", "1.0.0", "rules/packs/ccpa", std::string(64, 'c'), 1},
               {"gdpr", "GDPR contact-center pack", "1.0.0", "rules/packs/gdpr", std::string(64, 'd'), 2},
               {"pci-dss", "PCI DSS v4.0.1 contact-center pack", "1.0.0", "rules/packs/pci-dss", std::string(64, 'e'), 5}};
    r.rules = {rule("CCS-ASTERISK-010", "pci-dss", "Asterisk manager interface exposed", Severity::medium, {"pci-dss:2.2.4"}, {"asterisk-conf"}, "config"),
               rule("CCS-CODE-LOG", "gdpr", "Personal data logged", Severity::low, {"gdpr:Art.5(1)(f)"}, {"python"}, "code"),
               rule("CCS-CONNECT-001", "pci-dss", "Sensitive input stored without encryption", Severity::high, {"pci-dss:3.3.2", "gdpr:Art.32"}, {"amazon-connect-flow"}, "config"),
               rule("CCS-CONTENT-PAN", "pci-dss", "Card number in files", Severity::critical, {"pci-dss:3.5.1"}, {}, "content"),
               rule("CCS-FLOW-002", "pci-dss", "Recording active during card capture", Severity::critical, {"pci-dss:3.3.1", "pci-dss:3.3.1.2"}, {"amazon-connect-flow"}, "flow"),
               rule("CCS-TWILIO-004", "ccpa", "Notice <before> collection", Severity::medium, {"gdpr:Art.13", "ccpa:1798.100(a)"}, {"twilio-studio-flow"}, "flow")};
    r.findings = findings();
    r.inventory = {{"asterisk/manager.conf", "asterisk-conf", rules::FileStatus::scanned, "", std::string(64, '1'), 120, 0},
                   {"assets/logo.png", "", rules::FileStatus::skipped, "binary", "", 2048, 0},
                   {"flows/broken.json", "json", rules::FileStatus::failed, "parse error at 3:14: expected ',' or '}'", std::string(64, '2'), 80, 0},
                   {"flows/legacy.json", "amazon-connect-flow", rules::FileStatus::scanned, "", std::string(64, '3'), 900, 1},
                   {"flows/payment.json", "amazon-connect-flow", rules::FileStatus::scanned, "", std::string(64, '4'), 1500, 1},
                   {"lambda/handler.py", "python", rules::FileStatus::scanned, "", std::string(64, '5'), 400, 0},
                   {"studio/ivr.json", "twilio-studio-flow", rules::FileStatus::scanned, "", std::string(64, '6'), 2100, 1}};
    analyzers::Diagnostic parse;
    parse.code = "parse-error";
    parse.path = "flows/broken.json";
    parse.span = {{3, 14}, {3, 15}};
    parse.message = "expected ',' or '}'";
    analyzers::Diagnostic stale_warn;
    stale_warn.code = "waiver-expired";
    stale_warn.path = ".ccscan.yaml";
    stale_warn.span = {{20, 5}, {20, 30}};
    stale_warn.level = analyzers::DiagnosticLevel::warning;
    stale_warn.message = "waiver for CCS-SECRET expired on 2026-01-31";
    r.diagnostics = {stale_warn, parse};
    r.frameworks = {{"pci-dss", "PCI DSS", "4.0.1"}, {"gdpr", "GDPR", "2016/679"}, {"ccpa", "CCPA/CPRA", ""}};
    r.controls = controls();
    r.stale = {{"inline", "CCS-CODE-LOG", "", loc("lambda/handler.py", 20, 5, 20, 40), "ccscan:ignore CCS-CODE-LOG matched nothing"}};
    return r;
}

std::string sample_source(const std::string& path) {
    std::string out;
    for (int line = 1; line <= 50; ++line) {
        out += "line " + std::to_string(line) + " of " + path + (line % 7 == 0 ? "   \n" : "\n");
    }
    return out;
}

}  // namespace ccscan::test
