// Git sources end to end: a commit's tree without checkout (also bare), and --changed-since.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/cli/run_binary.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;

namespace {

void sh(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }

std::string pack() { return " --pack " + ccscan::test::source_dir() + "/tests/fixtures/e2e/packs/mini.yaml"; }

// A repository whose first commit has a violation that the second commit fixes.
fs::path make_repo() {
    fs::path repo = ccscan::test::scratch_path("ccscan-git-repo");
    fs::remove_all(repo);
    fs::create_directories(repo);
    std::string git = "git -C " + repo.string() + " -c user.name=t -c user.email=t@example.com ";
    sh("git init -q " + repo.string());
    std::ofstream(repo / "sip.yaml") << "endpoints:\n  - name: lab\n    debug: 'yes'\n";
    std::ofstream(repo / "other.yaml") << "endpoints:\n  - name: x\n    debug: 'yes'\n";
    sh(git + "add -A && " + git + "commit -qm first && " + git + "tag v1");
    std::ofstream(repo / "sip.yaml") << "endpoints:\n  - name: lab\n    debug: 'no'\n";
    std::ofstream(repo / "new.yaml") << "endpoints:\n  - name: new\n    debug: 'yes'\n";
    sh(git + "add -A && " + git + "commit -qm second");
    return repo;
}

}  // namespace

TEST_CASE("git: --git-ref scans a commit's tree without checking it out", "[e2e][git]") {
    fs::path repo = make_repo();
    auto head = run_ccscan("scan " + repo.string() + pack() + " -q --format text");
    INFO(head.text);
    CHECK(head.code == 1);  // the scan ran and reported: the absence below is not an empty output
    CHECK(head.text.find("new.yaml:3:12") != std::string::npos);
    CHECK(head.text.find("sip.yaml") == std::string::npos);
    auto old = run_ccscan("scan " + repo.string() + " --git-ref v1" + pack() + " -q --format text");
    INFO(old.text);
    CHECK(old.code == 1);
    CHECK(old.text.find("sip.yaml:3:12") != std::string::npos);
    CHECK(old.text.find("new.yaml") == std::string::npos);
    // A bare clone has no work tree at all.
    fs::path bare = ccscan::test::scratch_path("ccscan-git-bare");
    fs::remove_all(bare);
    sh("git clone -q --bare " + repo.string() + " " + bare.string());
    auto from_bare = run_ccscan("scan " + bare.string() + " --git-ref v1" + pack() + " -q --format json");
    CHECK(from_bare.code == 1);
    CHECK(from_bare.text.find("\"sip.yaml\"") != std::string::npos);
    CHECK(run_ccscan("scan " + repo.string() + " --git-ref no-such-ref" + pack() + " -q").code == 2);
}

TEST_CASE("git: --changed-since reports only changed files", "[e2e][git]") {
    fs::path repo = make_repo();
    auto r = run_ccscan("scan " + repo.string() + " --changed-since v1" + pack() + " -q --format json");
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("\"new.yaml\"") != std::string::npos);
    CHECK(r.text.find("unchanged since v1") != std::string::npos);  // other.yaml listed, not scanned
    auto all = run_ccscan("scan " + repo.string() + pack() + " -q --format text");
    CHECK(all.text.find("other.yaml") != std::string::npos);
    auto changed = run_ccscan("scan " + repo.string() + " --changed-since v1" + pack() + " -q --format text");
    INFO(changed.text);
    CHECK(changed.code == 1);
    CHECK(changed.text.find("new.yaml:3:12") != std::string::npos);
    CHECK(changed.text.find("other.yaml:") == std::string::npos);
}

TEST_CASE("git: a file:// URL is cloned and scanned", "[e2e][git]") {
    fs::path repo = make_repo();
    auto r = run_ccscan("scan file://" + repo.string() + pack() + " -q --format json");
    INFO(r.text.substr(0, 2000));
    CHECK(r.code == 1);
    CHECK(r.text.find("\"new.yaml\"") != std::string::npos);
    CHECK(r.text.find("file://" + repo.string()) != std::string::npos);
}
