// `--version` as users and CI scripts type it, and an example in every sub-command's --help.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli/command.h"
#include "tests/cli/run_binary.h"

using ccscan::test::run_ccscan;

TEST_CASE("the version flags (--version, -V) print what `ccscan version` prints", "[cli]") {
    auto sub = run_ccscan("version");
    REQUIRE(sub.code == 0);
    REQUIRE(sub.text.rfind("ccscan ", 0) == 0);
    for (const char* flag : {"--version", "-V"}) {
        auto r = run_ccscan(flag);
        CHECK(r.code == 0);
        CHECK(r.text == sub.text);
    }
    auto none = run_ccscan("");
    CHECK(none.code == 2);
    CHECK(none.text.find("A subcommand is required") != std::string::npos);
}

TEST_CASE("every sub-command's --help shows a runnable example of itself", "[cli]") {
    for (const auto& c : ccscan::cli::commands()) {
        std::string name(c.name);
        INFO("command " << name);
        auto r = run_ccscan(name + " --help");
        CHECK(r.code == 0);
        auto at = r.text.find("Examples:\n");
        REQUIRE(at != std::string::npos);
        std::istringstream lines(r.text.substr(at + 10));
        std::string line;
        REQUIRE(std::getline(lines, line));
        CHECK(line.rfind("  ccscan " + name, 0) == 0);
    }
}

TEST_CASE("the examples that read only bundled files run as shown", "[cli]") {
    // Run from the source folder, as a new user in a fresh clone would.
    for (const char* args : {"graph examples/acme-contact-center/connect/flows/payment.json --format mermaid",
                             "rules show CCS-FLOW-001", "rules list --pack pci-dss"}) {
        INFO(args);
        auto r = ccscan::test::run_ccscan_with_prefix("cd '" + ccscan::test::source_dir() + "' && ", args);
        CHECK(r.code == 0);
    }
}
