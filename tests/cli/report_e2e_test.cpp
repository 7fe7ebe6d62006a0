// End-to-end: the real binary scans, `ccscan report` re-renders the JSON byte-identically in
// every format, `ccscan verify` finds no drift, and the SARIF of a real scan validates.
#include <catch2/catch.hpp>

#include "tests/read_file.h"
#include "tests/scratch.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int run(const std::string& args) {
    const int status = std::system((std::string(CCSCAN_BINARY) + " " + args + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

using ccscan::test::read_file;

}  // namespace

TEST_CASE("e2e: scan, re-render from JSON, verify", "[report][report-e2e]") {
    const std::string src = std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/e2e";
    const fs::path dir = ccscan::test::scratch_path("ccscan-report-e2e");
    fs::remove_all(dir);
    const std::string formats = "json,sarif,html,text,csv,junit,markdown,github";
    CHECK(run("scan " + src + "/basic --pack " + src + "/packs/mini.yaml --no-progress -q --format " + formats + " -o " +
              (dir / "a").string()) == 1);
    REQUIRE(fs::exists(dir / "a" / "ccscan.json"));
    CHECK(run("report --from " + (dir / "a" / "ccscan.json").string() + " -q --format " + formats + " -o " + (dir / "b").string()) == 0);
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(dir / "a")) {
        INFO(entry.path().filename().string());
        CHECK(read_file(entry.path()) == read_file(dir / "b" / entry.path().filename()));
        ++compared;
    }
    CHECK(compared == 8);
    CHECK(read_file(dir / "a" / "ccscan.sarif").find("primaryLocationLineHash") != std::string::npos);
    CHECK(run("verify " + (dir / "a" / "ccscan.json").string()) == 0);
    const std::string validate = std::string(CCSCAN_SOURCE_DIR) + "/tests/tools/validate_sarif.sh";
    CHECK(std::system(("'" + validate + "' '" + (dir / "a" / "ccscan.sarif").string() + "'").c_str()) == 0);
}
