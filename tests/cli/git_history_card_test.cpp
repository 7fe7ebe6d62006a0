// History scans find card numbers that were committed and later deleted: the finding names the
// commit that introduced the value and shows only a masked preview; a HEAD scan is clean.
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

std::string rev_parse(const fs::path& repo, const std::string& rev) {
    fs::path out = repo.parent_path() / "ccscan-rev.txt";
    sh("git -C " + repo.string() + " rev-parse " + rev + " > " + out.string());
    std::ifstream in(out);
    std::string id;
    in >> id;
    REQUIRE(id.size() == 40);
    return id;
}

}  // namespace

TEST_CASE("git history: a deleted card number is reported at the commit that added it", "[git][content]") {
    fs::path repo = ccscan::test::scratch_path("ccscan-git-card-history");
    fs::remove_all(repo);
    fs::create_directories(repo);
    std::string git = "git -C " + repo.string() + " -c user.name=Dev -c user.email=dev@example.com ";
    sh("git init -q " + repo.string());
    std::ofstream(repo / "notes.txt") << "call notes\n";
    sh(git + "add -A && " + git + "commit -qm init");
    // Luhn-valid made-up Visa number (not a published test card).
    std::ofstream(repo / "notes.txt") << "call notes\ncaller card 4929 5812 3456 7898 declined\n";
    sh(git + "add -A && " + git + "commit -qm 'add notes'");
    const std::string introducing = rev_parse(repo, "HEAD");
    std::ofstream(repo / "notes.txt") << "call notes\ncaller card removed\n";
    sh(git + "add -A && " + git + "commit -qm 'remove card'");

    const std::string pack = " --pack " + ccscan::test::source_dir() + "/rules/packs/pci-dss";
    auto head = run_ccscan("scan " + repo.string() + pack + " -q --format json");
    INFO(head.text);
    CHECK(head.code == 0);
    CHECK(head.text.find("492958******7898") == std::string::npos);

    auto hist = run_ccscan("scan " + repo.string() + " --git-history" + pack + " -q --format json");
    INFO(hist.text);
    CHECK(hist.code == 1);
    CHECK(hist.text.find("\"rule_id\": \"CCS-CONTENT-001\"") != std::string::npos);
    CHECK(hist.text.find(introducing) != std::string::npos);
    CHECK(hist.text.find("492958******7898") != std::string::npos);
    CHECK(hist.text.find("4929581234567898") == std::string::npos);
    CHECK(hist.text.find("4929 5812 3456 7898") == std::string::npos);
}
