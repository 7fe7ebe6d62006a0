#include <catch2/catch.hpp>

#include <algorithm>

#include "rules/control_matrix.h"
#include "rules/framework.h"
#include "rules/pack_loader.h"

using namespace ccscan;
using namespace ccscan::rules;

namespace {

const char* k_small = R"(framework: {id: pci-dss, name: "PCI DSS", version: "4.0.1"}
controls:
  - id: "pci-dss:3.3.1.2"
    title: CVV not retained
    summary: Card codes are not kept.
    automation: automated
  - id: "pci-dss:12.6.3"
    title: Training
    summary: People are trained.
    automation: manual
  - id: "pci-dss:4.2.1"
    title: Transport
    summary: TLS.
    automation: automated
  - id: "pci-dss:10.5.1"
    title: Log retention
    summary: A year.
    automation: automated
  - id: "pci-dss:3.5.1"
    title: PAN unreadable
    summary: Encrypted.
    automation: partial
)";

Framework small() {
    auto fw = parse_framework(k_small, "pci.yaml");
    REQUIRE(fw.ok());
    return fw.value();
}

RuleSummary rule(std::string id, std::vector<std::string> controls) {
    RuleSummary r;
    r.id = std::move(id);
    r.controls = std::move(controls);
    return r;
}

Finding finding(std::string rule_id, std::vector<std::string> controls, SuppressionKind s = SuppressionKind::none) {
    Finding f;
    f.rule_id = std::move(rule_id);
    f.controls = std::move(controls);
    f.suppression.kind = s;
    return f;
}

const ControlResult& row(const std::vector<ControlResult>& rows, const std::string& id) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const ControlResult& r) { return r.id == id; });
    REQUIRE(it != rows.end());
    return *it;
}

}  // namespace

TEST_CASE("framework file parses header and controls", "[frameworks]") {
    Framework fw = small();
    CHECK(fw.id == "pci-dss");
    CHECK(fw.name == "PCI DSS");
    CHECK(fw.version == "4.0.1");
    REQUIRE(fw.controls.size() == 5);
    CHECK(fw.controls[0].id == "pci-dss:3.3.1.2");
    CHECK(fw.controls[0].automation == "automated");
    CHECK(fw.controls[1].where.start.line == 7);
    CHECK(fw.find("pci-dss:12.6.3") != nullptr);
    CHECK(fw.find("pci-dss:12.6") == nullptr);
    CHECK(framework_of("gdpr:Art.5(1)(e)") == "gdpr");
    CHECK(framework_of("nothing").empty());
}

TEST_CASE("framework loading is strict and points at the mistake", "[frameworks]") {
    SECTION("unknown key with suggestion") {
        auto fw = parse_framework("framework: {id: gdpr, name: GDPR, version: x}\ncontrols:\n  - id: \"gdpr:Art.32\"\n    title: t\n    summry: s\n    automation: partial\n", "g.yaml");
        REQUIRE_FALSE(fw.ok());
        CHECK(fw.error().span.start.line == 5);
        CHECK(fw.error().message.find("did you mean 'summary'") != std::string::npos);
    }
    SECTION("bad automation value") {
        auto fw = parse_framework("framework: {id: gdpr, name: GDPR, version: x}\ncontrols:\n  - {id: \"gdpr:Art.32\", title: t, summary: s, automation: automatic}\n", "g.yaml");
        REQUIRE_FALSE(fw.ok());
        CHECK(fw.error().span.start.line == 3);
        CHECK(fw.error().message.find("did you mean 'automated'") != std::string::npos);
    }
    SECTION("control of another framework") {
        auto fw = parse_framework("framework: {id: gdpr, name: GDPR, version: x}\ncontrols:\n  - {id: \"ccpa:1798.150\", title: t, summary: s, automation: partial}\n", "g.yaml");
        REQUIRE_FALSE(fw.ok());
        CHECK(fw.error().message.find("gdpr:<number>") != std::string::npos);
    }
    SECTION("duplicate control") {
        auto fw = parse_framework("framework: {id: gdpr, name: GDPR, version: x}\ncontrols:\n  - {id: \"gdpr:Art.32\", title: t, summary: s, automation: partial}\n  - {id: \"gdpr:Art.32\", title: t, summary: s, automation: partial}\n", "g.yaml");
        REQUIRE_FALSE(fw.ok());
        CHECK(fw.error().span.start.line == 4);
        CHECK(fw.error().message.find("duplicate") != std::string::npos);
    }
    SECTION("missing field") {
        auto fw = parse_framework("framework: {id: gdpr, name: GDPR, version: x}\ncontrols:\n  - {id: \"gdpr:Art.32\", title: t, automation: partial}\n", "g.yaml");
        REQUIRE_FALSE(fw.ok());
        CHECK(fw.error().message.find("summary") != std::string::npos);
    }
}

TEST_CASE("built-in catalogues load and cover every control COMPLIANCE.md names", "[frameworks]") {
    auto fws = load_frameworks(std::string(CCSCAN_SOURCE_DIR) + "/rules/frameworks");
    REQUIRE(fws.ok());
    REQUIRE(fws->size() == 3);
    CHECK((*fws)[0].id == "ccpa");
    CHECK((*fws)[1].id == "gdpr");
    CHECK((*fws)[2].id == "pci-dss");
    const std::vector<std::string> expected = {
        "pci-dss:2.2.4", "pci-dss:3.2.1", "pci-dss:3.3.1", "pci-dss:3.3.1.2", "pci-dss:3.3.1.3", "pci-dss:3.3.2",
        "pci-dss:3.4.1", "pci-dss:3.5.1", "pci-dss:3.6.1", "pci-dss:3.7.4", "pci-dss:4.2.1", "pci-dss:4.2.2",
        "pci-dss:6.2.4", "pci-dss:7.2.1", "pci-dss:7.2.2", "pci-dss:8.3.1", "pci-dss:8.6.2", "pci-dss:10.2.1",
        "pci-dss:10.5.1", "pci-dss:12.5.2", "pci-dss:12.8.1", "pci-dss:12.6.3",
        "gdpr:Art.5(1)(b)", "gdpr:Art.5(1)(c)", "gdpr:Art.5(1)(e)", "gdpr:Art.5(1)(f)", "gdpr:Art.6", "gdpr:Art.7",
        "gdpr:Art.9", "gdpr:Art.12", "gdpr:Art.13", "gdpr:Art.15", "gdpr:Art.17", "gdpr:Art.21", "gdpr:Art.22",
        "gdpr:Art.25", "gdpr:Art.28", "gdpr:Art.30", "gdpr:Art.32", "gdpr:Art.35", "gdpr:Art.44", "gdpr:Art.46",
        "ccpa:1798.100(a)", "ccpa:1798.100(c)", "ccpa:1798.100(e)", "ccpa:1798.105", "ccpa:1798.106",
        "ccpa:1798.110", "ccpa:1798.115", "ccpa:1798.120", "ccpa:1798.121", "ccpa:1798.130", "ccpa:1798.135",
        "ccpa:1798.150", "ccpa:11-CCR-7002", "ccpa:11-CCR-7012", "ccpa:11-CCR-7025", "ccpa:11-CCR-7026",
        "ccpa:11-CCR-7101",
    };
    for (const std::string& id : expected) {
        const Framework& fw = *std::find_if(fws->begin(), fws->end(), [&](const Framework& f) { return f.id == framework_of(id); });
        INFO(id);
        CHECK(fw.find(id) != nullptr);
    }
    // The matrix must stay honest: some controls cannot be evidenced by a scan.
    for (const Framework& fw : *fws) {
        INFO(fw.id);
        CHECK(std::any_of(fw.controls.begin(), fw.controls.end(), [](const Control& c) { return c.automation == "manual"; }));
    }
}

TEST_CASE("every control the built-in packs name exists in its catalogue", "[frameworks]") {
    auto fws = load_frameworks(std::string(CCSCAN_SOURCE_DIR) + "/rules/frameworks");
    REQUIRE(fws.ok());
    auto packs = load_packs({}, std::string(CCSCAN_SOURCE_DIR) + "/rules/packs");
    REQUIRE(packs.ok());
    for (const auto& d : check_rule_controls(*fws, *packs)) FAIL_CHECK(d.to_string());
}

TEST_CASE("check_rule_controls reports unknown controls at the rule", "[frameworks]") {
    Pack pack;
    pack.id = "p";
    Rule r;
    r.id = "CCS-X-001";
    r.source_path = "packs/x.yaml";
    r.where.start = {12, 5};
    r.controls = {"pci-dss:3.3.1.2", "pci-dss:3.3.12", "hipaa:164.312", "pci-dss:3.7.x"};
    pack.rules.push_back(r);
    auto diags = check_rule_controls({small()}, {pack});
    REQUIRE(diags.size() == 3);
    CHECK(diags[0].code == "unknown-control");
    CHECK(diags[0].path == "packs/x.yaml");
    CHECK(diags[0].span.start.line == 12);
    CHECK(diags[0].message.find("'pci-dss:3.3.12'") != std::string::npos);
    CHECK(diags[0].message.find("did you mean 'pci-dss:3.3.1.2'") != std::string::npos);
    CHECK(diags[1].message.find("unknown framework 'hipaa'") != std::string::npos);
    CHECK(diags[2].message.find("'pci-dss:3.7.x'") != std::string::npos);
}

TEST_CASE("control matrix statuses", "[frameworks]") {
    std::vector<RuleSummary> rules = {
        rule("CCS-A-001", {"pci-dss:3.3.1.2"}), rule("CCS-B-001", {"pci-dss:4.2.1"}),
        rule("CCS-C-001", {"pci-dss:10.5.1"}), rule("CCS-D-001", {"pci-dss:3.5.1"}),
        rule("CCS-E-001", {"pci-dss:12.6.3", "pci-dss:3.5.1"}),
    };
    std::map<std::string, int> applicable = {{"CCS-A-001", 3}, {"CCS-B-001", 2}, {"CCS-D-001", 1}, {"CCS-E-001", 4}};

    SECTION("fail, waived, pass, not applicable, manual") {
        std::vector<Finding> findings = {
            finding("CCS-A-001", {"pci-dss:3.3.1.2"}),
            finding("CCS-B-001", {"pci-dss:4.2.1"}, SuppressionKind::waiver),
        };
        auto rows = compute_control_matrix({small()}, rules, findings, applicable);
        REQUIRE(rows.size() == 5);
        CHECK(row(rows, "pci-dss:3.3.1.2").status == ControlStatus::fail);
        CHECK(row(rows, "pci-dss:3.3.1.2").findings == 1);
        CHECK(row(rows, "pci-dss:3.3.1.2").artifacts == 3);
        CHECK(row(rows, "pci-dss:4.2.1").status == ControlStatus::waived);
        CHECK(row(rows, "pci-dss:10.5.1").status == ControlStatus::not_applicable);
        CHECK(row(rows, "pci-dss:10.5.1").rules == std::vector<std::string>{"CCS-C-001"});
        CHECK(row(rows, "pci-dss:3.5.1").status == ControlStatus::pass);
        CHECK(row(rows, "pci-dss:3.5.1").rules == std::vector<std::string>{"CCS-D-001", "CCS-E-001"});
        CHECK(row(rows, "pci-dss:3.5.1").artifacts == 4);
        CHECK(row(rows, "pci-dss:12.6.3").status == ControlStatus::manual);
        CHECK(row(rows, "pci-dss:12.6.3").title == "Training");
        CHECK(row(rows, "pci-dss:12.6.3").automation == "manual");
    }
    SECTION("an unsuppressed finding beats a waived one; a finding on a manual control fails it") {
        std::vector<Finding> findings = {
            finding("CCS-B-001", {"pci-dss:4.2.1"}, SuppressionKind::baseline),
            finding("CCS-B-001", {"pci-dss:4.2.1"}),
            finding("CCS-E-001", {"pci-dss:12.6.3", "pci-dss:3.5.1"}),
        };
        auto rows = compute_control_matrix({small()}, rules, findings, applicable);
        CHECK(row(rows, "pci-dss:4.2.1").status == ControlStatus::fail);
        CHECK(row(rows, "pci-dss:4.2.1").findings == 2);
        CHECK(row(rows, "pci-dss:12.6.3").status == ControlStatus::fail);
        CHECK(row(rows, "pci-dss:3.5.1").status == ControlStatus::fail);
    }
    SECTION("controls without rules are manual; rows in natural id order") {
        auto rows = compute_control_matrix({small()}, {}, {}, {});
        REQUIRE(rows.size() == 5);
        for (const auto& r : rows) CHECK(r.status == ControlStatus::manual);
        CHECK(rows[0].id == "pci-dss:3.3.1.2");
        CHECK(rows[1].id == "pci-dss:3.5.1");
        CHECK(rows[2].id == "pci-dss:4.2.1");
        CHECK(rows[3].id == "pci-dss:10.5.1");
        CHECK(rows[4].id == "pci-dss:12.6.3");
    }
    SECTION("findings read back without controls use the rule's") {
        auto rows = compute_control_matrix({small()}, rules, {finding("CCS-C-001", {})}, applicable);
        CHECK(row(rows, "pci-dss:10.5.1").status == ControlStatus::fail);
    }
}

TEST_CASE("natural control id order", "[frameworks]") {
    CHECK(control_id_less("pci-dss:3.3.1", "pci-dss:3.3.1.2"));
    CHECK_FALSE(control_id_less("pci-dss:3.3.1.2", "pci-dss:3.3.1"));
    CHECK(control_id_less("pci-dss:3.7.9", "pci-dss:3.10.1"));
    CHECK(control_id_less("gdpr:Art.5(1)(f)", "gdpr:Art.32"));
    CHECK(control_id_less("gdpr:Art.5(1)(a)", "gdpr:Art.5(1)(b)"));
    CHECK(control_id_less("ccpa:1798.100(a)", "ccpa:1798.150"));
    CHECK_FALSE(control_id_less("gdpr:Art.9", "gdpr:Art.9"));
}
