#include <catch2/catch.hpp>

#include "reporters/reporter.h"
#include "tests/reporters/expected.h"
#include "tests/reporters/sample_report.h"

using namespace ccscan;

TEST_CASE("text reporter matches saved output", "[report][text-report]") {
    const std::string out = reporters::render_text(test::sample_report(), {});
    CHECK(out == test::expected_output("sample.txt", out));
}

TEST_CASE("text reporter lists active findings, failed files, summary and frameworks", "[report][text-report]") {
    const std::string out = reporters::render_text(test::sample_report(), {});
    CHECK_THAT(out, Catch::Contains("flows/payment.json:22:7: critical CCS-FLOW-002 Card number is collected"));
    CHECK_THAT(out, Catch::Contains("flows/broken.json: parse error at 3:14"));
    CHECK_THAT(out, Catch::Contains("6 findings (2 critical, 1 high, 1 medium, 1 low, 1 info), 2 suppressed; 5 files scanned, 1 skipped, 1 failed"));
    CHECK_THAT(out, Catch::Contains("PCI DSS v4.0.1: 5 fail, 1 pass, 1 n/a, 1 manual, 1 waived"));
    CHECK_THAT(out, Catch::Contains("GDPR 2016/679: 3 fail, 0 pass, 0 n/a, 1 manual"));
    // Suppressed findings are counted, not listed.
    CHECK(out.find("Input 'Pin'") == std::string::npos);
    CHECK(out.find("AMI bound") == std::string::npos);
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("text reporter colours only when asked", "[report][text-report]") {
    reporters::RenderOptions options;
    options.color = true;
    const std::string out = reporters::render_text(test::sample_report(), options);
    CHECK_THAT(out, Catch::Contains("\x1b[1;35mcritical\x1b[0m"));
}

TEST_CASE("text reporter on an empty report", "[report][text-report]") {
    rules::Report empty;
    CHECK(reporters::render_text(empty, {}) == "0 findings; 0 files scanned, 0 skipped, 0 failed\n");
}
