// Scanning a git URL over HTTPS: a local git smart-HTTP server (git http-backend behind
// tests/fixtures/pull/git_server.py) that wants a basic login, a clone that trusts the test CA
// through --ca-bundle, --git-ref and --git-history on the clone, and the token in the URL never
// appearing in a report or a message.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>

#include "tests/cli/pull_server.h"

namespace fs = std::filesystem;
using ccscan::test::PullServer;
using ccscan::test::run_ccscan;

namespace {

void sh(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }

// A bare repository: v1 has a card payment flow that stores the card number and a note with a
// card number in it; the next commit replaces both.
fs::path make_bare_repo(const fs::path& root) {
    const fs::path work = root / "work";
    fs::create_directories(work);
    const std::string git = "git -C " + work.string() + " -c user.name=t -c user.email=t@example.test ";
    sh("git init -q " + work.string());
    fs::copy_file(ccscan::test::source_dir() + "/tests/fixtures/pull/connect/flows/card-payment.json", work / "payment.json");
    std::ofstream(work / "notes.txt") << "test card for the lab: 4539 1488 0343 6467\n";
    sh(git + "add -A && " + git + "commit -qm first && " + git + "tag v1");
    fs::copy_file(ccscan::test::source_dir() + "/tests/fixtures/pull/connect/flows/main-menu.json", work / "payment.json",
                  fs::copy_options::overwrite_existing);
    std::ofstream(work / "notes.txt") << "no card numbers here\n";
    sh(git + "add -A && " + git + "commit -qm second");
    const fs::path repos = root / "repos";
    fs::create_directories(repos);
    sh("git clone -q --bare " + work.string() + " " + (repos / "center.git").string());
    return repos;
}

}  // namespace

TEST_CASE("git URL over https: cloned with the CA bundle and a login, scanned at HEAD, a ref and through history", "[e2e][git][pull]") {
    if (!PullServer::available() || std::system("git http-backend </dev/null >/dev/null 2>&1; command -v git >/dev/null") != 0) {
        WARN("python3, openssl or git missing: git-over-https test skipped");
        return;
    }
    const fs::path root = ccscan::test::scratch_path("ccscan-git-https-repos");
    fs::remove_all(root);
    const fs::path repos = make_bare_repo(root);
    const std::string token = "ghp_" + std::to_string(std::random_device{}()) + "TestToken" + std::to_string(::getpid());
    PullServer server("git-https", "", {{"GIT_TEST_USER", "auditor"}, {"GIT_TEST_PASSWORD", token}}, repos.string());
    REQUIRE(server.running());
    const std::string url = server.git_url("auditor:" + token, "center.git");

    auto head = run_ccscan("scan " + url + " --ca-bundle " + server.ca() + " --format json -q");
    INFO(head.text);
    CHECK(head.text.find("\"https://****@localhost:") != std::string::npos);  // the target, masked
    CHECK(head.text.find("\"rule_id\": \"CCS-FLOW-001\"") == std::string::npos);
    CHECK(head.text.find(token) == std::string::npos);

    auto old = run_ccscan("scan " + url + " --ca-bundle " + server.ca() + " --git-ref v1 --format json -q");
    INFO(old.text);
    CHECK(old.code == 1);
    CHECK(old.text.find("\"rule_id\": \"CCS-FLOW-001\"") != std::string::npos);
    CHECK(old.text.find(token) == std::string::npos);

    auto history = run_ccscan("scan " + url + " --ca-bundle " + server.ca() + " --git-history --format text -q");
    INFO(history.text);
    CHECK(history.text.find("notes.txt") != std::string::npos);
    CHECK(history.text.find("4539148803436467") == std::string::npos);
    CHECK(history.text.find(token) == std::string::npos);

    // Without the CA the clone fails on TLS; with a wrong password on the login; neither says the token.
    auto untrusted = run_ccscan("scan " + url + " -q");
    CHECK(untrusted.code == 2);
    CHECK(untrusted.text.find("certificate") != std::string::npos);
    CHECK(untrusted.text.find(token) == std::string::npos);
    auto wrong = run_ccscan("scan " + server.git_url("auditor:" + token + "x", "center.git") + " --ca-bundle " + server.ca() + " -q");
    CHECK(wrong.code == 2);
    CHECK(wrong.text.find(token) == std::string::npos);
    fs::remove_all(root);
}
