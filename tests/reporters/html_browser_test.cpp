// Renders the sample report to <build>/test-artifacts/report.html and checks it in headless
// Chromium (tests/browser/html_report_check.js). Needs node, `npm ci` in tests/tools and
// Debian's chromium package; exit status 2 from the script means one of them is missing, and
// the test is then skipped (tests/skip.h), not passed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "reporters/reporter.h"
#include "tests/reporters/sample_report.h"
#include "tests/skip.h"

#ifndef CCSCAN_BUILD_DIR
#define CCSCAN_BUILD_DIR CCSCAN_SOURCE_DIR "/build"
#endif

using namespace ccscan;

TEST_CASE("html report works in a real browser", "[report][html][browser]") {
    namespace fs = std::filesystem;
    if (!test::tool_present("node")) return test::skip_test("node is not installed");
    const fs::path dir = fs::path(CCSCAN_BUILD_DIR) / "test-artifacts";
    fs::create_directories(dir);
    const fs::path file = dir / "report.html";
    std::ofstream(file, std::ios::binary) << reporters::render_html(test::sample_report(), {});
    const std::string script = std::string(CCSCAN_SOURCE_DIR) + "/tests/browser/html_report_check.js";
    const int status = std::system(("node '" + script + "' '" + file.string() + "' '" + dir.string() + "' 2>&1").c_str());
    INFO("node tests/browser/html_report_check.js " << file.string());
    if (WIFEXITED(status) && WEXITSTATUS(status) == 2) return test::skip_test("Chromium or the npm test tools (tests/tools) are missing");
    CHECK(status == 0);
}
