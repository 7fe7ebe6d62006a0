// The commands examples/ci/* and .pre-commit-hooks.yaml run, run here with the same flags.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int sh(const std::string& args) {
    std::string cmd = std::string(CCSCAN_BINARY) + " " + args + " >/dev/null 2>&1";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string fixtures() { return std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/e2e"; }

}  // namespace

TEST_CASE("ci examples: GitHub Actions and GitLab commands write their files", "[e2e][ci]") {
    fs::path out = ccscan::test::scratch_path("ccscan-ci-example");
    fs::remove_all(out);
    std::string pack = " --pack " + fixtures() + "/packs/mini.yaml";
    int gh = sh("scan " + fixtures() + "/basic --format sarif,markdown,github --output " + out.string() +
                "/gh/ --category ccscan --fail-on high --no-progress" + pack);
    CHECK(gh == 1);
    CHECK(fs::file_size(out / "gh" / "ccscan.sarif") > 0);
    CHECK(fs::file_size(out / "gh" / "ccscan.md") > 0);
    CHECK(fs::exists(out / "gh" / "ccscan.txt"));
    int gl = sh("scan " + fixtures() + "/basic --format junit,sarif,html --output " + out.string() +
                "/gl/ --fail-on high --no-progress" + pack);
    CHECK(gl == 1);
    CHECK(fs::file_size(out / "gl" / "ccscan.xml") > 0);
    CHECK(fs::file_size(out / "gl" / "ccscan.html") > 0);
}

TEST_CASE("ci examples: the pre-commit hook scans the files it is given", "[e2e][ci]") {
    std::string pack = " --pack " + fixtures() + "/packs/mini.yaml";
    CHECK(sh("scan --fail-on high --no-progress" + pack + " " + fixtures() + "/basic/sip.yaml " + fixtures() + "/basic/notes.txt") == 1);
    CHECK(sh("scan --fail-on high --no-progress" + pack + " " + fixtures() + "/basic/notes.txt") == 0);
}
