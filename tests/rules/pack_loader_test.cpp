#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>

#include "rules/pack_loader.h"

using namespace ccscan;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    auto dir = ccscan::test::scratch_path("ccscan-pack-tests");
    std::filesystem::create_directories(dir);
    auto p = dir / name;
    std::ofstream(p) << text;
    return p.string();
}

const char* k_good =
    "pack: {id: custom, name: Custom, version: 1.0.0}\n"
    "rules:\n"
    "  - id: CCS-CUSTOM-001\n"
    "    title: Debug on\n"
    "    severity: medium\n"
    "    controls: [pci-dss:2.2.4]\n"
    "    description: d\n"
    "    remediation: r\n"
    "    help_uri: https://example.com\n"
    "    applies_to: {formats: [yaml]}\n"
    "    match:\n"
    "      config: {where: {path: debug, equals: 'true'}, report: debug}\n"
    "    tests:\n"
    "      - {expect: match, filename: a.yaml, content: \"debug: true\\n\"}\n"
    "      - {expect: no_match, filename: a.yaml, content: \"debug: false\\n\"}\n";

}  // namespace

TEST_CASE("pack loader: a valid pack loads", "[pack]") {
    auto p = rules::load_pack(write_temp("good.yaml", k_good));
    REQUIRE(p.ok());
    CHECK(p->id == "custom");
    REQUIRE(p->rules.size() == 1);
    CHECK(p->rules[0].tests.size() == 2);
    CHECK(p->rules[0].matcher_kind == "config");
    CHECK_FALSE(p->sha256.empty());
}

TEST_CASE("pack loader: a typo gives file, line, column and a suggestion", "[pack]") {
    std::string bad = k_good;
    bad.replace(bad.find("    severity:"), 13, "    severty:");
    auto p = rules::load_pack(write_temp("typo.yaml", bad));
    REQUIRE_FALSE(p.ok());
    std::string msg = p.error().to_string();
    CHECK(msg.find("typo.yaml:5:5: unknown key 'severty'") != std::string::npos);
    CHECK(msg.find("did you mean 'severity'") != std::string::npos);
}

TEST_CASE("pack loader: bad values are rejected with locations", "[pack]") {
    auto check = [](const std::string& from, const std::string& to, const std::string& expect) {
        std::string text = k_good;
        text.replace(text.find(from), from.size(), to);
        auto p = rules::load_pack(write_temp("bad.yaml", text));
        REQUIRE_FALSE(p.ok());
        INFO(p.error().to_string());
        CHECK(p.error().to_string().find(expect) != std::string::npos);
    };
    check("severity: medium", "severity: hgh", "did you mean 'high'");
    check("formats: [yaml]", "formats: [yml]", "unknown format 'yml'");
    check("config: {", "confg: {", "did you mean 'config'");
    check("pci-dss:2.2.4", "PCI 2.2.4", "not a canonical id");
    check("CCS-CUSTOM-001", "bad id", "must look like");
    check("expect: match", "expect: matches", "did you mean 'match'");
}
