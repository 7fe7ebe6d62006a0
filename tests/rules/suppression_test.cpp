#include <catch2/catch.hpp>

#include "rules/baseline.h"
#include "rules/engine.h"
#include "rules/suppression.h"

using namespace ccscan;
using namespace ccscan::rules;

namespace {

Finding finding(const std::string& rule, const std::string& path, std::uint32_t line, const std::string& key) {
    Finding f;
    f.rule_id = rule;
    f.location = {path, {{line, 1}, {line, 5}}};
    f.fingerprint_key = key;
    f.message = "m";
    return f;
}

}  // namespace

TEST_CASE("inline suppressions: reason, expiry, staleness", "[suppression]") {
    std::string text =
        "a = 1  # ccscan:ignore CCS-A-001 -- lab only\n"
        "# ccscan:ignore CCS-B-001\n"
        "b = 2\n"
        "; ccscan:ignore CCS-C-001 -- old waiver [until 2020-01-01]\n"
        "c = 3\n"
        "<!-- ccscan:ignore CCS-D-001 -- nothing here -->\n";
    auto sup = find_inline_suppressions("x.conf", text);
    REQUIRE(sup.size() == 4);
    CHECK(sup[0].reason == "lab only");
    CHECK(sup[2].until == "2020-01-01");
    CHECK(sup[3].reason == "nothing here");
    std::vector<Finding> findings{finding("CCS-A-001", "x.conf", 1, "a"), finding("CCS-B-001", "x.conf", 3, "b"),
                                  finding("CCS-C-001", "x.conf", 5, "c")};
    std::vector<analyzers::Diagnostic> diags;
    std::vector<StaleEntry> stale;
    apply_suppressions(findings, sup, {}, "2026-11-28", diags, stale);
    CHECK(findings[0].suppression.kind == SuppressionKind::inline_comment);
    CHECK(findings[1].suppression.kind == SuppressionKind::none);  // no reason
    CHECK(findings[2].suppression.kind == SuppressionKind::none);  // expired
    REQUIRE(stale.size() == 1);
    CHECK(stale[0].rule_id == "CCS-D-001");
    auto has = [&](const std::string& code) {
        return std::any_of(diags.begin(), diags.end(), [&](const auto& d) { return d.code == code; });
    };
    CHECK(has("suppression-no-reason"));
    CHECK(has("suppression-expired"));
}

TEST_CASE("waivers: rule, glob, fingerprint, expiry", "[suppression]") {
    std::vector<Finding> findings{finding("CCS-A-001", "flows/a.json", 3, "k1"), finding("CCS-A-001", "other/b.json", 3, "k2")};
    assign_fingerprints(findings);
    Waiver w{"CCS-A-001", "flows/*.json", "", "retired flow", "2099-01-01", "sec", {}};
    Waiver old{"CCS-A-001", "other/*.json", "", "expired", "2001-01-01", "sec", {}};
    std::vector<analyzers::Diagnostic> diags;
    std::vector<StaleEntry> stale;
    apply_suppressions(findings, {}, {w, old}, "2026-11-28", diags, stale);
    CHECK(findings[0].suppression.kind == SuppressionKind::waiver);
    CHECK(findings[1].suppression.kind == SuppressionKind::none);
    CHECK(diags.size() == 1);
}

TEST_CASE("fingerprints survive line shifts; a second violation gets a new one", "[baseline]") {
    std::vector<Finding> before{finding("CCS-A-001", "f.json", 10, "Actions[Identifier=x].P")};
    std::vector<Finding> after{finding("CCS-A-001", "f.json", 42, "Actions[Identifier=x].P"),
                               finding("CCS-A-001", "f.json", 50, "Actions[Identifier=y].P")};
    assign_fingerprints(before);
    assign_fingerprints(after);
    CHECK(before[0].fingerprint == after[0].fingerprint);
    CHECK(after[1].fingerprint != after[0].fingerprint);
    // Identical keys repeat: occurrence numbers keep them apart.
    std::vector<Finding> twice{finding("CCS-A-001", "f.py", 1, "same"), finding("CCS-A-001", "f.py", 9, "same")};
    assign_fingerprints(twice);
    CHECK(twice[0].fingerprint != twice[1].fingerprint);
}
