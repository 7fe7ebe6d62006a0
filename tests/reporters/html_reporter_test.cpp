#include <catch2/catch.hpp>

#include <regex>

#include "reporters/reporter.h"
#include "tests/reporters/expected.h"
#include "tests/reporters/sample_report.h"

using namespace ccscan;

TEST_CASE("html reporter matches saved output", "[report][html]") {
    const std::string out = reporters::render_html(test::sample_report(), {});
    CHECK(out == test::expected_output("sample.html", out));
}

TEST_CASE("html report shows hostile text as text", "[report][html]") {
    const std::string out = reporters::render_html(test::sample_report(), {});
    CHECK(out.find("<script>alert") == std::string::npos);
    CHECK(out.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    // The only script element is ours.
    std::size_t scripts = 0;
    for (std::size_t at = out.find("<script"); at != std::string::npos; at = out.find("<script", at + 1)) ++scripts;
    CHECK(scripts == 1);
    // Rule titles are escaped too.
    CHECK(out.find("Notice &lt;before&gt; collection") != std::string::npos);
}

TEST_CASE("html report is self-contained", "[report][html]") {
    const std::string out = reporters::render_html(test::sample_report(), {});
    CHECK(out.find("default-src 'none'") != std::string::npos);
    // No external resources: no src= or stylesheet links at all; the only http(s) URLs are
    // plain links (rule documentation) and text.
    CHECK(out.find(" src=") == std::string::npos);
    CHECK(out.find("<link") == std::string::npos);
    CHECK(out.find("@import") == std::string::npos);
}

TEST_CASE("html report has every section an auditor needs", "[report][html]") {
    const std::string out = reporters::render_html(test::sample_report(), {});
    for (const char* id : {"scope", "summary", "controls", "findings", "coverage", "suppressions", "manual", "hashes"}) {
        INFO(id);
        CHECK(out.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
    }
    CHECK(out.find("Acme Contact Center Ltd") != std::string::npos);
    CHECK(out.find("3f2a9c0d1e4b5a6978877665544332211ffeeddc") != std::string::npos);
    CHECK(out.find("data-control=\"pci-dss:3.3.2\"") != std::string::npos);
    CHECK(out.find("Legacy flow retired in Q1") != std::string::npos);    // waiver reason
    CHECK(out.find("2027-03-31") != std::string::npos);                   // waiver expiry
    CHECK(out.find("Security awareness training") != std::string::npos);  // manual checklist
    CHECK(out.find("parse error at 3:14") != std::string::npos);          // failed file
    CHECK(out.find(std::string(64, '4')) != std::string::npos);           // input hash
    CHECK(out.find("411111******1111") != std::string::npos);             // masked evidence
    // The flow path is drawn step by step.
    CHECK(out.find("<li data-n=\"3\" class=\"last\"><code>flows/payment.json:22:7</code>") != std::string::npos);
    // Suppressed findings are not among the open findings.
    const std::regex article("<article class=\"finding ");
    CHECK(std::distance(std::sregex_iterator(out.begin(), out.end(), article), std::sregex_iterator()) == 6);
}

TEST_CASE("html report shows the scan time only with timestamps", "[report][html]") {
    rules::Report r = test::sample_report();
    r.scan.started_at = "2026-11-28T10:00:00Z";
    CHECK(reporters::render_html(r, {}).find("2026-11-28T10:00:00Z") == std::string::npos);
    reporters::RenderOptions options;
    options.timestamps = true;
    CHECK(reporters::render_html(r, options).find("scan started 2026-11-28T10:00:00Z") != std::string::npos);
}

TEST_CASE("html report of an empty scan", "[report][html]") {
    const std::string out = reporters::render_html(rules::Report{}, {});
    CHECK(out.find("No open findings.") != std::string::npos);
    CHECK(out.find("No framework controls in this report.") != std::string::npos);
    CHECK(out.find("</html>") != std::string::npos);
}
